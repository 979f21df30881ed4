namespace Orchestrator.Manuscripts.Style;

/// <summary>
/// Sentence lengths (in words) of a stretch of text. The standard deviation is the population one; the
/// coefficient of variation (standard deviation / mean) measures variety: under about 0.35 the rhythm is
/// monotonous, around 0.5 and above it varies well. Short sentences have at most
/// <see cref="ShortSentenceWords"/> words, long ones at least <see cref="LongSentenceWords"/>.
/// </summary>
public readonly record struct SentenceStatistics(int Count, double Mean, double StdDev, double Cv, double ShortShare, double LongShare)
{
    public const int ShortSentenceWords = 8;
    public const int LongSentenceWords = 25;

    /// <summary>From the count, the sum and the sum of squares of the lengths, and the short and long counts.</summary>
    public static SentenceStatistics From(int count, long sum, double sumOfSquares, int shortCount, int longCount)
    {
        if (count == 0) return default;
        var mean = sum / (double)count;
        var variance = Math.Max(0, sumOfSquares / count - mean * mean);
        var sd = Math.Sqrt(variance);
        return new SentenceStatistics(count, mean, sd, mean > 0 ? sd / mean : 0, shortCount / (double)count, longCount / (double)count);
    }
}
