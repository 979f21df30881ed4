using System.Globalization;
using System.Text;

namespace Orchestrator.Llm.Generation;

/// <summary>How a prompt is sampled. Everything here changes the output, so all of it enters the cache key.</summary>
public sealed record SamplingOptions
{
    public required int MaxTokens { get; init; }
    public required float Temperature { get; init; }
    public required uint Seed { get; init; }
    public IReadOnlyList<string> Stop { get; init; } = [];

    /// <summary>The JSON schema the output must follow (raw JSON text), or null for free text.</summary>
    public string? JsonSchema { get; init; }

    /// <summary>A stable text form, for cache keys.</summary>
    public string Canonical()
    {
        var text = new StringBuilder();
        text.Append("maxTokens=").Append(MaxTokens.ToString(CultureInfo.InvariantCulture))
            .Append(";temperature=").Append(Temperature.ToString("R", CultureInfo.InvariantCulture))
            .Append(";seed=").Append(Seed.ToString(CultureInfo.InvariantCulture))
            .Append(";stop=");
        foreach (var stop in Stop) text.Append(stop.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(stop);
        text.Append(";schema=").Append(JsonSchema ?? "-");
        return text.ToString();
    }
}
