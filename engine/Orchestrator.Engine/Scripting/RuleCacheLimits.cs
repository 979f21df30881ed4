namespace Orchestrator.Engine.Scripting;

/// <summary>How much a <see cref="RuleCompiler"/> keeps of the rules it compiled or loaded, in memory and on disk.</summary>
public sealed record RuleCacheLimits
{
    /// <summary>The defaults: 64 rules in memory, 256 compiled rules on disk, none unused for more than 30 days.</summary>
    public static RuleCacheLimits Default { get; } = new();

    /// <summary>
    /// Rules kept loaded, least recently used evicted first. A pipeline has at most two rules, so this holds the rules of
    /// dozens of pipelines; a long-running host whose pipelines change keeps only the recent ones (each is a collectible
    /// assembly, unloaded once no session uses it).
    /// </summary>
    public int MemoryEntries { get; init; } = 64;

    /// <summary>Compiled rules kept in the cache folder, the least recently used deleted first when a new one is written.</summary>
    public int DiskEntries { get; init; } = 256;

    /// <summary>A cached rule not used for this long is deleted when a new one is written (rules edited long ago).</summary>
    public TimeSpan DiskMaxAge { get; init; } = TimeSpan.FromDays(30);
}
