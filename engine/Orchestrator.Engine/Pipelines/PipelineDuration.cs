using System.Globalization;
using System.Text.RegularExpressions;

namespace Orchestrator.Engine.Pipelines;

/// <summary>
/// Durations as pipeline files write them: <c>hh:mm:ss</c> or <c>d.hh:mm:ss</c>, with an optional
/// fraction of a second (<c>00:00:01.5</c>). Stricter than <see cref="TimeSpan.Parse(string)"/>,
/// which reads a bare <c>5</c> as five days.
/// </summary>
public static partial class PipelineDuration
{
    /// <summary>What a duration looks like, for messages.</summary>
    public const string Expected = "hh:mm:ss or d.hh:mm:ss (e.g. 00:05:00)";

    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        return text is not null
            && Shape().IsMatch(text)
            && TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out value);
    }

    public static TimeSpan Parse(string text) =>
        TryParse(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a duration: write {Expected}");

    /// <summary>Writes a duration the way pipeline files and reports show it (<c>00:01:30</c>, <c>1.02:00:00</c>).</summary>
    public static string Format(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^([0-9]{1,8}\.)?[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,7})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
