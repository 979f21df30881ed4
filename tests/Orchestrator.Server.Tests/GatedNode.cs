using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Server.Tests;

/// <summary>A novel node that waits at its <see cref="NodeGate"/> before it runs; otherwise the node itself.</summary>
internal sealed class GatedNode(NodeDefinition definition, WorkflowNode inner, NodeGate gate) : WorkflowNode(definition)
{
    public override string InputStamp => inner.InputStamp;

    public override IReadOnlyCollection<string> DeclaredMetrics => inner.DeclaredMetrics;

    public override async Task<NodeResult> RunAsync(NodeContext context, CancellationToken cancellationToken)
    {
        await gate.PassAsync(cancellationToken);
        return await inner.RunAsync(context, cancellationToken);
    }

    public override ResultValidation Validate(NodeResult result) => inner.Validate(result);
}
