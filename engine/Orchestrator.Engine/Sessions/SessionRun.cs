using Orchestrator.Engine.Iteration;
using Orchestrator.Engine.Scripting;
using Orchestrator.Engine.State;

namespace Orchestrator.Engine.Sessions;

/// <summary>One session for a <see cref="SessionLoop"/> to drive: its state (new, or loaded to resume), its subject, and its hooks.</summary>
public sealed record SessionRun
{
    /// <summary>
    /// Where the session stands: <see cref="SessionState.Start"/> for a new one, or the state loaded from disk
    /// to resume (nodes that succeeded keep their results; the unfinished iteration is planned again).
    /// </summary>
    public required SessionState State { get; init; }

    /// <summary>What the nodes analyse; its hash must be the state's <see cref="SessionState.CurrentSubjectHash"/>.</summary>
    public required SessionSubject Subject { get; init; }

    /// <summary>Handed to nodes as <see cref="Nodes.NodeContext.Requirements"/>.</summary>
    public object? Requirements { get; init; }

    /// <summary>Where state goes after every change; null keeps the session in memory.</summary>
    public ISessionJournal? Journal { get; init; }

    /// <summary>The pipeline's compiled rules.</summary>
    public PipelineRules Rules { get; init; } = PipelineRules.None;

    /// <summary>
    /// Turns the engine's rule globals into the domain's (a <see cref="RuleGlobals"/> subclass the rules were
    /// compiled against); null hands rules the engine's.
    /// </summary>
    public Func<RuleGlobals, RuleGlobals>? DecorateGlobals { get; init; }

    /// <summary>The size of the subject, for retry suggestions ("style timed out on 180k words").</summary>
    public SizeHint? Size { get; init; }
}
