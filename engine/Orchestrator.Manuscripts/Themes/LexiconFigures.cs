namespace Orchestrator.Manuscripts.Themes;

/// <summary>
/// What one lexicon (a theme or a genre) measured in one document: its hits, its intensity (hits per 1,000
/// words) over the book and per chapter, its coverage, its most intense chapter and the sentence that shows it best.
/// </summary>
/// <param name="Position">Index of the lexicon in its list (<see cref="ThemeLexicons.All"/> or <see cref="GenreLexicons.All"/>): the tie-breaker.</param>
/// <param name="ChapterIntensity">Hits per 1,000 words of each chapter (0 for a chapter without words).</param>
/// <param name="CoveredChapters">Chapters of at least <c>minChapterWords</c> words at or above <c>coverageIntensity</c>.</param>
/// <param name="EligibleChapters">Chapters of at least <c>minChapterWords</c> words.</param>
/// <param name="PeakChapter">Index of the eligible chapter with the highest intensity (the first on a tie); -1 when none.</param>
/// <param name="BestSentence">Index of the sentence with the most hits among those of at most <see cref="LexiconCounter.EvidenceWords"/>
/// words (any length when none of those has a hit; the shorter, then the earlier, on a tie); -1 when none.</param>
internal sealed record LexiconFigures(
    Lexicon Lexicon,
    int Position,
    int Hits,
    double Intensity,
    double[] ChapterIntensity,
    int CoveredChapters,
    int EligibleChapters,
    int PeakChapter,
    int BestSentence)
{
    /// <summary>Share of the eligible chapters the lexicon covers, in [0,1] (0 when no chapter is eligible).</summary>
    public double Coverage => EligibleChapters > 0 ? CoveredChapters / (double)EligibleChapters : 0;
}
