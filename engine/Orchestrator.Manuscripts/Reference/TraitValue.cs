namespace Orchestrator.Manuscripts.Reference;

/// <summary>
/// How traits are compared: by subject key and by the value's core. A colour's core is its last word with spelling
/// folded (gray is grey, blonde is blond), so "pale grey" agrees with "grey"; an age's core is its number, so
/// "thirty" agrees with "30".
/// </summary>
public static class TraitValue
{
    public const string Eyes = "eyes", Hair = "hair", Age = "age";

    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal) { "Mr", "Mrs", "Miss", "Ms", "Dr", "Captain", "Lady", "Lord", "Sir" };

    /// <summary>Capitalised words that start sentences but never name anyone (so "When Elinor" is Elinor, "Her" is nobody).</summary>
    internal static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "He", "She", "It", "They", "We", "You", "I", "His", "Her", "Hers", "Their", "Its", "My", "Our", "Your",
        "This", "That", "These", "Those", "There", "Here", "When", "Then", "But", "And", "Or", "If", "As", "At", "In", "On", "Of",
        "To", "For", "With", "By", "From", "So", "Yet", "Now", "All", "Both", "Everyone", "Nobody", "Someone", "Who", "What",
        "Where", "Why", "How", "Which", "While", "After", "Before", "Since", "Though", "Although", "Once", "Chapter", "God",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April",
        "May", "June", "July", "August", "September", "October", "November", "December", "Yes", "No", "Oh", "Well",
    };

    /// <summary>The subject as written, without leading words that cannot be a name; empty when nothing is left.</summary>
    public static string CleanSubject(string subject)
    {
        var tokens = subject.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (tokens.Count > 0 && NotNames.Contains(tokens[0])) tokens.RemoveAt(0);
        if (tokens.Count > 0 && tokens[^1].EndsWith('.')) tokens[^1] = tokens[^1].TrimEnd('.');
        if (tokens.Count == 1 && Titles.Contains(tokens[0].TrimEnd('.'))) tokens.Clear();
        return string.Join(' ', tokens);
    }

    /// <summary>
    /// The keys a subject is matched by: a titled name is one key (<c>Mrs Bennet</c>, so she is not Mr Bennet); otherwise
    /// each of its words (<c>Elinor Vance</c> matches <c>Elinor</c> and <c>Vance</c>).
    /// </summary>
    public static IReadOnlyList<string> SubjectKeys(string subject)
    {
        var tokens = subject.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0) return [];
        if (Titles.Contains(tokens[0].TrimEnd('.'))) return [string.Join(' ', tokens.Select(t => t.TrimEnd('.')))];
        return tokens;
    }

    /// <summary>The part of a value compared between statements.</summary>
    public static string Core(string attribute, string value)
    {
        var folded = value.Trim().ToLowerInvariant();
        if (attribute == Age) return AgeOf(folded)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? folded;
        var last = folded.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries)[^1];
        return last switch { "gray" => "grey", "blonde" => "blond", _ => last };
    }

    private static readonly string[] Units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static int? AgeOf(string text)
    {
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)) return n;
        if (text.Replace(" ", "", StringComparison.Ordinal) == "ahundred") return 100;
        var parts = text.Split(['-', ' '], StringSplitOptions.RemoveEmptyEntries);
        var tens = Array.IndexOf(Tens, parts[0]);
        if (tens >= 2) return tens * 10 + (parts.Length > 1 ? Math.Max(0, Array.IndexOf(Units, parts[1])) : 0);
        var unit = Array.IndexOf(Units, parts[0]);
        return unit >= 0 ? unit : null;
    }
}
