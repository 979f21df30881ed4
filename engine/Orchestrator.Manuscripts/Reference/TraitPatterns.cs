using System.Text.RegularExpressions;

namespace Orchestrator.Manuscripts.Reference;

/// <summary>
/// The sentence shapes a stated trait is read from. The subject is one or two capitalised words, optionally after a
/// title (case matters there, so "her eyes" is never a subject); the rest ignores case.
/// <list type="bullet">
/// <item><c>X's eyes were grey</c>, <c>X's hair is dark red</c> (were, was, are, is, had been, has been);</item>
/// <item><c>X had grey eyes</c>, <c>X has long black hair</c>;</item>
/// <item><c>X was thirty</c>, <c>X is 30 years old</c>, <c>X turned forty-two</c>, when the number ends the clause
/// (punctuation, "years old", "and", "but", "when") so <c>X was one of them</c> is not an age.</item>
/// </list>
/// </summary>
internal static partial class TraitPatterns
{
    private const string Subject = @"(?<s>(?:(?:Mr|Mrs|Miss|Ms|Dr|Captain|Lady|Lord|Sir)\.?\s)?\p{Lu}[\p{Ll}'’-]+(?:\s\p{Lu}[\p{Ll}-]+)?)";
    private const string Colour = @"(?:grey|gray|blue|green|brown|hazel|black|amber|violet|dark|fair|blond|blonde|red|auburn|chestnut|golden|white|silver|copper|sandy|ginger)";
    private const string Modifier = @"(?:pale|dark|light|deep|bright|steel|ice|sea|jet|raven|honey|ash|dull|cold|clear|warm|long|short|curly|straight)";
    private const string Value = @"(?<v>(?:" + Modifier + @"[\s-])?" + Colour + ")";
    private const string Age = @"(?<v>\d{1,3}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|two|three|four|five|six|seven|eight|nine|a\shundred)";

    private const RegexOptions Flags = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private const int TimeoutMs = 2000;

    [GeneratedRegex(Subject + @"(?:'s|’s)\s+(?i:(?<a>eyes|hair)\s+(?:were|was|are|is|had\s+been|has\s+been)\s+(?:(?:a|an)\s+)?" + Value + @")\b", Flags, TimeoutMs)]
    public static partial Regex Possessive();

    [GeneratedRegex(Subject + @"\s+(?i:(?:had|has)\s+(?:(?:long|short|curly|straight|thick|thin)[\s,]+)?" + Value + @"\s+(?<a>eyes|hair))\b", Flags, TimeoutMs)]
    public static partial Regex Having();

    [GeneratedRegex(Subject + @"\s+(?i:(?:was|is|turned)\s+" + Age + @"(?=\s*[.,;:!?—–]|\s+(?:years?\s+old|years\s+of\s+age|and|but|when)\b))", Flags, TimeoutMs)]
    public static partial Regex AgeStatement();
}
