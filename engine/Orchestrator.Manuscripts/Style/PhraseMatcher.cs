using Orchestrator.Manuscripts.Themes;

namespace Orchestrator.Manuscripts.Style;

/// <summary>
/// Matches a list of phrases over the words of a sentence, anywhere in it. Phrases are grouped by first word, longest
/// first, and compared word by word in folded form; <c>*</c> matches any one word, and a possessive (my, his, one's...)
/// in a listed phrase matches any possessive. Verbs and nouns match inflected ("bit the bullet", "breaking the ice",
/// "reverted back"): each listed word also matches its regular inflections and, for common irregular verbs, their past forms.
/// A leading article of a listed phrase is dropped, so "a chip off the old block" matches "the chip off the old block" too.
/// </summary>
internal sealed class PhraseMatcher
{
    /// <summary>The folded text of word <paramref name="index"/> of the document.</summary>
    public delegate ReadOnlySpan<char> FoldedWord(int index);

    private const string Wildcard = "*";

    private readonly Dictionary<string, Phrase[]> _byFirst;
    private readonly Dictionary<string, Phrase[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <param name="phrases">The phrases, lower case, words separated by spaces (punctuation is ignored).</param>
    public PhraseMatcher(IEnumerable<string> phrases)
    {
        var all = phrases.Select((p, i) => new Phrase(i, Tokens(p))).Where(p => p.Words.Length > 0 && p.Words[0].Length > 0 && p.Words[0][0] != Wildcard);
        _byFirst = all
            .SelectMany(p => p.Words[0].Select(form => (form, p)))
            .GroupBy(x => x.form, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.Select(x => x.p).Distinct().OrderByDescending(p => p.Words.Length).ThenBy(p => p.Index).ToArray(),
                StringComparer.Ordinal);
        _lookup = _byFirst.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Every form a phrase can start with (to mark them in the lexicon).</summary>
    public IEnumerable<string> FirstWords => _byFirst.Keys;

    /// <summary>
    /// The longest phrase starting at word <paramref name="first"/> (folded as <paramref name="firstFolded"/>) and ending
    /// before word <paramref name="end"/>: its number of words and its index in the list, or (0, -1) when none matches.
    /// </summary>
    public (int Words, int Index) Match(ReadOnlySpan<char> firstFolded, int first, int end, FoldedWord word)
    {
        if (!_lookup.TryGetValue(firstFolded, out var candidates)) return (0, -1);
        foreach (var phrase in candidates)
        {
            var tokens = phrase.Words;
            if (first + tokens.Length > end) continue;
            var matched = true;
            for (var k = 1; k < tokens.Length && matched; k++)
            {
                var forms = tokens[k];
                if (forms[0] == Wildcard) continue;
                var w = word(first + k);
                matched = false;
                foreach (var form in forms)
                {
                    if (!w.SequenceEqual(form)) continue;
                    matched = true;
                    break;
                }
            }
            if (matched) return (tokens.Length, phrase.Index);
        }
        return (0, -1);
    }

    private sealed record Phrase(int Index, string[][] Words);

    /// <summary>A listed phrase as the forms each of its words may take.</summary>
    private static string[][] Tokens(string phrase)
    {
        var words = phrase.ToLowerInvariant()
            .Split([' ', ',', ';', ':', '!', '?', '.', '"', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => StyleLexicon.Fold(w.Trim('\'', '’', '-')))
            .Where(w => w.Length > 0)
            .ToList();
        if (words.Count > 2 && words[0] is "a" or "an" or "the") words.RemoveAt(0);
        return words.Select(FormsOf).ToArray();
    }

    private static string[] FormsOf(string word)
    {
        if (word == Wildcard || Possessives.Contains(word)) return [Wildcard];
        var forms = new List<string> { word };
        if (IrregularVerbs.TryGetValue(word, out var irregular)) forms.AddRange(irregular.Split(' '));
        if (word.Length < 3 || !word.All(char.IsLetter)) return forms.ToArray();
        forms.AddRange(Inflections.Of(word));
        return forms.Distinct(StringComparer.Ordinal).ToArray();
    }

    private static readonly HashSet<string> Possessives = new(StringComparer.Ordinal)
    {
        "my", "your", "his", "her", "its", "our", "their", "one's", "someone's", "somebody's",
    };

    /// <summary>Past forms of the irregular verbs that open or carry common set phrases.</summary>
    private static readonly Dictionary<string, string> IrregularVerbs = new(StringComparer.Ordinal)
    {
        ["bite"] = "bit bitten", ["break"] = "broke broken", ["take"] = "took taken", ["go"] = "went gone", ["come"] = "came",
        ["get"] = "got gotten", ["make"] = "made", ["keep"] = "kept", ["lose"] = "lost", ["hold"] = "held", ["bring"] = "brought",
        ["find"] = "found", ["throw"] = "threw thrown", ["catch"] = "caught", ["draw"] = "drew drawn", ["run"] = "ran",
        ["see"] = "saw seen", ["tell"] = "told", ["think"] = "thought", ["give"] = "gave given", ["fall"] = "fell fallen",
        ["stand"] = "stood", ["shake"] = "shook shaken", ["sing"] = "sang sung", ["speak"] = "spoke spoken", ["steal"] = "stole stolen",
        ["tear"] = "tore torn", ["wear"] = "wore worn", ["win"] = "won", ["write"] = "wrote written", ["drive"] = "drove driven",
        ["ride"] = "rode ridden", ["rise"] = "rose risen", ["fly"] = "flew flown", ["grow"] = "grew grown", ["know"] = "knew known",
        ["blow"] = "blew blown", ["buy"] = "bought", ["sell"] = "sold", ["pay"] = "paid", ["say"] = "said", ["sit"] = "sat",
        ["eat"] = "ate eaten", ["drink"] = "drank drunk", ["begin"] = "began begun", ["feel"] = "felt", ["meet"] = "met",
        ["lead"] = "led", ["sleep"] = "slept", ["sweep"] = "swept", ["light"] = "lit", ["bend"] = "bent", ["send"] = "sent",
        ["spend"] = "spent", ["build"] = "built", ["leave"] = "left", ["sink"] = "sank sunk", ["burn"] = "burnt", ["dig"] = "dug",
        ["hang"] = "hung", ["swim"] = "swam swum", ["shoot"] = "shot", ["strike"] = "struck", ["teach"] = "taught", ["fight"] = "fought",
        ["seek"] = "sought", ["sweat"] = "sweat", ["spill"] = "spilt", ["bear"] = "bore borne", ["have"] = "has had", ["do"] = "does did done",
        ["is"] = "are was were be been being", ["be"] = "is are was were been being", ["hide"] = "hid hidden", ["forget"] = "forgot forgotten",
    };
}
