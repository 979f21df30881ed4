namespace Orchestrator.Manuscripts.Text;

/// <summary>
/// Recognises one trimmed line as a chapter-level heading (Chapter, Chap., Letter, Prologue, Epilogue,
/// a Roman numeral or an Arabic number alone, a Roman numeral with a title) or a part heading (Book, Part, Volume, Vol.), with its number and same-line
/// title. It only reads the line; whether the line really is a heading (its place in the text) is
/// decided by the scanner and the resolver.
/// </summary>
internal static class HeadingParser
{
    /// <summary>Longer lines are prose, whatever they start with.</summary>
    public const int MaxHeadingLength = 100;

    private readonly record struct Keyword(string Text, SectionKind Kind, bool IsPart, bool NeedsNumber);

    private static readonly Keyword[] Keywords =
    [
        new("chapter", SectionKind.Chapter, false, true),
        new("chap.", SectionKind.Chapter, false, true),
        new("letter", SectionKind.Letter, false, true),
        new("prologue", SectionKind.Prologue, false, false),
        new("epilogue", SectionKind.Epilogue, false, false),
        new("book", SectionKind.Section, true, true),
        new("part", SectionKind.Section, true, true),
        new("volume", SectionKind.Section, true, true),
        new("vol.", SectionKind.Section, true, true),
    ];

    public static bool TryParse(ReadOnlySpan<char> line, out HeadingMatch match)
    {
        match = default;
        if (line.IsEmpty || line.Length > MaxHeadingLength)
            return false;
        char first = line[0];
        switch (first)
        {
            case 'I' or 'V' or 'X' or 'L' or 'C':
                if (TryRomanAlone(line, out match) || TryRomanTitled(line, out match))
                    return true;
                break;
            case >= '1' and <= '9':
                return TryNumberAlone(line, out match);
        }
        switch (first | 0x20)
        {
            case 'c' or 'l' or 'p' or 'e' or 'b' or 'v':
                foreach (var keyword in Keywords)
                {
                    if (line.StartsWith(keyword.Text, StringComparison.OrdinalIgnoreCase) && TryKeyword(line, keyword, out match))
                        return true;
                }
                break;
        }
        return false;
    }

    private static bool TryRomanAlone(ReadOnlySpan<char> line, out HeadingMatch match)
    {
        match = default;
        var body = line[^1] == '.' ? line[..^1] : line;
        int length = NumberParser.ParseRoman(body, upperCaseOnly: true, out int value);
        if (length == 0 || length != body.Length || value > 300)
            return false;
        match = new HeadingMatch(SectionKind.Chapter, false, value, HeadingForm.NumberAlone, 0, 0);
        return true;
    }

    /// <summary>Most words a story title has; a longer line is a numbered sentence (Moby-Dick's "I. A Fast-Fish belongs to ...").</summary>
    private const int MaxTitleWords = 10;

    /// <summary><c>IV. The Red House</c>, <c>II: A SCANDAL</c>, <c>III — The End</c>: a Roman numeral, a separator and a
    /// title in title case (at most one lower-case word of five letters or more, no semicolon), as story collections
    /// head their stories. A numbered rule or list item in prose reads as a sentence and is refused.</summary>
    private static bool TryRomanTitled(ReadOnlySpan<char> line, out HeadingMatch match)
    {
        match = default;
        int length = NumberParser.ParseRoman(line, upperCaseOnly: true, out int value);
        if (length == 0 || value > 300 || length >= line.Length || !IsSeparator(line[length]))
            return false;
        int i = length + 1;
        while (i < line.Length && (char.IsWhiteSpace(line[i]) || IsSeparator(line[i])))
            i++;
        if ((i == length + 1 && line[length] == '.') || i >= line.Length)
            return false; // "I.e." or nothing after the numeral
        var title = line[i..];
        if (!(char.IsUpper(title[0]) || title[0] is '“' or '"' or '‘' or '\'') || title.Contains(';') || !IsTitleCase(title))
            return false;
        match = new HeadingMatch(SectionKind.Chapter, false, value, HeadingForm.NumberTitled, i, line.Length - i);
        return true;
    }

    private static bool IsTitleCase(ReadOnlySpan<char> title)
    {
        int words = 0, longLowerCase = 0;
        for (int i = 0; i < title.Length;)
        {
            int start = i;
            while (i < title.Length && (char.IsLetter(title[i]) || title[i] is '-' or '\'' or '’'))
                i++;
            if (i > start)
            {
                words++;
                if (i - start >= 5 && char.IsLower(title[start]))
                    longLowerCase++;
            }
            else
            {
                i++;
            }
        }
        return words <= MaxTitleWords && longLowerCase <= 1;
    }

    /// <summary>An Arabic number alone (<c>12</c>, <c>12.</c>), as many contemporary manuscripts head chapters.</summary>
    private static bool TryNumberAlone(ReadOnlySpan<char> line, out HeadingMatch match)
    {
        match = default;
        var body = line[^1] == '.' ? line[..^1] : line;
        int length = NumberParser.Parse(body, out int value);
        if (length == 0 || length != body.Length)
            return false;
        match = new HeadingMatch(SectionKind.Chapter, false, value, HeadingForm.NumberAlone, 0, 0);
        return true;
    }

    private static bool TryKeyword(ReadOnlySpan<char> line, Keyword keyword, out HeadingMatch match)
    {
        match = default;
        int i = keyword.Text.Length;
        bool endsWithDot = keyword.Text[^1] == '.';
        if (i < line.Length && !endsWithDot && !char.IsWhiteSpace(line[i]) && !(!keyword.NeedsNumber && IsSeparator(line[i])))
            return false; // "Chapters", "Partly", "Booking"
        int? number = null;
        int afterKeyword = i;
        while (i < line.Length && char.IsWhiteSpace(line[i]))
            i++;
        if (keyword.NeedsNumber || (i < line.Length && i > afterKeyword && char.IsAsciiDigit(line[i])))
        {
            if (i == afterKeyword && !endsWithDot)
                return false;
            int consumed = NumberParser.Parse(line[i..], out int value);
            if (consumed == 0)
                return false;
            number = value;
            i += consumed;
        }
        else
        {
            i = afterKeyword;
        }
        return TryTitle(line, i, keyword, number, out match);
    }

    /// <summary>Reads what follows the number (or the bare keyword) as the title, deciding the form.</summary>
    private static bool TryTitle(ReadOnlySpan<char> line, int i, Keyword keyword, int? number, out HeadingMatch match)
    {
        match = default;
        bool separated = false;
        if (i < line.Length && line[i] is '.' or ':')
        {
            separated = true;
            i++;
        }
        int spaceStart = i;
        while (i < line.Length && char.IsWhiteSpace(line[i]))
            i++;
        if (i - spaceStart >= 2)
            separated = true;
        if (i < line.Length && IsSeparator(line[i]))
        {
            separated = true;
            i++;
            while (i < line.Length && char.IsWhiteSpace(line[i]))
                i++;
        }
        if (i >= line.Length)
        {
            match = new HeadingMatch(keyword.Kind, keyword.IsPart, number, HeadingForm.Bare, 0, 0);
            return true;
        }
        if (!separated)
        {
            // "Chapter 3 The Storm": no separator, so the title must look like one.
            if (i == spaceStart || !(char.IsUpper(line[i]) || line[i] is '“' or '"' or '‘' or '\''))
                return false;
        }
        match = new HeadingMatch(keyword.Kind, keyword.IsPart, number, separated ? HeadingForm.Separated : HeadingForm.Loose, i, line.Length - i);
        return true;
    }

    private static bool IsSeparator(char c) => c is '.' or ':' or '-' or '–' or '—' or '―';
}
