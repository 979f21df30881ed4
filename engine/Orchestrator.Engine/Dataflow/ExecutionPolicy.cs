using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Engine.Dataflow;

/// <summary>The timeout and retry rules of one node, resolved once from the node and the pipeline settings.</summary>
internal sealed record ExecutionPolicy(TimeSpan Timeout, int MaxRetries, TimeSpan Backoff)
{
    /// <summary>Polly refuses timeouts under 10 ms; the schema allows any positive duration.</summary>
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    public static ExecutionPolicy For(NodeDefinition node, PipelineSettings settings)
    {
        var timeout = node.Timeout ?? settings.ActionTimeout;
        if (timeout < MinTimeout) timeout = MinTimeout;
        var retries = settings.EnableRetries ? node.Retries ?? settings.MaxRetriesPerAction : 0;
        return new ExecutionPolicy(timeout, retries, settings.RetryBackoff);
    }
}
