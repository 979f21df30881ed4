namespace Orchestrator.Manuscripts.Readability;

/// <summary>
/// The readability values of a text, with the counts they were computed from. All values are 0 for a text
/// without words or sentences. Grade-level scores (Flesch–Kincaid, fog, SMOG, Coleman–Liau, ARI) are US school
/// grades; Flesch reading ease runs from about 0 (very hard) to 100 (very easy); Dale–Chall 4.9 and below reads
/// at grade 4, 9.0–9.9 at college level.
/// </summary>
public sealed record ReadabilityScores(
    double FleschReadingEase,
    double FleschKincaidGrade,
    double GunningFog,
    double Smog,
    double ColemanLiau,
    double AutomatedReadabilityIndex,
    double DaleChall,
    ReadabilityCounts Counts)
{
    public static readonly ReadabilityScores Empty = new(0, 0, 0, 0, 0, 0, 0, default);

    /// <summary>textstat's <c>dale_chall_readability_score_v2</c>: difficult words are those of two syllables or more.</summary>
    public double DaleChallV2 { get; init; }
}
