using System.Text.Json;
using Orchestrator.Engine.Decisions;
using Orchestrator.Engine.Iteration;
using Orchestrator.Engine.State;

namespace Orchestrator.Cli.Commands.Sessions;

/// <summary>The quality of one iteration, with its metrics from the event log when they were recorded.</summary>
/// <param name="Delta">Overall quality minus the previous iteration's; null for the first.</param>
internal sealed record IterationRow(
    int Iteration, double Quality, double? Delta, double Coverage, double Confidence,
    double? DurationSeconds, int? Actions, int? Failures, int? Retries);

/// <param name="Score">The score of the node's last success (kept when a later action failed).</param>
/// <param name="Error">The latest action's error, <c>Type: message</c>.</param>
internal sealed record NodeRow(string Node, string Status, int Attempts, double? Score, double? DurationSeconds, string? Error);

/// <summary>An action that did not succeed, from the event log (or from the node's state when there is no log).</summary>
internal sealed record ErrorRow(int? Iteration, string Node, int? Attempt, string Status, string Message);

internal sealed record RecommendationRow(int Rank, string Severity, string Rule, string Message, string? Suggestion, int? Chapter);

/// <summary>Everything <c>sessions show</c> prints, gathered from the state (session.json or a snapshot) and events.jsonl.</summary>
/// <param name="Status">As shown by <c>sessions list</c> (Interrupted for a Running session no process drives).</param>
/// <param name="StopDetails">The message of the last Stop event.</param>
/// <param name="Decisions">The plans of the iterations, in the order they were made.</param>
/// <param name="RecommendationCount">How many recommendations the <c>recommendations</c> node holds (strengths excluded).</param>
/// <param name="Source">Where the state came from: session.json or snapshot NNNNNN.</param>
/// <param name="Warnings">From loading: a file skipped for a snapshot, unreadable event lines.</param>
internal sealed record SessionDetails(
    string Id,
    string Status,
    string StoredStatus,
    string Lease,
    string Pipeline,
    string InputPath,
    string? ReportFolder,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Iterations,
    string? StopReason,
    string? StopDetails,
    IReadOnlyList<IterationRow> Quality,
    IReadOnlyList<NodeRow> Nodes,
    IReadOnlyList<ErrorRow> Errors,
    IReadOnlyList<PlanAnalytics> Decisions,
    int RecommendationCount,
    IReadOnlyList<RecommendationRow> Recommendations,
    string Source,
    IReadOnlyList<string> Warnings,
    string? Resume)
{
    public const string RecommendationsNode = "recommendations";
    public const int TopRecommendations = 10;

    // The run loop writes Decision and Iteration details with the web defaults (camelCase).
    private static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web);

    /// <summary>Loads the session; throws <see cref="SessionNotFoundException"/> or <see cref="SessionStateCorruptException"/> as <see cref="SessionStore.LoadState"/> does.</summary>
    public static SessionDetails Load(SessionStore store, string sessionId)
    {
        var loaded = store.LoadState(sessionId);
        var state = loaded.State;
        var lease = store.InspectLease(sessionId).Status;
        var events = store.ReadEvents(sessionId);
        var warnings = new List<string>(loaded.Warnings);
        warnings.AddRange(events.Warnings);

        var decisions = new List<PlanAnalytics>();
        var metrics = new Dictionary<int, IterationMetrics>();
        var errors = new List<ErrorRow>();
        string? stopDetails = null;
        foreach (var e in events.Events)
        {
            switch (e.Kind)
            {
                case SessionEventKind.Decision when Decode<PlanAnalytics>(e, warnings) is { } plan:
                    decisions.Add(plan);
                    break;
                case SessionEventKind.Iteration when Decode<IterationMetrics>(e, warnings) is { } m:
                    metrics[m.Iteration] = m;
                    break;
                case SessionEventKind.Outcome when e.Status is { } status && status != nameof(NodeRunStatus.Succeeded) && e.Details is { } details:
                    errors.Add(new ErrorRow(e.Iteration, e.Node ?? "?", e.Attempt, status, details));
                    break;
                case SessionEventKind.Stop:
                    stopDetails = e.Details;
                    break;
                case SessionEventKind.Warning when e.Details is { } warning:
                    warnings.Add(warning);
                    break;
            }
        }
        // Without a log (an older session, or one lost with its file), the nodes' latest errors are what is known.
        if (events.Events.Count == 0)
            errors.AddRange(state.Nodes.Where(n => n.LastError is not null)
                .Select(n => new ErrorRow(null, n.NodeId, n.Attempts, n.Status.ToString(), $"{n.LastError!.Type}: {n.LastError.Message}")));

        var recommendations = state.FindNode(RecommendationsNode)?.Result?.Findings.Where(f => !f.IsStrength).ToArray() ?? [];
        return new SessionDetails(
            state.SessionId,
            SessionStatusText.Of(state.Status, lease),
            state.Status.ToString(),
            lease.ToString(),
            state.PipelineName,
            state.InputPath,
            state.ReportFolder,
            state.CreatedAt,
            state.UpdatedAt,
            state.Iteration,
            state.StopReason,
            stopDetails,
            QualityRows(state.QualityHistory, metrics),
            state.Nodes.Select(n => new NodeRow(
                n.NodeId, n.Status.ToString(), n.Attempts, n.Result?.Score, n.Duration?.TotalSeconds,
                n.LastError is { } err ? $"{err.Type}: {err.Message}" : null)).ToArray(),
            errors,
            decisions,
            recommendations.Length,
            recommendations.Take(TopRecommendations).Select((f, i) => new RecommendationRow(
                i + 1, f.Severity.ToString(), f.Rule, f.Message, f.Suggestion, f.Location?.Chapter)).ToArray(),
            loaded.Source == StateSource.Snapshot ? $"snapshot {loaded.Snapshot?.Name}" : SessionStore.StateFileName,
            warnings,
            SessionStatusText.ResumeCommand(state.SessionId, state.Status, lease));
    }

    private static IterationRow[] QualityRows(IReadOnlyList<QualityRecord> history, IReadOnlyDictionary<int, IterationMetrics> metrics)
    {
        var rows = new IterationRow[history.Count];
        for (var i = 0; i < history.Count; i++)
        {
            var q = history[i];
            metrics.TryGetValue(q.Iteration, out var m);
            rows[i] = new IterationRow(
                q.Iteration, q.Overall, i == 0 ? null : Math.Round(q.Overall - history[i - 1].Overall, 4), q.Coverage, q.Confidence,
                m?.Duration.TotalSeconds, m?.ActionsRun, m?.Failures, m?.Retries);
        }
        return rows;
    }

    private static T? Decode<T>(SessionEvent e, List<string> warnings) where T : class
    {
        var what = $"{e.Kind.ToString().ToLowerInvariant()} event{(e.Iteration is { } i ? $" of iteration {i}" : "")}";
        if (string.IsNullOrEmpty(e.Details))
        {
            warnings.Add($"{SessionStore.EventsFileName}: the {what} has no details; skipped");
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<T>(e.Details, EventJson)
                ?? throw new JsonException("null");
        }
        catch (JsonException ex)
        {
            warnings.Add($"{SessionStore.EventsFileName}: the {what} is unreadable ({ex.Message}); skipped");
            return null;
        }
    }
}
