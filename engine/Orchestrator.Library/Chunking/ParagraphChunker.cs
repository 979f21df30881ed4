using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Library.Chunking;

/// <summary>
/// Cuts a document into chunks aligned to paragraphs, chapter by chapter (a chunk never spans two chapters): whole
/// paragraphs until <see cref="ChunkingOptions.TargetWords"/>, the last one repeated at the start of the next chunk when
/// short (<see cref="ChunkingOptions.OverlapWords"/>); a paragraph over <see cref="ChunkingOptions.MaxWords"/> is cut on
/// its sentences the same way. One pass over the paragraph index; chunk texts are slices of the document's text.
/// </summary>
internal static class ParagraphChunker
{
    public static List<Chunk> Split(ManuscriptDocument document, ChunkingOptions options)
    {
        var chunks = new List<Chunk>();
        var paragraphs = document.Paragraphs;
        foreach (var chapter in document.Chapters)
        {
            int first = chapter.FirstParagraph, end = first + chapter.ParagraphCount;
            var start = first;
            while (start < end)
            {
                if (paragraphs[start].WordCount > options.MaxWords)
                {
                    SplitParagraph(document, chapter, start, options, chunks);
                    start++;
                    continue;
                }
                int words = 0, last = start;
                for (var i = start; i < end; i++)
                {
                    var count = paragraphs[i].WordCount;
                    if (i > start && (count > options.MaxWords || words + count > options.MaxWords)) break;
                    words += count;
                    last = i;
                    if (words >= options.TargetWords) break;
                }
                if (words > 0)
                    Add(document, chapter, start, last, words, paragraphs[start].Span.Start, paragraphs[last].Span.End, chunks);
                if (last + 1 >= end) break;
                var overlap = last > start && paragraphs[last].WordCount <= options.OverlapWords
                    && paragraphs[last + 1].WordCount <= options.MaxWords;
                start = overlap ? last : last + 1;
            }
        }
        return chunks;
    }

    private static void SplitParagraph(ManuscriptDocument document, Chapter chapter, int paragraphIndex, ChunkingOptions options, List<Chunk> chunks)
    {
        var paragraph = document.Paragraphs[paragraphIndex];
        var sentences = document.Sentences;
        int first = paragraph.FirstSentence, end = first + paragraph.SentenceCount;
        if (paragraph.SentenceCount == 0)
        {
            Add(document, chapter, paragraphIndex, paragraphIndex, paragraph.WordCount, paragraph.Span.Start, paragraph.Span.End, chunks);
            return;
        }
        var start = first;
        while (start < end)
        {
            int words = 0, last = start;
            for (var i = start; i < end; i++)
            {
                if (i > start && words + sentences[i].WordCount > options.MaxWords) break;
                words += sentences[i].WordCount;
                last = i;
                if (words >= options.TargetWords) break;
            }
            Add(document, chapter, paragraphIndex, paragraphIndex, words, sentences[start].Span.Start, sentences[last].Span.End, chunks);
            if (last + 1 >= end) break;
            start = last > start && sentences[last].WordCount <= options.OverlapWords ? last : last + 1;
        }
    }

    private static void Add(ManuscriptDocument document, Chapter chapter, int firstParagraph, int lastParagraph, int words, int from, int to,
        List<Chunk> chunks) =>
        chunks.Add(new Chunk(chunks.Count, chapter.Ordinal, chapter.Heading,
            firstParagraph - chapter.FirstParagraph + 1, lastParagraph - chapter.FirstParagraph + 1, words, document.Text[from..to]));
}
