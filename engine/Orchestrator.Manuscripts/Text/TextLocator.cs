using Orchestrator.Engine.Findings;

namespace Orchestrator.Manuscripts.Text;

/// <summary>
/// Turns character offsets into the location an author reads: chapter ordinal and paragraph
/// number within that chapter (both 1-based), by binary search over the paragraph index.
/// </summary>
public sealed class TextLocator
{
    private readonly ManuscriptDocument _document;
    private readonly int[] _paragraphStarts;

    internal TextLocator(ManuscriptDocument document)
    {
        _document = document;
        _paragraphStarts = new int[document.Paragraphs.Length];
        for (var i = 0; i < _paragraphStarts.Length; i++) _paragraphStarts[i] = document.Paragraphs[i].Span.Start;
    }

    /// <summary>Index of the paragraph containing <paramref name="offset"/> (or the last one before it); -1 when before the first.</summary>
    public int ParagraphAt(int offset)
    {
        var i = Array.BinarySearch(_paragraphStarts, offset);
        return i >= 0 ? i : ~i - 1;
    }

    /// <summary>The location of a span: chapter ordinal, paragraph number within the chapter, offset and length.</summary>
    public TextLocation Locate(int offset, int length)
    {
        var p = ParagraphAt(offset);
        if (p < 0) return new TextLocation(null, null, offset, length);
        var paragraph = _document.Paragraphs[p];
        var chapter = _document.Chapters[paragraph.ChapterIndex];
        return new TextLocation(chapter.Ordinal, p - chapter.FirstParagraph + 1, offset, length);
    }

    public TextLocation Locate(TextSpan span) => Locate(span.Start, span.Length);

    /// <summary>The location of a whole paragraph by its index.</summary>
    public TextLocation LocateParagraph(int paragraphIndex) => Locate(_document.Paragraphs[paragraphIndex].Span);

    /// <summary>The location of a chapter: its heading when it has one, else its span.</summary>
    public TextLocation LocateChapter(int chapterIndex)
    {
        var chapter = _document.Chapters[chapterIndex];
        var span = chapter.HeadingSpan.Length > 0 ? chapter.HeadingSpan : chapter.Span;
        return new TextLocation(chapter.Ordinal, null, span.Start, span.Length);
    }
}
