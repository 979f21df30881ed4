using System.Collections.Frozen;

namespace Orchestrator.Manuscripts.Revision;

/// <summary>
/// Chooses the curly form of a straight quotation mark or apostrophe from the characters around it, within its
/// paragraph (a paragraph start counts as white space, so speech reopened on a new paragraph opens).
/// </summary>
/// <remarks>
/// <para><b>'</b> after a letter or digit is an apostrophe or a closing mark, both ’ (don't → don’t, Jones' → Jones’,
/// goin' → goin’, 1920's). After white space, an opening mark or a dash it opens (‘), except before an elided word
/// ('tis, 'twas, 'em, 'cause, 'til, rock 'n' roll: <see cref="Elisions"/>) or a two-digit year ('90s), which take the
/// apostrophe ’. After anything else (punctuation, a closing mark) it closes (’).</para>
/// <para><b>"</b> opens (“) after white space, an opening bracket or an opening mark, and after a dash when a word
/// follows (<c>said--"Stop</c>); it closes (”) everywhere else (<c>"I was--"</c>).</para>
/// <para>A mark with white space on both sides is left straight: nothing says which way it faces. Nested quotes
/// follow from the same rules ("'Tis," → “’Tis,” and "He said 'no'." → “He said ‘no’.”). Primes (5' 10") are not
/// told apart from quotes: they become ’ and ”.</para>
/// </remarks>
internal static class CurlyQuotes
{
    /// <summary>Words that begin with an elided letter written as an apostrophe.</summary>
    public static readonly FrozenSet<string> Elisions = new[]
    {
        "tis", "twas", "twere", "twill", "twould", "twixt", "tween", "em", "im", "cause", "cos", "til", "bout", "n",
        "neath", "gainst", "nuff", "spose",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ElisionLookup =
        Elisions.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The mark to write at <paramref name="pos"/>: its curly form, or itself when it stays.</summary>
    public static char Choose(string text, int pos, int start, int end) =>
        text[pos] is '"' or '\'' ? Choose(text, pos, start, end, 0, text[pos]) : text[pos];

    /// <summary>
    /// The way the mark at <paramref name="pos"/> faces judged from its context alone, as if it were straight (a curly
    /// mark included): its curly form, or the straight mark when nothing says. A rule that must decide the same way
    /// before and after the marks are made straight asks this.
    /// </summary>
    public static char Faces(string text, int pos, int start, int end) => text[pos] switch
    {
        '"' or '“' or '”' or '„' or '‟' => Choose(text, pos, start, end, 0, '"'),
        '\'' or '‘' or '’' or '‚' or '‛' => Choose(text, pos, start, end, 0, '\''),
        var c => c,
    };

    private static char Choose(string text, int pos, int start, int end, int depth, char c)
    {
        var next = pos + 1 < end ? text[pos + 1] : ' ';
        var before = Before(text, pos, start, end, depth);
        if (c == '\'')
        {
            if (before == Side.Word || before == Side.Closing) return '’';
            if (char.IsWhiteSpace(next) && before == Side.Space) return c;
            if (before == Side.Dash && !char.IsLetterOrDigit(next)) return '’';
            if (char.IsDigit(next))
                return pos + 2 < end && char.IsDigit(text[pos + 2]) && (pos + 3 >= end || !char.IsDigit(text[pos + 3])) ? '’' : '‘';
            return IsElision(text, pos + 1, end) ? '’' : '‘';
        }
        return before switch
        {
            Side.Space => char.IsWhiteSpace(next) ? c : '“',
            Side.Opening => '“',
            Side.Dash => char.IsLetterOrDigit(next) || next is '\'' or '‘' ? '“' : '”',
            _ => '”',
        };
    }

    private const int MaxDepth = 3;

    private enum Side { Space, Opening, Dash, Word, Closing }

    /// <summary>What stands before the mark at <paramref name="pos"/>.</summary>
    private static Side Before(string text, int pos, int start, int end, int depth)
    {
        if (pos == start) return Side.Space;
        var p = text[pos - 1];
        if (char.IsWhiteSpace(p)) return Side.Space;
        if (char.IsLetterOrDigit(p)) return Side.Word;
        return p switch
        {
            '“' or '‘' or '(' or '[' or '{' => Side.Opening,
            '—' or '–' or '-' => Side.Dash,
            // A straight mark before: it faces the way it will be written ("'Tis opens twice; .'" closes twice).
            // A run of straight marks is looked back into a few marks deep, no further.
            '"' or '\'' => depth < MaxDepth && Choose(text, pos - 1, start, end, depth + 1, p) is '“' or '‘' ? Side.Opening : Side.Closing,
            _ => Side.Closing,
        };
    }

    private static bool IsElision(string text, int from, int end)
    {
        var to = from;
        while (to < end && char.IsLetter(text[to])) to++;
        return to > from && ElisionLookup.Contains(text.AsSpan(from, to - from));
    }
}
