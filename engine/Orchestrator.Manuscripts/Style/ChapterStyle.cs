using Orchestrator.Manuscripts.Readability;

namespace Orchestrator.Manuscripts.Style;

/// <summary>The style figures of one chapter.</summary>
/// <param name="Index">0-based chapter index.</param>
/// <param name="Readability">The seven readability values of the chapter.</param>
/// <param name="Sentences">Its sentence lengths.</param>
/// <param name="NarrationWords">Its words outside quoted speech.</param>
/// <param name="Detections">How many detections (of every rule) fall in it.</param>
public sealed record ChapterStyle(int Index, ReadabilityScores Readability, SentenceStatistics Sentences, int NarrationWords, int Detections)
{
    /// <summary>Detections per 1,000 words (0 for an empty chapter).</summary>
    public double DetectionsPer1000Words => Readability.Counts.Words > 0 ? 1000.0 * Detections / Readability.Counts.Words : 0;
}
