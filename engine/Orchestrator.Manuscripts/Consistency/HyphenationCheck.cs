using Orchestrator.Engine.Findings;
using Orchestrator.Manuscripts.Lexicons;
using static Orchestrator.Manuscripts.Consistency.ConsistencyText;
using static Orchestrator.Manuscripts.Text.NumberFormat;
using M = Orchestrator.Manuscripts.Consistency.ConsistencyMetrics;

namespace Orchestrator.Manuscripts.Consistency;

/// <summary>
/// Hyphenation variants, discovered from the book itself: a hyphenated word whose closed form also occurs
/// (to-morrow/tomorrow, e-mail/email, any-one/anyone), or, where that is sound, whose open form occurs as two
/// words in a row (drawing-room/drawing room). The rarer form is flagged against the commoner; in a tie, the
/// hyphenated one.
/// </summary>
/// <remarks>
/// Closed forms that are other words are left alone (re-cover/recover, re-sign/resign, re-creation/recreation...).
/// The open form is only compared when neither part is a function word or one of well, ill, half, self, so...
/// (any one, every one, some one are not "anyone": "any one of them" is right), neither is a common adjective or
/// "like" (a fresh-water fish but fresh water, a man-like grip but a man like him), and the second part is not an
/// -ed or -ing word (a well-known man but he is well known; good-natured): open forms of compound adjectives are
/// correct after the noun.
/// </remarks>
internal static class HyphenationCheck
{
    private static readonly WordSet DistinctMeanings = WordSet.Parse("""
        re-cover re-covered re-covering re-sign re-signed re-signing re-creation re-create re-created re-form re-formed
        re-formation re-present re-presented re-presenting re-sort re-sorted re-press re-pressed re-collect
        re-collected re-collection re-count re-counted re-lay re-mark re-marked re-serve re-served re-treat
        re-treated re-act re-acted re-lease re-leased re-strain re-strained re-turn re-turned re-pose co-op
        re-petition re-dress re-solve re-solved re-claim re-claimed re-prove re-proved un-ionized
        """);

    private static readonly WordSet OpenExempt = new(WordRoles.CapitalisationExempt.Words.Concat(
        ["well", "ill", "half", "self", "ever", "never", "fore", "after", "over", "under", "out", "up", "down", "off", "non",
         "re", "co", "pre", "post", "anti", "ex", "semi", "un", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
         "eighty", "ninety", "hundred", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "like",
         "far", "near", "wide", "full", "fresh", "common", "good", "old", "new", "young", "high", "low", "long", "short",
         "great", "small", "little", "big", "dark", "light", "open", "free", "hard", "soft", "deep", "broad", "best",
         "better", "red", "white", "black", "blue", "green"]));

    private enum Kind { Closed, Open }

    private sealed record Pair(string Hyphenated, int HyphenatedEntry, string Other, Kind Kind, List<int> OtherUses)
    {
        public int HyphenatedCount { get; init; }
        public int OtherCount => OtherUses.Count;
        public int Total => HyphenatedCount + OtherCount;
        public bool HyphenatedIsMinority => HyphenatedCount <= OtherCount;
        public int MinorityCount => Math.Min(HyphenatedCount, OtherCount);
    }

    /// <summary>Runs the check; returns the minority uses.</summary>
    public static int Run(ConsistencyContext context)
    {
        var vocabulary = context.Vocabulary;
        var pairs = new List<Pair>();
        // Open-form candidates by the entry of their first part, so each first part's uses are walked once.
        var open = new Dictionary<int, List<(string Second, int Entry)>>();
        Span<char> buffer = stackalloc char[128];
        for (var e = 0; e < vocabulary.Count; e++)
        {
            ref var entry = ref vocabulary[e];
            if ((entry.Role & WordRole.Hyphenated) == 0) continue;
            var key = vocabulary.KeyOf(e).AsSpan();
            if (key.Length > buffer.Length || DistinctMeanings.Contains(key)) continue;

            var joinedLength = 0;
            var hyphens = 0;
            foreach (var c in key)
            {
                if (c is '-' or '‐' or '‑') hyphens++;
                else buffer[joinedLength++] = c;
            }
            var joined = vocabulary.Find(buffer[..joinedLength]);
            if (joined >= 0)
            {
                pairs.Add(new Pair(Display(context, e), e, Display(context, joined), Kind.Closed,
                    vocabulary.Uses(joined).ToList()) { HyphenatedCount = entry.Count });
                continue;
            }
            if (!context.Options.SpacedCompounds || hyphens != 1) continue;
            var cut = key.IndexOfAny('-', '‐', '‑');
            var first = key[..cut];
            var second = key[(cut + 1)..];
            var firstEntry = vocabulary.Find(first);
            if (firstEntry < 0 || !IsOpenCandidate(first, second)) continue;
            if (!open.TryGetValue(firstEntry, out var seconds)) open[firstEntry] = seconds = [];
            seconds.Add((second.ToString(), e));
        }
        foreach (var (hyphenated, uses, openForm) in OpenUses(context, open))
            pairs.Add(new Pair(Display(context, hyphenated), hyphenated, openForm, Kind.Open, uses) { HyphenatedCount = vocabulary[hyphenated].Count });

        var ordered = pairs
            .OrderBy(p => (double)p.MinorityCount / p.Total)
            .ThenByDescending(p => p.Total)
            .ThenBy(p => p.Hyphenated, StringComparer.Ordinal)
            .ToList();
        var minorityUses = 0;
        foreach (var pair in ordered)
        {
            var uses = pair.HyphenatedIsMinority ? vocabulary.Uses(pair.HyphenatedEntry).ToList() : pair.OtherUses;
            minorityUses += uses.Count;
            var form = pair.Kind == Kind.Closed ? "closed" : "open";
            var (minorityForm, minorityName, dominantForm, dominantName, dominantCount) = pair.HyphenatedIsMinority
                ? (pair.Hyphenated, "hyphenated", pair.Other, form, pair.OtherCount)
                : (pair.Other, form, pair.Hyphenated, "hyphenated", pair.HyphenatedCount);
            for (var k = 0; k < uses.Count; k++)
            {
                var w = uses[k];
                context.CountWordIssue(w);
                if (k >= context.Options.MaxUsesPerVariant) continue;
                var word = context.Document.Words[w];
                var length = pair.HyphenatedIsMinority || pair.Kind == Kind.Closed
                    ? word.Length
                    : context.Document.Words[w + 1].Start + context.Document.Words[w + 1].Length - word.Start;
                var text = string.Join(' ', context.Document.Text.Substring(word.Start, length).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                var replacement = SpellingCheck.MatchCase(dominantForm, text);
                context.Findings.Add(ConsistencyRules.HyphenationVariant, () => new Finding(ConsistencyRules.HyphenationVariant, Severity.Suggestion,
                    $"{Q(text)} is written {Q(dominantForm)} elsewhere in the book: {N0(uses.Count)} {minorityName} ({minorityForm}) " +
                    $"against {N0(dominantCount)} {dominantName} ({dominantForm}).",
                    $"Write {Q(replacement)} here, as in the rest of the book; or, if {Q(minorityForm)} is the form you want, change the other {N0(dominantCount)}.",
                    context.Document.Locator.Locate(word.Start, length),
                    Evidence(context.Document, word.Start, length),
                    pair.Kind == Kind.Closed ? 0.9 : 0.7));
            }
        }
        context.Metrics[M.HyphenationPairs] = pairs.Count;
        context.Metrics[M.HyphenationMinorityUses] = minorityUses;
        if (pairs.Count > 0) context.Summary.Add($"{Count(pairs.Count, "compound")} hyphenated inconsistently");
        return minorityUses;
    }

    /// <summary>
    /// How a form is shown: folded (to-morrow) unless the book writes it with a capital inside sentences and never in
    /// lower case (Moby-Dick).
    /// </summary>
    private static string Display(ConsistencyContext context, int entry)
    {
        var vocabulary = context.Vocabulary;
        return !IsProperNoun(vocabulary[entry])
            ? vocabulary.KeyOf(entry)
            : WordScan.StripPossessive(context.Document.WordText(vocabulary[entry].First), out _).ToString();
    }

    /// <summary>Never in lower case, and capitalised inside a sentence or written with inner capitals (Moby-Dick, McKay).</summary>
    private static bool IsProperNoun(in VocabularyEntry entry) => entry.Lower == 0 && (entry.CapitalisedInside > 0 || entry.Capitalised == 0);

    private static bool IsOpenCandidate(ReadOnlySpan<char> first, ReadOnlySpan<char> second)
    {
        if (first.Length < 2 || second.Length < 2) return false;
        foreach (var c in first) if (!char.IsLetter(c)) return false;
        foreach (var c in second) if (!char.IsLetter(c)) return false;
        if (OpenExempt.Contains(first) || OpenExempt.Contains(second)) return false;
        return !second.EndsWith("ed", StringComparison.OrdinalIgnoreCase) && !second.EndsWith("ing", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// For each open-form candidate that occurs: the hyphenated entry, the uses of its first part followed (in the same
    /// paragraph, only white space between) by its second part, and the open form as shown. In entry order.
    /// </summary>
    private static List<(int Hyphenated, List<int> Uses, string OpenForm)> OpenUses(
        ConsistencyContext context, Dictionary<int, List<(string Second, int Entry)>> candidates)
    {
        var found = new List<(int, List<int>, string)>();
        var document = context.Document;
        var vocabulary = context.Vocabulary;
        var text = document.Text;
        var words = document.Words;
        foreach (var (firstEntry, seconds) in candidates.OrderBy(c => c.Key))
        {
            var uses = new List<int>[seconds.Count];
            var length = vocabulary.KeyOf(firstEntry).Length;
            foreach (var w in vocabulary.Uses(firstEntry))
            {
                if (w + 1 >= words.Length || words[w].Length != length) continue;
                var gapStart = words[w].End();
                var gapEnd = words[w + 1].Start;
                if (gapEnd - gapStart is < 1 or > 3) continue;
                var newlines = 0;
                var blank = true;
                for (var i = gapStart; i < gapEnd; i++)
                {
                    if (text[i] == '\n') newlines++;
                    else if (text[i] is not (' ' or '\t')) blank = false;
                }
                if (!blank || newlines > 1) continue;
                var next = WordScan.StripPossessive(document.WordText(w + 1), out _);
                for (var k = 0; k < seconds.Count; k++)
                    if (next.Equals(seconds[k].Second, StringComparison.OrdinalIgnoreCase)) (uses[k] ??= []).Add(w);
            }
            for (var k = 0; k < seconds.Count; k++)
            {
                if (uses[k] is not { } list) continue;
                var form = IsProperNoun(vocabulary[firstEntry])
                    ? $"{WordScan.StripPossessive(document.WordText(list[0]), out _)} {WordScan.StripPossessive(document.WordText(list[0] + 1), out _)}"
                    : $"{vocabulary.KeyOf(firstEntry)} {seconds[k].Second}";
                found.Add((seconds[k].Entry, list, form));
            }
        }
        found.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return found;
    }

    private static int End(this Orchestrator.Manuscripts.Text.Word word) => word.Start + word.Length;
}
