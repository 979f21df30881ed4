using System.Globalization;

namespace Orchestrator.Cli.Hosting;

/// <summary>Sizes as settings write them: a number of bytes, or a number and <c>KB</c>, <c>MB</c> or <c>GB</c> (powers of 1,024).</summary>
public static class ByteSize
{
    public const string Examples = "e.g. 32MB, 512KB, 1GB or a number of bytes";

    /// <summary>The setting's value, or <paramref name="fallback"/> when it is not set.</summary>
    /// <exception cref="CliUsageException">The value is not a positive size.</exception>
    public static long Read(string setting, string? text, long fallback)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        var trimmed = text.Trim();
        var (digits, unit) = trimmed.ToUpperInvariant() switch
        {
            var t when t.EndsWith("GB", StringComparison.Ordinal) => (t[..^2], 1L << 30),
            var t when t.EndsWith("MB", StringComparison.Ordinal) => (t[..^2], 1L << 20),
            var t when t.EndsWith("KB", StringComparison.Ordinal) => (t[..^2], 1L << 10),
            var t => (t, 1L),
        };
        if (!double.TryParse(digits.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number <= 0 || number * unit > long.MaxValue / 2)
            throw new CliUsageException($"setting '{setting}': '{text}' is not a size ({Examples})");
        return (long)(number * unit);
    }
}
