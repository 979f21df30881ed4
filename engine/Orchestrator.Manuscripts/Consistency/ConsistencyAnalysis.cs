using Orchestrator.Engine.Nodes;
using Orchestrator.Manuscripts.Reference;
using Orchestrator.Manuscripts.Text;
using static Orchestrator.Manuscripts.Consistency.ConsistencyText;
using static Orchestrator.Manuscripts.Text.NumberFormat;
using M = Orchestrator.Manuscripts.Consistency.ConsistencyMetrics;

namespace Orchestrator.Manuscripts.Consistency;

/// <summary>
/// One run of the consistency analysis over one document: one pass over the words (<see cref="WordScan"/>), one
/// over the characters of the body (<see cref="PunctuationScan"/>), then the checks, which read those scans only.
/// Deterministic: the same document and options always give the same result, findings in the same order.
/// </summary>
internal static class ConsistencyAnalysis
{
    // Penalties: weight per minority use per 10,000 words, and cap (ConsistencyNode documents them). The caps add up to 1.
    internal const double SpellingWeight = 0.02, SpellingCap = 0.15;
    internal const double HyphenationWeight = 0.02, HyphenationCap = 0.10;
    internal const double CapitalisationWeight = 0.01, CapitalisationCap = 0.10;
    internal const double NamesWeight = 0.05, NamesCap = 0.15;
    internal const double QuotesWeight = 0.01, QuotesCap = 0.10;
    internal const double EllipsisWeight = 0.01, EllipsisCap = 0.05;
    internal const double DashesWeight = 0.01, DashesCap = 0.05;
    internal const double UnpairedWeight = 0.02, UnpairedCap = 0.10;

    // Tense and POV are judged per chapter: their weight applies to the share of the book's words in shifted chapters.
    internal const double TenseWeight = 0.30, TenseCap = 0.10;
    internal const double PovWeight = 0.30, PovCap = 0.10;

    // Checks against a reference library, when the node has one (LibraryMetrics.PenaltyLibrary documents it).
    internal const double LibraryWeight = 0.05, LibraryCap = 0.15;

    public static NodeResult Run(ManuscriptDocument document, ConsistencyOptions options, ReferenceFacts? library = null)
    {
        using var words = WordScan.Run(document);
        var punctuation = PunctuationScan.Run(document, options.MaxUsesPerVariant);
        var context = new ConsistencyContext(document, options, words, punctuation);
        var wordCount = document.WordCount;
        var metrics = context.Metrics;
        metrics[M.Words] = wordCount;

        var spelling = SpellingCheck.Run(context);
        var hyphenation = HyphenationCheck.Run(context);
        var capitalisation = CapitalisationCheck.Run(context);
        var names = NameCheck.Run(context);
        var (tenseShare, povShare) = NarrationCheck.Run(context);
        var (quotes, ellipses, dashes, unpaired) = PunctuationCheck.Run(context);

        var penalties = new (string Name, double Value)[]
        {
            (M.PenaltySpelling, PerTenThousand(spelling, wordCount, SpellingWeight, SpellingCap)),
            (M.PenaltyHyphenation, PerTenThousand(hyphenation, wordCount, HyphenationWeight, HyphenationCap)),
            (M.PenaltyCapitalisation, PerTenThousand(capitalisation, wordCount, CapitalisationWeight, CapitalisationCap)),
            (M.PenaltyNames, PerTenThousand(names, wordCount, NamesWeight, NamesCap)),
            (M.PenaltyTense, Math.Min(TenseCap, TenseWeight * tenseShare)),
            (M.PenaltyPov, Math.Min(PovCap, PovWeight * povShare)),
            (M.PenaltyQuotes, PerTenThousand(quotes, wordCount, QuotesWeight, QuotesCap)),
            (M.PenaltyEllipsis, PerTenThousand(ellipses, wordCount, EllipsisWeight, EllipsisCap)),
            (M.PenaltyDashes, PerTenThousand(dashes, wordCount, DashesWeight, DashesCap)),
            (M.PenaltyUnpaired, PerTenThousand(unpaired, wordCount, UnpairedWeight, UnpairedCap)),
        };
        if (library is not null) penalties = [.. penalties, (LibraryMetrics.PenaltyLibrary, LibraryPenalty(context, library, wordCount))];
        foreach (var (name, value) in penalties) metrics[name] = value;
        var score = wordCount == 0 ? 0 : Math.Clamp(1 - penalties.Sum(p => p.Value), 0, 1);

        var chapters = document.Chapters;
        var (pastShare, firstShare, markers, pronouns) = NarrationCheck.Series(words, document.Narration, chapters.Count);
        return new NodeResult
        {
            Score = score,
            Summary = Summarise(context, wordCount, score),
            Metrics = metrics,
            Findings = context.Findings.Build(),
            Series = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal)
            {
                [M.PastTenseShareSeries] = pastShare,
                [M.FirstPersonShareSeries] = firstShare,
                [M.TenseMarkersSeries] = markers,
                [M.PovPronounsSeries] = pronouns,
                [M.IssuesSeries] = context.IssuesPerChapter,
            },
            Labels = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
            {
                [M.ChapterLabels] = chapters.Select(c => c.Label).ToArray(),
            },
        };
    }

    private static double LibraryPenalty(ConsistencyContext context, ReferenceFacts library, int wordCount)
    {
        var facts = FactExtractor.Extract(context.Document);
        var (variantUses, nearDuplicates) = LibraryNameCheck.Run(context, facts.Names, library);
        var conflicts = LibraryTraitCheck.Run(context, facts.Traits, library);
        return PerTenThousand(variantUses + nearDuplicates + conflicts, wordCount, LibraryWeight, LibraryCap);
    }

    /// <summary>min(cap, weight × uses per 10,000 words).</summary>
    internal static double PerTenThousand(int uses, int words, double weight, double cap) =>
        uses == 0 || words == 0 ? 0 : Math.Min(cap, weight * uses * 10_000.0 / words);

    private static string Summarise(ConsistencyContext context, int words, double score)
    {
        if (words == 0) return "The manuscript has no words; score 0.";
        var narration = context.Summary.Where(p => p.Contains(" narration", StringComparison.Ordinal)).ToList();
        var problems = context.Summary.Except(narration).ToList();
        var head = problems.Count == 0
            ? "No spelling, hyphenation, capitalisation, name or punctuation inconsistencies"
            : string.Join("; ", problems);
        var tail = narration.Count > 0 ? "; " + string.Join(", ", narration) : "";
        return $"{head}{tail}. Score {F2(score)}.";
    }
}
