using Orchestrator.Engine.Findings;
using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Recommendations;

/// <summary>
/// The <c>recommendations</c> node: consolidates the findings of every node it depends on into one
/// ranked list an author can act on, and a list of strengths.
/// </summary>
/// <remarks>
/// <para><b>Consolidation.</b> Exact duplicates (same rule, same place) are removed. Findings of the same
/// severity whose text spans overlap are folded into the highest-ranked one, which records the rules
/// that also flagged it. Whole-book findings are kept as they are.</para>
/// <para><b>Grouping.</b> The findings of one rule become one recommendation (<see cref="RuleGroups"/>): its best-ranked
/// finding, with how many findings of the rule there are and where the worst <c>examples</c> of them are (chapter and
/// paragraph), so the first recommendations of a long book cover different problems instead of twenty long sentences.</para>
/// <para><b>Ranking</b>: see <see cref="RecommendationRanking"/>, on each group's best finding; ties keep the order of
/// the pipeline and of each node's own list, so the result is deterministic.</para>
/// <para><b>Output.</b> Findings: the top <c>top</c> recommendations (rule ids of their source nodes, messages
/// prefixed with nothing — the evidence and numbers are the source's), then the top <c>topStrengths</c>
/// strengths. Series <c>recommendationsPerChapter</c> counts all consolidated recommendations per chapter.</para>
/// <para><b>Score.</b> The mean of the scores of the nodes it consolidates: it summarises, it adds no new
/// judgement (pipelines give it weight 0 so it does not count twice in the overall quality).</para>
/// <para><b>Options</b>: <c>top</c> (default 25), <c>topStrengths</c> (default 8), <c>examples</c> (default 5).</para>
/// </remarks>
public sealed class RecommendationsNode(NodeDefinition definition) : WorkflowNode(definition)
{
    public const string TypeName = "recommendations";
    public const string Description = "Consolidated recommendations: deduplicated, ranked by severity × impact × confidence, located; plus strengths.";

    public override IReadOnlyCollection<string> DeclaredMetrics => RecommendationMetrics.Declared;

    public override Task<NodeResult> RunAsync(NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        var document = context.SubjectAs<ManuscriptDocument>();
        var options = RecommendationOptions.From(Options);
        // Upstream order = this node's dependsOn order, which is the pipeline author's order.
        var sources = new List<KeyValuePair<string, NodeResult>>();
        foreach (var id in Dependencies)
            if (context.Upstream.TryGetValue(id, out var result)) sources.Add(KeyValuePair.Create(id, result));
        return Task.FromResult(Consolidate(document, sources, options));
    }

    /// <summary>The consolidation itself, for tools and tests.</summary>
    public static NodeResult Consolidate(ManuscriptDocument document, IReadOnlyList<KeyValuePair<string, NodeResult>> sources,
        RecommendationOptions? options = null)
    {
        options ??= RecommendationOptions.Default;
        var issues = new List<RankedFinding>();
        var strengths = new List<RankedFinding>();
        var findingsIn = 0;
        var order = 0;
        foreach (var (source, result) in sources)
            foreach (var finding in result.Findings)
            {
                findingsIn++;
                var entry = new RankedFinding(finding, source, result.Score, order++);
                (finding.IsStrength ? strengths : issues).Add(entry);
            }

        var (unique, duplicates) = RemoveDuplicates(issues);
        var (consolidated, overlaps) = FoldOverlaps(unique);
        var ranked = RuleGroups.Group(consolidated, options.Examples);
        var rankedStrengths = RemoveDuplicates(strengths).Unique
            .OrderByDescending(r => r.Finding.Confidence).ThenBy(r => r.Order).Take(options.TopStrengths).ToList();

        var perChapter = new double[document.Chapters.Count];
        foreach (var r in consolidated)
            if (r.Finding.Location?.Chapter is { } ch && ch >= 1 && ch <= perChapter.Length) perChapter[ch - 1]++;

        var findings = new List<Finding>(options.Top + rankedStrengths.Count);
        foreach (var g in ranked.Take(options.Top)) findings.Add(g.Present(Present(g.Best)));
        foreach (var s in rankedStrengths) findings.Add(s.Finding);

        var meanScore = sources.Count == 0 ? 0 : sources.Average(s => s.Value.Score);
        var metrics = new Dictionary<string, double>
        {
            [RecommendationMetrics.FindingsIn] = findingsIn,
            [RecommendationMetrics.Consolidated] = consolidated.Count,
            [RecommendationMetrics.DuplicatesRemoved] = duplicates,
            [RecommendationMetrics.OverlapsMerged] = overlaps,
            [RecommendationMetrics.Problems] = consolidated.Count(r => r.Finding.Severity == Severity.Problem),
            [RecommendationMetrics.Warnings] = consolidated.Count(r => r.Finding.Severity == Severity.Warning),
            [RecommendationMetrics.Suggestions] = consolidated.Count(r => r.Finding.Severity == Severity.Suggestion),
            [RecommendationMetrics.Strengths] = strengths.Count,
            [RecommendationMetrics.SourceNodes] = sources.Count,
            [RecommendationMetrics.MeanSourceScore] = Math.Round(meanScore, 4),
            [RecommendationMetrics.Groups] = ranked.Count,
        };
        var top = ranked.FirstOrDefault()?.Best;
        return new NodeResult
        {
            Score = Math.Clamp(meanScore, 0, 1),
            Summary = $"{consolidated.Count} recommendations from {findingsIn} findings of {sources.Count} nodes " +
                      $"({duplicates + overlaps} merged), {strengths.Count} strengths" +
                      (top is null ? "" : $"; first: {top.Finding.Message}"),
            Metrics = metrics,
            Findings = findings,
            Series = new Dictionary<string, IReadOnlyList<double>> { [RecommendationMetrics.PerChapter] = perChapter },
            Labels = new Dictionary<string, IReadOnlyList<string>> { ["chapters"] = document.Chapters.Select(c => c.Heading).ToArray() },
        };
    }

    private static Finding Present(RankedFinding r)
    {
        if (r.Occurrences == 1 && r.AlsoFlaggedBy.Count == 0) return r.Finding;
        var also = r.AlsoFlaggedBy.Count == 0 ? "" : $" (also flagged by {string.Join(", ", r.AlsoFlaggedBy.Distinct().Order(StringComparer.Ordinal))})";
        var times = r.Occurrences > 1 ? $" [{r.Occurrences}×]" : "";
        return r.Finding with { Message = r.Finding.Message + times + also };
    }

    private static (List<RankedFinding> Unique, int Removed) RemoveDuplicates(List<RankedFinding> findings)
    {
        var seen = new Dictionary<(string, int?, int?, int, int, string), RankedFinding>();
        var unique = new List<RankedFinding>(findings.Count);
        foreach (var r in findings)
        {
            var loc = r.Finding.Location;
            var key = (r.Finding.Rule, loc?.Chapter, loc?.Paragraph, loc?.Offset ?? -1, loc?.Length ?? -1, r.Finding.Message);
            if (seen.TryGetValue(key, out var kept)) kept.Occurrences++;
            else
            {
                seen.Add(key, r);
                unique.Add(r);
            }
        }
        return (unique, findings.Count - unique.Count);
    }

    /// <summary>Folds located findings of equal severity whose spans overlap into the best-ranked of them.</summary>
    private static (List<RankedFinding> Kept, int Folded) FoldOverlaps(List<RankedFinding> findings)
    {
        var located = findings.Where(r => r.Finding.Location is { Chapter: not null, Length: > 0 })
            .OrderBy(r => r.Finding.Location!.Offset).ThenByDescending(r => r.Rank).ThenBy(r => r.Order).ToList();
        var folded = new HashSet<RankedFinding>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < located.Count; i++)
        {
            var a = located[i];
            if (folded.Contains(a)) continue;
            var aEnd = a.Finding.Location!.Offset + a.Finding.Location.Length;
            for (var j = i + 1; j < located.Count && located[j].Finding.Location!.Offset < aEnd; j++)
            {
                var b = located[j];
                if (folded.Contains(b) || b.Finding.Severity != a.Finding.Severity || b.Finding.Rule == a.Finding.Rule) continue;
                var (keep, drop) = b.Rank > a.Rank ? (b, a) : (a, b);
                keep.AlsoFlaggedBy.Add(drop.Finding.Rule);
                keep.Occurrences += drop.Occurrences - 1;
                folded.Add(drop);
                if (drop == a) break;
            }
        }
        var kept = findings.Where(r => !folded.Contains(r)).ToList();
        return (kept, folded.Count);
    }
}
