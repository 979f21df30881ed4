using System.Text.Json;

namespace Orchestrator.Engine.State;

/// <summary>
/// The invariants of a <see cref="SessionState"/>, checked before every write and after every read, so a
/// file that decodes but holds nonsense (a bug, a hand edit, a partial migration) is treated as corrupt:
/// <list type="bullet">
/// <item>schema version in [1, <see cref="SessionState.CurrentSchemaVersion"/>]; a usable session id; the pipeline
/// and input named and hashed; requirements, when present, one JSON value;</item>
/// <item>iteration ≥ 0; created ≤ updated; a Completed session has every node Succeeded;</item>
/// <item>node ids present and unique; attempts ≥ 0; durations ≥ 0; a Succeeded node has a result and the
/// iteration of that success; a success's iteration in [0, iteration];</item>
/// <item>node scores and quality figures in [0,1];</item>
/// <item>quality history in strictly rising iteration order, none after the current iteration.</item>
/// </list>
/// What a finding says (its confidence, its location) is the domain's contract, not checked here: a node
/// that bends it must not make its session impossible to save.
/// </summary>
public static class SessionStateValidator
{
    public static IReadOnlyList<string> Validate(SessionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var problems = new List<string>();
        if (state.SchemaVersion < 1 || state.SchemaVersion > SessionState.CurrentSchemaVersion)
            problems.Add($"schema version {state.SchemaVersion} is not in [1, {SessionState.CurrentSchemaVersion}]");
        if (!SessionStore.IsValidSessionId(state.SessionId))
            problems.Add($"session id '{state.SessionId}' is not a valid id (letters, digits, '-', '_', '.'; not starting with '.')");
        Require(problems, state.PipelineName, "pipeline name");
        Require(problems, state.PipelineHash, "pipeline hash");
        Require(problems, state.InputPath, "input path");
        Require(problems, state.InputHash, "input hash");
        if (!Enum.IsDefined(state.Status)) problems.Add($"status {(int)state.Status} is unknown");
        if (state.RequirementsJson is { } requirements && !IsOneJsonValue(requirements))
            problems.Add("requirements are not one JSON value");
        if (state.Iteration < 0) problems.Add($"iteration {state.Iteration} is negative");
        if (state.UpdatedAt < state.CreatedAt) problems.Add($"updated at {state.UpdatedAt:o} is before created at {state.CreatedAt:o}");

        if (state.Nodes is null) problems.Add("nodes are missing");
        else ValidateNodes(state, problems);

        if (state.QualityHistory is null) problems.Add("quality history is missing");
        else ValidateQuality(state, problems);
        return problems;
    }

    private static void ValidateNodes(SessionState state, List<string> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in state.Nodes)
        {
            if (node is null) { problems.Add("a node entry is missing"); continue; }
            if (string.IsNullOrEmpty(node.NodeId)) { problems.Add("a node has no id"); continue; }
            var name = $"node '{node.NodeId}'";
            if (!seen.Add(node.NodeId)) problems.Add($"{name} appears more than once");
            if (!Enum.IsDefined(node.Status)) problems.Add($"{name} has unknown status {(int)node.Status}");
            if (node.Attempts < 0) problems.Add($"{name} has {node.Attempts} attempts");
            if (node.Duration < TimeSpan.Zero) problems.Add($"{name} has a negative duration");
            if (node.Status == NodeRunStatus.Succeeded)
            {
                if (node.Result is null) problems.Add($"{name} is Succeeded but has no result");
                if (node.SucceededIteration is null) problems.Add($"{name} is Succeeded but has no iteration of success");
            }
            if (node.SucceededIteration is { } at && (at < 0 || at > state.Iteration))
                problems.Add($"{name} succeeded at iteration {at}, outside [0, {state.Iteration}]");
            if (node.LastError is { } error && (error.Type is null || error.Message is null))
                problems.Add($"{name} has an error without type or message");
            if (node.Result is { } result) ValidateResult(name, result, problems);
        }
        // Pending is allowed: a select rule may leave nodes out of a session that finished without an error.
        if (state.Status == SessionStateStatus.Completed && state.Nodes.Any(n => n is not null && n.Status is not (NodeRunStatus.Succeeded or NodeRunStatus.Pending)))
            problems.Add("the session is Completed but not every node that ran is Succeeded");
    }

    private static void ValidateResult(string name, NodeResultState result, List<string> problems)
    {
        if (!InUnit(result.Score)) problems.Add($"{name} has score {result.Score}, outside [0,1]");
        if (result.Summary is null) problems.Add($"{name} has no summary text");
        if (result.Metrics is null || result.Series is null || result.Labels is null || result.Findings is null)
        {
            problems.Add($"{name} has a result with a missing collection");
            return;
        }
        if (result.Series.Values.Any(v => v is null) || result.Labels.Values.Any(v => v is null))
            problems.Add($"{name} has a missing series or labels");
        for (var i = 0; i < result.Findings.Count; i++)
        {
            var f = result.Findings[i];
            var where = $"{name} finding {i + 1}";
            if (f is null) { problems.Add($"{where} is missing"); continue; }
            if (f.Rule is null) problems.Add($"{where} has no rule");
            if (f.Message is null) problems.Add($"{where} has no message");
        }
    }

    private static void ValidateQuality(SessionState state, List<string> problems)
    {
        var previous = -1;
        foreach (var q in state.QualityHistory)
        {
            if (q is null) { problems.Add("a quality record is missing"); continue; }
            if (q.Iteration <= previous) problems.Add($"quality history is not in rising iteration order at iteration {q.Iteration}");
            if (q.Iteration > state.Iteration) problems.Add($"quality of iteration {q.Iteration} is after the current iteration {state.Iteration}");
            if (!InUnit(q.Overall) || !InUnit(q.Coverage) || !InUnit(q.Confidence))
                problems.Add($"quality of iteration {q.Iteration} has a figure outside [0,1]");
            previous = q.Iteration;
        }
    }

    private static void Require(List<string> problems, string? value, string what)
    {
        if (string.IsNullOrEmpty(value)) problems.Add($"{what} is missing");
    }

    private static bool InUnit(double value) => value is >= 0 and <= 1;

    private static bool IsOneJsonValue(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
