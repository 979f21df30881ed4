using System.Text.Json.Nodes;

namespace Orchestrator.Cluster.Tests.Processes;

/// <summary>
/// report.json without what may differ between two runs of one manuscript: the session id, where the manuscript and
/// the pipeline were read from, and the clock (the timings' start, each node's min/mean/max, every <c>durationMs</c>).
/// Everything else (scores, findings, recommendations, node statuses and attempts, plans) must be equal.
/// </summary>
internal static class ComparableReport
{
    public static string Of(byte[] reportJson)
    {
        var report = JsonNode.Parse(reportJson)!.AsObject();
        report.Remove("session");
        report["manuscript"]!.AsObject().Remove("path");
        report["pipeline"]!.AsObject().Remove("path");
        var timings = report["timings"]!.AsObject();
        timings.Remove("startedAt");
        foreach (var node in timings["nodeStatistics"]!.AsArray())
            foreach (var figure in new[] { "minMs", "meanMs", "maxMs" }) node!.AsObject().Remove(figure);
        RemoveDurations(report);
        return report.ToJsonString();
    }

    private static void RemoveDurations(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                o.Remove("durationMs");
                foreach (var (_, child) in o) RemoveDurations(child);
                break;
            case JsonArray a:
                foreach (var child in a) RemoveDurations(child);
                break;
        }
    }
}
