using Orchestrator.Manuscripts.Readability;

namespace Orchestrator.Manuscripts.Style;

/// <summary>
/// Everything one pass of <see cref="StyleScanner"/> finds in a document: every detection (not capped), the
/// readability and sentence figures of the book and of each chapter, and the overused-word table. Plain data;
/// the <c>style</c> node scores and reports it, other nodes (revision, the <c>check</c> verb) can reuse it.
/// </summary>
public sealed class StyleScan
{
    /// <summary>All detections, ordered by position in the text (then by rule id).</summary>
    public required IReadOnlyList<StyleDetection> Detections { get; init; }

    /// <summary>Readability of the whole book.</summary>
    public required ReadabilityScores Readability { get; init; }

    /// <summary>Sentence lengths of the whole book.</summary>
    public required SentenceStatistics Sentences { get; init; }

    /// <summary>One entry per chapter, in order.</summary>
    public required IReadOnlyList<ChapterStyle> Chapters { get; init; }

    /// <summary>One entry per row of <see cref="OverusedWordNorms.Table"/>, in table order.</summary>
    public required IReadOnlyList<OverusedWord> Overused { get; init; }

    /// <summary>Words of the book.</summary>
    public required int Words { get; init; }

    /// <summary>Words outside quoted speech: the text the narration-only checks read.</summary>
    public required int NarrationWords { get; init; }

    /// <summary>Detections per rule id.</summary>
    public required IReadOnlyDictionary<string, int> RuleCounts { get; init; }

    /// <summary>How many detections a rule made (0 for a rule that made none).</summary>
    public int Count(string rule) => RuleCounts.TryGetValue(rule, out var n) ? n : 0;
}
