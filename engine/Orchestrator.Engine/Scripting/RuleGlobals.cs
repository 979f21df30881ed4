using System.Collections.ObjectModel;
using Orchestrator.Engine.Dataflow;
using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Engine.Scripting;

/// <summary>
/// What a decision rule sees: the state of the run at the start of an iteration. Every member is a
/// global of the rule, written without a prefix (<c>Quality &gt;= Settings.QualityThreshold</c>).
/// Rules read it; they cannot assign it (the properties are init-only).
/// </summary>
/// <remarks>
/// The engine knows nothing of the domain: a domain derives from this class to add what its rules
/// need (for novels, <c>Requirements</c> and <c>Manuscript</c>) and passes the derived type to
/// <see cref="RuleCompiler"/>. A derived type must be public and non-generic; its extra members
/// must be public properties or fields (a rule sees public members only). The collections are
/// handed to the rule as they are given here: give it copies (or frozen collections) if the
/// engine keeps mutating its own.
/// </remarks>
public class RuleGlobals
{
    public RuleGlobals() { }

    /// <summary>
    /// A copy of <paramref name="other"/>'s members: a derived domain type starts from what the engine filled in
    /// (<c>new NovelRuleGlobals(engineGlobals) { Manuscript = ... }</c>).
    /// </summary>
    protected RuleGlobals(RuleGlobals other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Iteration = other.Iteration;
        Settings = other.Settings;
        Quality = other.Quality;
        Scores = other.Scores;
        Nodes = other.Nodes;
        Candidates = other.Candidates;
        QualityHistory = other.QualityHistory;
        Elapsed = other.Elapsed;
    }

    /// <summary>The iteration about to run (select) or just run (stop), starting at 1.</summary>
    public int Iteration { get; init; }

    /// <summary>The pipeline's run-wide settings (<c>Settings.QualityThreshold</c>, <c>Settings.MaxIterations</c>...).</summary>
    public PipelineSettings Settings { get; init; } = new();

    /// <summary>The overall quality so far, in [0, 1].</summary>
    public double Quality { get; init; }

    /// <summary>Node id to its latest score, in [0, 1], for the nodes that produced one.</summary>
    public IReadOnlyDictionary<string, double> Scores { get; init; } = ReadOnlyDictionary<string, double>.Empty;

    /// <summary>Every node of the pipeline by id, with what is known of it so far.</summary>
    public IReadOnlyDictionary<string, RuleNodeState> Nodes { get; init; } = ReadOnlyDictionary<string, RuleNodeState>.Empty;

    /// <summary>
    /// The nodes the engine would run this iteration, best first. A select rule returns a subset
    /// of their <see cref="RuleCandidate.Node"/> ids.
    /// </summary>
    public IReadOnlyList<RuleCandidate> Candidates { get; init; } = [];

    /// <summary>The overall quality after each finished iteration, oldest first.</summary>
    public IReadOnlyList<double> QualityHistory { get; init; } = [];

    /// <summary>Time since the run started.</summary>
    public TimeSpan Elapsed { get; init; }
}

/// <summary>What is known of one node when a rule runs.</summary>
/// <param name="Status">How its latest action ended; null when it has not run yet.</param>
/// <param name="Score">Its latest score in [0, 1]; null when it has none.</param>
/// <param name="Attempts">Attempts made so far, over every iteration (0 when it has not run).</param>
/// <param name="LastError">The message of its latest failure; null when it has not failed.</param>
/// <param name="Duration">How long its latest action took; null when it has not run.</param>
/// <param name="Metrics">The metrics of its latest result (empty when none).</param>
public sealed record RuleNodeState(
    ActionStatus? Status,
    double? Score,
    int Attempts,
    string? LastError,
    TimeSpan? Duration,
    IReadOnlyDictionary<string, double> Metrics)
{
    /// <summary>A node that has not run yet.</summary>
    public RuleNodeState() : this(null, null, 0, null, null, ReadOnlyDictionary<string, double>.Empty) { }

    /// <summary>True when its latest action succeeded.</summary>
    public bool Succeeded => Status == ActionStatus.Succeeded;
}

/// <summary>A node the engine proposes to run this iteration.</summary>
/// <param name="Node">The node id.</param>
/// <param name="Priority">The engine's score for it: higher runs first.</param>
/// <param name="Reason">Why it is a candidate and why it scored so, in words.</param>
/// <param name="Attempt">The attempt this would be, starting at 1.</param>
public sealed record RuleCandidate(string Node, double Priority, string Reason, int Attempt);
