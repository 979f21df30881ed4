namespace Orchestrator.Manuscripts.Structure;

/// <summary>
/// Summary statistics of a list of lengths (words per chapter, per part...). The standard deviation is
/// the population one (the chapters are the whole book, not a sample); the coefficient of variation is
/// standard deviation / mean, and 0 when the mean is 0. An empty list gives all zeros.
/// </summary>
public sealed record LengthDistribution(int Count, double Mean, double Median, double StdDev, double Cv, int Min, int Max)
{
    public static readonly LengthDistribution Empty = new(0, 0, 0, 0, 0, 0, 0);

    public static LengthDistribution Of(IReadOnlyCollection<int> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) return Empty;

        var sorted = values.Order().ToArray();
        var n = sorted.Length;
        var mean = sorted.Sum(v => (double)v) / n;
        var median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + (double)sorted[n / 2]) / 2;
        var variance = sorted.Sum(v => (v - mean) * (v - mean)) / n;
        var sd = Math.Sqrt(variance);
        var cv = mean > 0 ? sd / mean : 0;
        return new LengthDistribution(n, mean, median, sd, cv, sorted[0], sorted[^1]);
    }
}
