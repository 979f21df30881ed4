using Orchestrator.Engine.Findings;
using Orchestrator.Manuscripts.Reference;
using static Orchestrator.Manuscripts.Consistency.ConsistencyText;

namespace Orchestrator.Manuscripts.Consistency;

/// <summary>
/// Names checked against a reference library (<see cref="LibraryRules"/>): a manuscript name the library writes another
/// way (<see cref="LibraryRules.NameVariant"/>: the same letters once case, accents, hyphens and apostrophes are folded,
/// or one Damerau–Levenshtein edit away), and a new name two edits from one the library has
/// (<see cref="LibraryRules.NearDuplicateName"/>). A name the library writes the same way is never a finding.
/// </summary>
/// <remarks>
/// Names on both sides come from <see cref="FactExtractor"/>. Plurals (Vance/Vances) are not variants. Names shorter
/// than <see cref="MinVariantLength"/> letters are not compared (Ann/Anna, Tom/Tim are too often different people), and
/// a near duplicate needs both names at least <see cref="MinNearDuplicateLength"/> letters long.
/// </remarks>
internal static class LibraryNameCheck
{
    internal const int MinVariantLength = 4;
    internal const int MinNearDuplicateLength = 5;
    private const double VariantConfidence = 0.7, NearDuplicateConfidence = 0.5;

    /// <summary>Runs the check; returns the manuscript mentions of variant names plus the near duplicates found.</summary>
    public static (int VariantUses, int NearDuplicates) Run(ConsistencyContext context, IReadOnlyList<NameUse> names, ReferenceFacts library)
    {
        var index = LibraryNameIndex.For(library);

        int variants = 0, variantUses = 0, nearDuplicates = 0;
        foreach (var name in names)
        {
            if (index.Exact.Contains(name.Form) || name.Form.Length < MinVariantLength) continue;
            var (match, distance) = index.ByFold.TryGetValue(NameDistance.Fold(name.Form), out var same) ? (same, 0) : index.Nearest(name.Form);
            if (match is null) continue;
            var location = context.Document.Locator.Locate(name.FirstOffset, name.FirstLength);
            var evidence = Evidence(context.Document, name.FirstOffset, name.FirstLength);
            CountIssue(context, name.FirstOffset);
            if (distance <= 1)
            {
                variants++;
                variantUses += name.Mentions;
                context.Findings.Add(LibraryRules.NameVariant, () => new Finding(LibraryRules.NameVariant, Severity.Warning,
                    $"{Q(name.Form)} ({Count(name.Mentions, "mention")}) is written {Q(match.Form)} in the library ({match.Place}).",
                    $"Write {Q(match.Form)} as the series does" + (name.Mentions > 1 ? $", here and in the other {Count(name.Mentions - 1, "place")}." : "."),
                    location, evidence, VariantConfidence));
            }
            else if (name.Form.Length >= MinNearDuplicateLength && match.Form.Length >= MinNearDuplicateLength)
            {
                nearDuplicates++;
                context.Findings.Add(LibraryRules.NearDuplicateName, () => new Finding(LibraryRules.NearDuplicateName, Severity.Info,
                    $"{Q(name.Form)} is not in the library but is two letters from its {Q(match.Form)} ({match.Place}): readers may take one for the other.",
                    $"If {Q(name.Form)} is a new character, consider a name that differs more from {Q(match.Form)}; if it is the same one, write {Q(match.Form)}.",
                    location, evidence, NearDuplicateConfidence));
            }
        }
        context.Metrics[LibraryMetrics.LibraryNames] = library.Names.Count;
        context.Metrics[LibraryMetrics.NameVariants] = variants;
        context.Metrics[LibraryMetrics.NearDuplicateNames] = nearDuplicates;
        if (variants > 0) context.Summary.Add($"{Count(variants, "name")} spelt otherwise than in the library");
        if (nearDuplicates > 0) context.Summary.Add($"{Count(nearDuplicates, "new name")} close to a library name");
        return (variantUses, nearDuplicates);
    }

    internal static void CountIssue(ConsistencyContext context, int offset)
    {
        var paragraph = context.Document.Locator.ParagraphAt(offset);
        if (paragraph >= 0) context.IssuesPerChapter[context.Document.Paragraphs[paragraph].ChapterIndex]++;
    }
}
