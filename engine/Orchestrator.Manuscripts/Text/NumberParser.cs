namespace Orchestrator.Manuscripts.Text;

/// <summary>Numbers as chapter headings write them: 12, XII, xii, Twelve, Twenty-One, the First, One Hundred and Five.</summary>
internal static class NumberParser
{
    public const int MaxNumber = 999;

    private static readonly (string Word, int Value)[] Words =
    [
        ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("eight", 8), ("nine", 9),
        ("ten", 10), ("eleven", 11), ("twelve", 12), ("thirteen", 13), ("fourteen", 14), ("fifteen", 15), ("sixteen", 16),
        ("seventeen", 17), ("eighteen", 18), ("nineteen", 19), ("twenty", 20), ("thirty", 30), ("forty", 40), ("fifty", 50),
        ("sixty", 60), ("seventy", 70), ("eighty", 80), ("ninety", 90), ("hundred", 100),
        ("first", 1), ("second", 2), ("third", 3), ("fourth", 4), ("fifth", 5), ("sixth", 6), ("seventh", 7), ("eighth", 8),
        ("ninth", 9), ("tenth", 10), ("eleventh", 11), ("twelfth", 12), ("thirteenth", 13), ("fourteenth", 14),
        ("fifteenth", 15), ("sixteenth", 16), ("seventeenth", 17), ("eighteenth", 18), ("nineteenth", 19), ("twentieth", 20),
        ("thirtieth", 30), ("fortieth", 40), ("fiftieth", 50), ("sixtieth", 60), ("seventieth", 70), ("eightieth", 80),
        ("ninetieth", 90), ("hundredth", 100),
    ];

    /// <summary>Parses a number at the start of <paramref name="s"/>: Arabic digits, a Roman numeral
    /// (either case) or English number words, optionally after "the" (Chapter the First).
    /// It must end at a non-letter. Returns the characters consumed, 0 when there is no number.</summary>
    public static int Parse(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        if (s.IsEmpty)
            return 0;
        if (char.IsAsciiDigit(s[0]))
        {
            int i = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                if (i == 3)
                    return 0;
                value = value * 10 + (s[i] - '0');
                i++;
            }
            if (i < s.Length && char.IsLetter(s[i]))
                return 0;
            return value is > 0 and <= MaxNumber ? i : 0;
        }
        int roman = ParseRoman(s, upperCaseOnly: false, out value);
        if (roman > 0)
            return roman;
        if (s.Length > 4 && s.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
        {
            int words = ParseWords(s[4..], out value);
            return words > 0 ? 4 + words : 0;
        }
        return ParseWords(s, out value);
    }

    /// <summary>A Roman numeral at the start of <paramref name="s"/>, canonical form only (IV, not IIII),
    /// followed by a non-letter. Returns the characters consumed.</summary>
    public static int ParseRoman(ReadOnlySpan<char> s, bool upperCaseOnly, out int value)
    {
        value = 0;
        int length = 0;
        while (length < s.Length && RomanDigit(s[length], upperCaseOnly) > 0)
            length++;
        if (length == 0 || length > 12 || (length < s.Length && char.IsLetter(s[length])))
            return 0;
        int total = 0;
        for (int i = 0; i < length; i++)
        {
            int digit = RomanDigit(s[i], upperCaseOnly);
            int next = i + 1 < length ? RomanDigit(s[i + 1], upperCaseOnly) : 0;
            total += digit < next ? -digit : digit;
        }
        if (total is <= 0 or > MaxNumber || !IsCanonicalRoman(s[..length], total))
            return 0;
        value = total;
        return length;
    }

    private static int RomanDigit(char c, bool upperCaseOnly)
    {
        if (!upperCaseOnly)
            c = char.ToUpperInvariant(c);
        return c switch
        {
            'I' => 1, 'V' => 5, 'X' => 10, 'L' => 50, 'C' => 100, 'D' => 500, 'M' => 1000, _ => 0,
        };
    }

    private static bool IsCanonicalRoman(ReadOnlySpan<char> s, int value)
    {
        Span<char> buffer = stackalloc char[16];
        int n = WriteRoman(value, buffer);
        return s.Equals(buffer[..n], StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>1-999 as an upper-case Roman numeral (part numbers in chapter labels: "II.3").</summary>
    public static string ToRoman(int value)
    {
        Span<char> buffer = stackalloc char[16];
        return buffer[..WriteRoman(Math.Clamp(value, 1, MaxNumber), buffer)].ToString();
    }

    private static int WriteRoman(int value, Span<char> buffer)
    {
        int n = 0;
        ReadOnlySpan<int> values = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1];
        ReadOnlySpan<string> symbols = ["M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"];
        for (int i = 0; i < values.Length; i++)
        {
            while (value >= values[i])
            {
                foreach (char c in symbols[i])
                    buffer[n++] = c;
                value -= values[i];
            }
        }
        return n;
    }

    /// <summary>English number words: Twelve, twenty-one, Twenty First, One Hundred and Five, the First.</summary>
    private static int ParseWords(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        int total = 0, consumed = 0, i = 0;
        bool any = false;
        while (i < s.Length)
        {
            int j = i;
            while (j < s.Length && char.IsAsciiLetter(s[j]))
                j++;
            if (j == i || (j < s.Length && char.IsLetter(s[j])))
                break;
            var word = s[i..j];
            if (any && total % 100 == 0 && word.Equals("and", StringComparison.OrdinalIgnoreCase))
            {
                if (j >= s.Length || s[j] != ' ')
                    break;
                i = j + 1;
                continue;
            }
            int v = Lookup(word);
            if (v == 0)
                break;
            if (v == 100)
                total = (total == 0 ? 1 : total) * 100;
            else if (any && (total % 100) % 10 != 0 || any && v >= 10 && total % 100 != 0)
                break; // "twenty-one two", "one twenty": not one number
            else
                total += v;
            any = true;
            consumed = j;
            if (j < s.Length && (s[j] == '-' || s[j] == ' '))
                i = j + 1;
            else
                break;
        }
        if (!any || total > MaxNumber)
            return 0;
        value = total;
        return consumed;
    }

    private static int Lookup(ReadOnlySpan<char> word)
    {
        if (word.Length is < 3 or > 11)
            return 0;
        foreach (var (text, value) in Words)
        {
            if (word.Equals(text, StringComparison.OrdinalIgnoreCase))
                return value;
        }
        return 0;
    }
}
