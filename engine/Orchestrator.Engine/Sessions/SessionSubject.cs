using Orchestrator.Engine.Nodes;

namespace Orchestrator.Engine.Sessions;

/// <summary>
/// What a session analyses, as the loop sees it: the value handed to nodes, a hash of its content (node input
/// hashes start from it, so a changed subject re-runs what read it), and how it changes when a revising node
/// proposes edits. The engine knows nothing else of it; the domain derives from this class.
/// </summary>
public abstract class SessionSubject
{
    /// <summary>What nodes receive as <see cref="NodeContext.Subject"/>.</summary>
    public abstract object Value { get; }

    /// <summary>The hash of the content (<see cref="State.ContentHash"/> format).</summary>
    public abstract string Hash { get; }

    /// <summary>
    /// The subject the next iteration analyses, after the edits the iteration's nodes proposed (in pipeline
    /// order; never empty when called), or this instance when they change nothing. Called between iterations,
    /// on the loop's thread; a subject that must survive a crash is stored before this returns, because the
    /// session state records its hash right after.
    /// </summary>
    public virtual SessionSubject Revise(IReadOnlyList<NodeEdits> edits) => this;
}

/// <summary>The edits one node proposed in an iteration.</summary>
public sealed record NodeEdits(string NodeId, IReadOnlyList<TextEdit> Edits);

/// <summary>A subject that never changes (tests, and domains without revision).</summary>
public sealed class FixedSubject(object value, string hash) : SessionSubject
{
    public override object Value { get; } = value;
    public override string Hash { get; } = hash;
}
