using Orchestrator.Engine.Findings;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Characters;

/// <summary>Wording, locating and quoting helpers of the character findings.</summary>
internal static class CharactersText
{
    /// <summary>Longest evidence quote, in characters (an ellipsis is added when the text is cut).</summary>
    public const int MaxEvidence = Excerpt.MaxEvidence;

    /// <summary>Where a mention is: its chapter and paragraph, and the characters from its first to its last word.</summary>
    public static TextLocation Locate(ManuscriptDocument document, Mention mention)
    {
        var first = document.Words[mention.FirstWord];
        var last = document.Words[mention.LastWord];
        return document.Locator.Locate(first.Start, last.Start + last.Length - first.Start);
    }

    /// <summary>The sentence holding a mention, as evidence; a long sentence is cut to a window that shows the name.</summary>
    public static string Evidence(ManuscriptDocument document, Mention mention)
    {
        var sentence = document.Sentences[mention.Sentence].Span;
        var name = document.Words[mention.FirstWord];
        if (sentence.Length <= MaxEvidence || name.Start + name.Length - sentence.Start < MaxEvidence * 2 / 3)
            return Excerpt.Of(document, sentence);
        // Start a few words before the name, at a word start.
        var start = Math.Max(sentence.Start, name.Start - MaxEvidence / 3);
        var text = document.Text;
        while (start > sentence.Start && !char.IsWhiteSpace(text[start - 1])) start--;
        return "…" + Excerpt.Of(document, new TextSpan(start, sentence.End - start), MaxEvidence - 1);
    }

}
