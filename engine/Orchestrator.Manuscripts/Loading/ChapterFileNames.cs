namespace Orchestrator.Manuscripts.Loading;

/// <summary>
/// How chapter files are named and ordered. Names are compared as tokens, ignoring spaces and punctuation:
/// runs of digits by their value (so <c>chapter-2</c> comes before <c>chapter-10</c>, whatever the zero-padding),
/// runs of letters case-insensitively, a number before a word. Front matter (prologue, foreword, preface,
/// introduction, prelude) comes first and back matter (epilogue, afterword, appendix) last.
/// </summary>
public static class ChapterFileNames
{
    private static readonly string[] FrontMatter = ["prologue", "foreword", "preface", "introduction", "prelude"];
    private static readonly string[] BackMatter = ["epilogue", "afterword", "appendix", "postscript"];
    private static readonly string[] ChapterWords = ["chapter", "chap", "ch", "part", "book", "section", "episode", "act"];

    /// <summary>Orders file names (with or without folders and extensions) as chapters: see the type's remarks.</summary>
    public static IComparer<string> Order { get; } = Comparer<string>.Create(Compare);

    /// <summary>
    /// Whether a file name reads as a chapter's: it starts with a number (<c>03 - The Storm.md</c>), with a chapter
    /// word followed by a number (<c>chapter-01.md</c>, <c>Chapter 2.txt</c>, <c>ch3.docx</c>, <c>part-1.md</c>),
    /// or with a front or back matter word (<c>prologue.md</c>).
    /// </summary>
    public static bool IsChapterName(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName.AsSpan());
        var tokens = new TokenReader(name);
        if (!tokens.TryNext(out var first, out var firstIsNumber)) return false;
        if (firstIsNumber) return true;
        if (IsOneOf(first, FrontMatter) || IsOneOf(first, BackMatter)) return true;
        return IsOneOf(first, ChapterWords) && tokens.TryNext(out _, out var secondIsNumber) && secondIsNumber;
    }

    /// <summary>Compares two chapter file names: front matter, then the rest in natural order, then back matter.</summary>
    public static int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var a = Path.GetFileNameWithoutExtension(x.AsSpan());
        var b = Path.GetFileNameWithoutExtension(y.AsSpan());
        int byRank = Rank(a).CompareTo(Rank(b));
        if (byRank != 0) return byRank;
        int natural = CompareNatural(a, b);
        return natural != 0 ? natural : string.CompareOrdinal(x, y);
    }

    /// <summary>Natural order of two names, token by token (see the type's remarks); 0 when they differ only in padding or punctuation.</summary>
    public static int CompareNatural(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var left = new TokenReader(a);
        var right = new TokenReader(b);
        while (true)
        {
            bool hasLeft = left.TryNext(out var l, out var lNumber);
            bool hasRight = right.TryNext(out var r, out var rNumber);
            if (!hasLeft || !hasRight) return hasLeft.CompareTo(hasRight);
            int c;
            if (lNumber && rNumber) c = CompareNumbers(l, r);
            else if (lNumber != rNumber) c = lNumber ? -1 : 1;
            else c = l.CompareTo(r, StringComparison.OrdinalIgnoreCase);
            if (c != 0) return c;
        }
    }

    private static int Rank(ReadOnlySpan<char> name)
    {
        var tokens = new TokenReader(name);
        if (!tokens.TryNext(out var first, out var isNumber) || isNumber) return 1;
        if (IsOneOf(first, FrontMatter)) return 0;
        return IsOneOf(first, BackMatter) ? 2 : 1;
    }

    private static int CompareNumbers(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        a = a.TrimStart('0');
        b = b.TrimStart('0');
        // Equal-length digit strings compare as numbers do; a longer one (without padding) is larger.
        return a.Length != b.Length ? a.Length.CompareTo(b.Length) : a.SequenceCompareTo(b);
    }

    private static bool IsOneOf(ReadOnlySpan<char> token, string[] words)
    {
        foreach (var word in words)
            if (token.Equals(word, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>Splits a name into runs of digits and runs of letters, skipping everything else.</summary>
    private ref struct TokenReader(ReadOnlySpan<char> text)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private int _at;

        public bool TryNext(out ReadOnlySpan<char> token, out bool isNumber)
        {
            while (_at < _text.Length && !char.IsLetterOrDigit(_text[_at])) _at++;
            token = default;
            isNumber = false;
            if (_at >= _text.Length) return false;
            int start = _at;
            isNumber = char.IsAsciiDigit(_text[_at]);
            if (isNumber)
                while (_at < _text.Length && char.IsAsciiDigit(_text[_at])) _at++;
            else
                while (_at < _text.Length && char.IsLetterOrDigit(_text[_at]) && !char.IsAsciiDigit(_text[_at])) _at++;
            token = _text[start.._at];
            return true;
        }
    }
}
