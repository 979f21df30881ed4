using System.Text;
using Orchestrator.Engine.Dataflow;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Engine.State;

namespace Orchestrator.Engine.Sessions;

/// <summary>
/// Each node's input hash: the subject's, the node's type and effective options, its node code's input stamp, and its
/// dependencies' input hashes. Nodes are deterministic (the same inputs give the same result), so a chain of input
/// hashes stands for the results without hashing them; a result whose recorded hash differs is stale.
/// </summary>
internal static class NodeInputHashes
{
    /// <param name="effective">The pipeline with the session's overrides applied (they change node inputs).</param>
    /// <param name="network">The compiled network: its graph's order and its nodes' input stamps.</param>
    /// <param name="subjectHash">The hash of what the nodes analyse now.</param>
    public static Dictionary<string, string> Of(PipelineDefinition effective, DataflowNetwork network, string subjectHash)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        var subject = Encoding.UTF8.GetBytes(subjectHash);
        foreach (var index in network.Graph.TopologicalOrder())
        {
            var node = effective.Nodes[index];
            var parts = new List<byte[]> { subject, Encoding.UTF8.GetBytes(node.Type), Encoding.UTF8.GetBytes(node.Options.RawText) };
            foreach (var dep in node.DependsOn) parts.Add(Encoding.UTF8.GetBytes(hashes[dep]));
            if (network.Nodes[index].InputStamp is { Length: > 0 } stamp) parts.Add(Encoding.UTF8.GetBytes(stamp));
            hashes[node.Id] = ContentHash.OfParts(parts.ToArray());
        }
        return hashes;
    }
}
