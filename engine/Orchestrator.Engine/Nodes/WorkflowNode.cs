using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Engine.Nodes;

/// <summary>
/// A unit of analysis. The engine runs it inside a dataflow block; it must be a pure function of
/// its context (subject, requirements, upstream results, options) so that re-running it after a
/// crash gives the same result. Throw <see cref="InvalidNodeInputException"/> for input it cannot
/// work on (never retried); any other exception is a failure the engine may retry.
/// </summary>
public abstract class WorkflowNode
{
    protected WorkflowNode(NodeDefinition definition)
    {
        Definition = definition;
    }

    public NodeDefinition Definition { get; }
    public string Id => Definition.Id;

    /// <summary>The node type as written in the pipeline file.</summary>
    public string Kind => Definition.Type;
    public IReadOnlyList<string> Dependencies => Definition.DependsOn;
    public TimeSpan? Timeout => Definition.Timeout;
    public NodeOptions Options => Definition.Options;

    /// <summary>
    /// What the node's input depends on beyond the subject, its options and its dependencies — for example the hash
    /// of a model file or the text of a template file its options name. Folded into the node's input hash when not
    /// empty, so a change re-runs the node and a resume stays exact. Empty by default; must not throw.
    /// </summary>
    public virtual string InputStamp => "";

    /// <summary>Metrics every successful result of this node must carry.</summary>
    public virtual IReadOnlyCollection<string> DeclaredMetrics => [];

    public abstract Task<NodeResult> RunAsync(NodeContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Checks a result before the engine keeps it. An invalid result is recorded as an error, never
    /// kept silently. Override to add node-specific checks; call the base first.
    /// </summary>
    public virtual ResultValidation Validate(NodeResult result)
    {
        if (double.IsNaN(result.Score) || result.Score < 0 || result.Score > 1)
            return ResultValidation.Invalid($"score {result.Score} is outside [0, 1]");
        foreach (var metric in DeclaredMetrics)
            if (!result.Metrics.ContainsKey(metric))
                return ResultValidation.Invalid($"declared metric '{metric}' is missing");
        foreach (var (name, value) in result.Metrics)
            if (!double.IsFinite(value))
                return ResultValidation.Invalid($"metric '{name}' is {value}");
        return ResultValidation.Valid;
    }
}
