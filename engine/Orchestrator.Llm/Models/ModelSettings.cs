namespace Orchestrator.Llm.Models;

/// <summary>
/// One model as named in <c>orchestrator.json</c> under <c>llm:models:&lt;name&gt;</c> (or given by <c>--model PATH</c>).
/// </summary>
public sealed record ModelSettings
{
    /// <summary>Context size in tokens when none is configured: enough for a chapter summary prompt on small models.</summary>
    public const int DefaultContextSize = 2048;

    /// <summary>Tokens decoded per llama.cpp batch when none is configured.</summary>
    public const int DefaultBatchSize = 512;

    public required string Name { get; init; }

    /// <summary>The GGUF file, as a full path.</summary>
    public required string Path { get; init; }

    /// <summary>Tokens per context (prompt and generation together).</summary>
    public int ContextSize { get; init; } = DefaultContextSize;

    /// <summary>CPU threads per generation when none is configured: half the cores, so two generations share the machine.</summary>
    public static int DefaultThreads => Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>CPU threads per generation; null for <see cref="DefaultThreads"/>.</summary>
    public int? Threads { get; init; }

    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>Sampling seed used when a node sets none (with temperature 0 the output does not depend on it).</summary>
    public uint Seed { get; init; }
}
