namespace Orchestrator.Engine.Decisions;

/// <summary>A node the plan does not run, and why.</summary>
/// <param name="NodeId">The node.</param>
/// <param name="Kind">The kind of reason.</param>
/// <param name="Reason">The reason in words, with its numbers.</param>
/// <param name="BlockedBy">For <see cref="FilterKind.DependencyNotReady"/>: the node at the root of the block (not always a direct dependency).</param>
/// <param name="EligibleAt">For action spacing (own or a dependency's): the earliest time it may launch.</param>
public sealed record FilteredNode(
    string NodeId,
    FilterKind Kind,
    string Reason,
    string? BlockedBy = null,
    DateTimeOffset? EligibleAt = null);
