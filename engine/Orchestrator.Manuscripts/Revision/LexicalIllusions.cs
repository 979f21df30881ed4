using Orchestrator.Manuscripts.Readability;
using Orchestrator.Manuscripts.Style;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Revision;

/// <summary>
/// Lexical illusions, found as the <c>style</c> node finds them (so every one removed is one fewer
/// <c>style.lexical-illusion</c>): within a paragraph, a word followed, across white space only (line breaks
/// included), by the same word in any case ("the the", "The the", "of↵of"), the second starting with a letter, unless
/// the word is one whose doubling is grammatical or deliberate (<c>StyleLexicon.RepeatAllowed</c>: "had had",
/// "can can", "is is", "no no", "knock knock"...), or one the style node queries but only a writer can settle
/// (<c>StyleLexicon.RepeatQueried</c>: "that that", "on on"), or a reduplicated name ("Walla Walla").
/// </summary>
/// <remarks>
/// A run (w0 w1 … wk) becomes one edit that keeps w0, so the first word keeps its case ("The the cat" → "The cat").
/// When the run is followed on the same line by spaces and a word, the repeats are removed with the spaces after
/// them ("the↵the cat" → "the↵cat": the line structure stays); otherwise with the white space before them
/// ("the the." → "the.", "the the ," → "the ," whose space the whitespace rule then removes in the same pass).
/// </remarks>
internal static class LexicalIllusions
{
    public static void Find(ManuscriptDocument document, List<WordEdit> edits, ref bool[]? removed)
    {
        var text = document.Text;
        var words = document.Words;
        Span<char> previous = stackalloc char[WordFolding.MaxLength];
        Span<char> current = stackalloc char[WordFolding.MaxLength];
        foreach (var paragraph in document.Paragraphs)
        {
            var first = paragraph.FirstWord;
            var end = first + paragraph.WordCount;
            var previousLength = -1;
            var runStart = -1;
            for (var j = first; j < end; j++)
            {
                var word = words[j];
                var length = WordFolding.Fold(text.AsSpan(word.Start, word.Length), current);
                var repeated = j > first && length > 0 && length == previousLength
                    && current[..length].SequenceEqual(previous[..previousLength])
                    && !StyleLexicon.RepeatAllowed.Contains(current[..length]) && !StyleLexicon.RepeatQueried.Contains(current[..length])
                    && char.IsLetter(text[word.Start])
                    && !(char.IsUpper(text[word.Start]) && char.IsUpper(text[words[j - 1].Start]))
                    && IsWhiteGap(text, words[j - 1], word);
                if (repeated)
                {
                    if (runStart < 0) runStart = j - 1;
                }
                else if (runStart >= 0)
                {
                    Add(document, runStart, j - 1, paragraph.Span.End, edits, ref removed);
                    runStart = -1;
                }
                current[..Math.Max(0, length)].CopyTo(previous);
                previousLength = length;
            }
            if (runStart >= 0) Add(document, runStart, end - 1, paragraph.Span.End, edits, ref removed);
        }
    }

    private static bool IsWhiteGap(string text, Word before, Word after)
    {
        var gap = text.AsSpan(before.Start + before.Length, after.Start - before.Start - before.Length);
        return !gap.IsEmpty && gap.IsWhiteSpace();
    }

    private static void Add(ManuscriptDocument document, int first, int last, int paragraphEnd, List<WordEdit> edits, ref bool[]? removed)
    {
        var text = document.Text;
        var words = document.Words;
        removed ??= new bool[words.Length];
        for (var j = first + 1; j <= last; j++) removed[j] = true;

        var lastEnd = words[last].Start + words[last].Length;
        var next = lastEnd;
        while (next < paragraphEnd && text[next] is ' ' or '\t') next++;
        if (next > lastEnd && next < paragraphEnd && text[next] != '\n' && !TypographyScanner.IsSpacedOffPunctuation(text[next]))
        {
            var start = words[first + 1].Start;
            edits.Add(new WordEdit(start, next - start, "", RevisionRule.LexicalIllusion));
        }
        else
        {
            var start = words[first].Start + words[first].Length;
            edits.Add(new WordEdit(start, lastEnd - start, "", RevisionRule.LexicalIllusion));
        }
    }
}
