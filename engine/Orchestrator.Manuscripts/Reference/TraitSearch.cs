using System.Buffers;
using System.Text.RegularExpressions;

namespace Orchestrator.Manuscripts.Reference;

/// <summary>
/// The matches of a <see cref="TraitPatterns"/> regex in a text, the same as <c>regex.Matches(text)</c>, found by running
/// the regex only over the stretches that can hold one. Every match of the eyes and hair shapes holds "eyes" or "hair"
/// right after a space and never a character no shape consumes (quotes, semicolons, parentheses, dashes...), so the
/// stretch between two such characters around each keyword is all the regex needs to read: Pride and Prejudice has 57
/// such stretches (16,000 characters of 729,000), where a whole pass tries the regex at every capital letter. (The age
/// shape keeps its whole pass: its keywords, digits and number words, are too many and too common to search faster.)
/// </summary>
/// <remarks>
/// The regex runs over the stretch and the character after it (the final <c>\b</c> reads one character past a match).
/// A text holding a character that case-insensitive regex matching equates with a keyword's letter but an ordinal
/// search does not (a long s, a Kelvin sign, a dotted or dotless i) is scanned whole.
/// </remarks>
internal static class TraitSearch
{
    public static readonly SearchValues<string> EyesOrHair = SearchValues.Create(["eyes", "hair"], StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<Match> Matches(Regex regex, SearchValues<string> keywords, string text)
    {
        if (HasUnusualCharacters(text))
        {
            foreach (Match m in regex.Matches(text)) yield return m;
            yield break;
        }
        // Keywords are searched from `from`; a stretch starts no earlier than `done`, the end of the last one read.
        int from = 0, done = 0;
        while (from < text.Length)
        {
            var found = text.AsSpan(from).IndexOfAny(keywords);
            if (found < 0) yield break;
            var keyword = from + found;
            from = keyword + 1;
            if (keyword == 0 || !char.IsWhiteSpace(text[keyword - 1])) continue;
            var start = keyword;
            while (start > done && !IsSeparator(text[start - 1])) start--;
            var end = keyword;
            while (end < text.Length && !IsSeparator(text[end])) end++;
            for (var m = regex.Match(text, start, Math.Min(text.Length, end + 1) - start); m.Success; m = m.NextMatch()) yield return m;
            from = done = end + 1;
        }
    }

    /// <summary>A character no trait shape consumes: not a letter, digit or space, nor ' ’ - . , (after a title, between modifiers).</summary>
    private static bool IsSeparator(char c) => !(char.IsLetterOrDigit(c) || char.IsWhiteSpace(c) || c is '\'' or '’' or '-' or '.' or ',');

    /// <summary>ſ, K (Kelvin), İ, ı: what the regex's invariant ignore-case equates with s, k, i and the keyword search would miss.</summary>
    private static bool HasUnusualCharacters(string text) => text.AsSpan().IndexOfAny("\u017F\u212A\u0130\u0131") >= 0;
}
