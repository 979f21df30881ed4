using MessagePack;
using MessagePack.Formatters;
using Orchestrator.Engine.Findings;
using Orchestrator.Engine.Iteration;

namespace Orchestrator.Engine.State.Snapshots;

// The MessagePack form of the state, written out by hand. MessagePack's dynamic resolver builds these formatters at run
// time with Reflection.Emit, and a cold process paid about 150 ms of CPU for that before its first snapshot; emitted
// code cannot run in a native (ahead-of-time) build at all.
//
// Each formatter writes exactly what the dynamic resolver writes for the record's [Key] attributes, so snapshots are
// byte for byte the same in both directions (StateFormattersTests compares them): an array as long as the highest key
// plus one, the value of key i at index i; a null object as nil; a key missing from an older, shorter array keeps the
// record's own default; a key this build does not know (a newer, longer array) is skipped. A new [Key] must be added
// here too: the test fails until it is.

/// <summary>The formatter of <see cref="SessionState"/> and, through it, of every record the state holds.</summary>
internal sealed class SessionStateFormatter : IMessagePackFormatter<SessionState?>
{
    public static readonly SessionStateFormatter Instance = new();
    private static readonly SessionState Defaults = new() { SessionId = null!, PipelineName = null!, PipelineHash = null!, InputPath = null!, InputHash = null! };

    public void Serialize(ref MessagePackWriter writer, SessionState? value, MessagePackSerializerOptions options)
    {
        if (value is null) { writer.WriteNil(); return; }
        writer.WriteArrayHeader(22);
        writer.Write(value.SchemaVersion);
        writer.Write(value.SessionId);
        writer.Write((int)value.Status);
        writer.Write(value.PipelineName);
        writer.Write(value.PipelineHash);
        writer.Write(value.InputPath);
        writer.Write(value.InputHash);
        writer.Write(value.RequirementsJson);
        DateTimeOffsetFormatter.Instance.Serialize(ref writer, value.CreatedAt, options);
        DateTimeOffsetFormatter.Instance.Serialize(ref writer, value.UpdatedAt, options);
        writer.Write(value.Iteration);
        NodeStateFormatter.List.Serialize(ref writer, value.Nodes, options);
        QualityRecordFormatter.List.Serialize(ref writer, value.QualityHistory, options);
        writer.Write(value.StopReason);
        writer.Write(value.ReportFolder);
        writer.Write(value.SubjectHash);
        TimeSpanFormatter.Instance.Serialize(ref writer, value.ActiveDuration, options);
        IterationRecordFormatter.List.Serialize(ref writer, value.Iterations, options);
        writer.Write(value.StopCode);
        writer.Write(value.PipelinePath);
        StrategyStateFormatter.Instance.Serialize(ref writer, value.Strategy, options);
        StateEncoding.Strings.Serialize(ref writer, value.Dispatched, options);
    }

    public SessionState? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (reader.TryReadNil()) return null;
        options.Security.DepthStep(ref reader);
        var d = Defaults;
        var (schemaVersion, sessionId, status, pipelineName, pipelineHash, inputPath, inputHash, requirementsJson) =
            (d.SchemaVersion, d.SessionId, d.Status, d.PipelineName, d.PipelineHash, d.InputPath, d.InputHash, d.RequirementsJson);
        var (createdAt, updatedAt, iteration, nodes, qualityHistory, stopReason, reportFolder, subjectHash) =
            (d.CreatedAt, d.UpdatedAt, d.Iteration, d.Nodes, d.QualityHistory, d.StopReason, d.ReportFolder, d.SubjectHash);
        var (activeDuration, iterations, stopCode, pipelinePath, strategy, dispatched) =
            (d.ActiveDuration, d.Iterations, d.StopCode, d.PipelinePath, d.Strategy, d.Dispatched);
        var count = reader.ReadArrayHeader();
        for (var key = 0; key < count; key++)
        {
            switch (key)
            {
                case 0: schemaVersion = reader.ReadInt32(); break;
                case 1: sessionId = reader.ReadString()!; break;
                case 2: status = (SessionStateStatus)reader.ReadInt32(); break;
                case 3: pipelineName = reader.ReadString()!; break;
                case 4: pipelineHash = reader.ReadString()!; break;
                case 5: inputPath = reader.ReadString()!; break;
                case 6: inputHash = reader.ReadString()!; break;
                case 7: requirementsJson = reader.ReadString(); break;
                case 8: createdAt = DateTimeOffsetFormatter.Instance.Deserialize(ref reader, options); break;
                case 9: updatedAt = DateTimeOffsetFormatter.Instance.Deserialize(ref reader, options); break;
                case 10: iteration = reader.ReadInt32(); break;
                case 11: nodes = NodeStateFormatter.List.Deserialize(ref reader, options)!; break;
                case 12: qualityHistory = QualityRecordFormatter.List.Deserialize(ref reader, options)!; break;
                case 13: stopReason = reader.ReadString(); break;
                case 14: reportFolder = reader.ReadString(); break;
                case 15: subjectHash = reader.ReadString(); break;
                case 16: activeDuration = TimeSpanFormatter.Instance.Deserialize(ref reader, options); break;
                case 17: iterations = IterationRecordFormatter.List.Deserialize(ref reader, options)!; break;
                case 18: stopCode = reader.ReadString(); break;
                case 19: pipelinePath = reader.ReadString(); break;
                case 20: strategy = StrategyStateFormatter.Instance.Deserialize(ref reader, options); break;
                case 21: dispatched = StateEncoding.Strings.Deserialize(ref reader, options)!; break;
                default: reader.Skip(); break;
            }
        }
        reader.Depth--;
        return new SessionState
        {
            SchemaVersion = schemaVersion, SessionId = sessionId, Status = status, PipelineName = pipelineName,
            PipelineHash = pipelineHash, InputPath = inputPath, InputHash = inputHash, RequirementsJson = requirementsJson,
            CreatedAt = createdAt, UpdatedAt = updatedAt, Iteration = iteration, Nodes = nodes, QualityHistory = qualityHistory,
            StopReason = stopReason, ReportFolder = reportFolder, SubjectHash = subjectHash, ActiveDuration = activeDuration,
            Iterations = iterations, StopCode = stopCode, PipelinePath = pipelinePath, Strategy = strategy, Dispatched = dispatched,
        };
    }
}

internal sealed class IterationRecordFormatter : IMessagePackFormatter<IterationRecord?>
{
    public static readonly IterationRecordFormatter Instance = new();
    public static readonly ListFormatter<IterationRecord> List = new(Instance!);
    private static readonly IterationRecord Defaults = new();

    public void Serialize(ref MessagePackWriter writer, IterationRecord? value, MessagePackSerializerOptions options)
    {
        if (value is null) { writer.WriteNil(); return; }
        writer.WriteArrayHeader(11);
        writer.Write(value.Iteration);
        DateTimeOffsetFormatter.Instance.Serialize(ref writer, value.StartedAt, options);
        TimeSpanFormatter.Instance.Serialize(ref writer, value.Duration, options);
        writer.Write(value.ActionsRun);
        writer.Write(value.Succeeded);
        writer.Write(value.Failures);
        writer.Write(value.Retries);
        writer.Write(value.RetriedActions);
        writer.Write(value.Skipped);
        writer.Write(value.Quality);
        NullableDoubleFormatter.Instance.Serialize(ref writer, value.QualityDelta, options);
    }

    public IterationRecord? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (reader.TryReadNil()) return null;
        options.Security.DepthStep(ref reader);
        var d = Defaults;
        var (iteration, startedAt, duration, actionsRun, succeeded, failures, retries, retriedActions, skipped, quality, qualityDelta) =
            (d.Iteration, d.StartedAt, d.Duration, d.ActionsRun, d.Succeeded, d.Failures, d.Retries, d.RetriedActions, d.Skipped, d.Quality, d.QualityDelta);
        var count = reader.ReadArrayHeader();
        for (var key = 0; key < count; key++)
        {
            switch (key)
            {
                case 0: iteration = reader.ReadInt32(); break;
                case 1: startedAt = DateTimeOffsetFormatter.Instance.Deserialize(ref reader, options); break;
                case 2: duration = TimeSpanFormatter.Instance.Deserialize(ref reader, options); break;
                case 3: actionsRun = reader.ReadInt32(); break;
                case 4: succeeded = reader.ReadInt32(); break;
                case 5: failures = reader.ReadInt32(); break;
                case 6: retries = reader.ReadInt32(); break;
                case 7: retriedActions = reader.ReadInt32(); break;
                case 8: skipped = reader.ReadInt32(); break;
                case 9: quality = reader.ReadDouble(); break;
                case 10: qualityDelta = NullableDoubleFormatter.Instance.Deserialize(ref reader, options); break;
                default: reader.Skip(); break;
            }
        }
        reader.Depth--;
        return new IterationRecord
        {
            Iteration = iteration, StartedAt = startedAt, Duration = duration, ActionsRun = actionsRun, Succeeded = succeeded,
            Failures = failures, Retries = retries, RetriedActions = retriedActions, Skipped = skipped, Quality = quality, QualityDelta = qualityDelta,
        };
    }
}

internal sealed class QualityRecordFormatter : IMessagePackFormatter<QualityRecord?>
{
    public static readonly QualityRecordFormatter Instance = new();
    public static readonly ListFormatter<QualityRecord> List = new(Instance!);
    private static readonly QualityRecord Defaults = new();

    public void Serialize(ref MessagePackWriter writer, QualityRecord? value, MessagePackSerializerOptions options)
    {
        if (value is null) { writer.WriteNil(); return; }
        writer.WriteArrayHeader(4);
        writer.Write(value.Iteration);
        writer.Write(value.Overall);
        writer.Write(value.Coverage);
        writer.Write(value.Confidence);
    }

    public QualityRecord? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (reader.TryReadNil()) return null;
        options.Security.DepthStep(ref reader);
        var (iteration, overall, coverage, confidence) = (Defaults.Iteration, Defaults.Overall, Defaults.Coverage, Defaults.Confidence);
        var count = reader.ReadArrayHeader();
        for (var key = 0; key < count; key++)
        {
            switch (key)
            {
                case 0: iteration = reader.ReadInt32(); break;
                case 1: overall = reader.ReadDouble(); break;
                case 2: coverage = reader.ReadDouble(); break;
                case 3: confidence = reader.ReadDouble(); break;
                default: reader.Skip(); break;
            }
        }
        reader.Depth--;
        return new QualityRecord { Iteration = iteration, Overall = overall, Coverage = coverage, Confidence = confidence };
    }
}

internal sealed class NodeStateFormatter : IMessagePackFormatter<NodeState?>
{
    public static readonly NodeStateFormatter Instance = new();
    public static readonly ListFormatter<NodeState> List = new(Instance!);
    private static readonly NodeState Defaults = new() { NodeId = null! };

    public void Serialize(ref MessagePackWriter writer, NodeState? value, MessagePackSerializerOptions options)
    {
        if (value is null) { writer.WriteNil(); return; }
        writer.WriteArrayHeader(12);
        writer.Write(value.NodeId);
        writer.Write((int)value.Status);
        writer.Write(value.Attempts);
        NodeResultStateFormatter.Instance.Serialize(ref writer, value.Result, options);
        NodeErrorStateFormatter.Instance.Serialize(ref writer, value.LastError, options);
        if (value.StartedAt is { } startedAt) DateTimeOffsetFormatter.Instance.Serialize(ref writer, startedAt, options);
        else writer.WriteNil();
        if (value.Duration is { } duration) TimeSpanFormatter.Instance.Serialize(ref writer, duration, options);
        else writer.WriteNil();
        NullableInt32Formatter.Instance.Serialize(ref writer, value.SucceededIteration, options);
        writer.Write(value.SucceededInputHash);
        writer.Write(value.Actions);
        writer.Write(value.Failures);
        NodeRunTotalsFormatter.Instance.Serialize(ref writer, value.Totals, options);
    }

    public NodeState? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (reader.TryReadNil()) return null;
        options.Security.DepthStep(ref reader);
        var d = Defaults;
        var (nodeId, status, attempts, result, lastError, startedAt, duration, succeededIteration, succeededInputHash, actions, failures, totals) =
            (d.NodeId, d.Status, d.Attempts, d.Result, d.LastError, d.StartedAt, d.Duration, d.SucceededIteration, d.SucceededInputHash, d.Actions, d.Failures, d.Totals);
        var count = reader.ReadArrayHeader();
        for (var key = 0; key < count; key++)
        {
            switch (key)
            {
                case 0: nodeId = reader.ReadString()!; break;
                case 1: status = (NodeRunStatus)reader.ReadInt32(); break;
                case 2: attempts = reader.ReadInt32(); break;
                case 3: result = NodeResultStateFormatter.Instance.Deserialize(ref reader, options); break;
                case 4: lastError = NodeErrorStateFormatter.Instance.Deserialize(ref reader, options); break;
                case 5: startedAt = reader.TryReadNil() ? null : DateTimeOffsetFormatter.Instance.Deserialize(ref reader, options); break;
                case 6: duration = reader.TryReadNil() ? null : TimeSpanFormatter.Instance.Deserialize(ref reader, options); break;
                case 7: succeededIteration = NullableInt32Formatter.Instance.Deserialize(ref reader, options); break;
                case 8: succeededInputHash = reader.ReadString(); break;
                case 9: actions = reader.ReadInt32(); break;
                case 10: failures = reader.ReadInt32(); break;
                case 11: totals = NodeRunTotalsFormatter.Instance.Deserialize(ref reader, options); break;
                default: reader.Skip(); break;
            }
        }
        reader.Depth--;
        return new NodeState
        {
            NodeId = nodeId, Status = status, Attempts = attempts, Result = result, LastError = lastError, StartedAt = startedAt,
            Duration = duration, SucceededIteration = succeededIteration, SucceededInputHash = succeededInputHash, Actions = actions,
            Failures = failures, Totals = totals,
        };
    }
}

internal sealed class NodeErrorStateFormatter : IMessagePackFormatter<NodeErrorState?>
{
    public static readonly NodeErrorStateFormatter Instance = new();

    public void Serialize(ref MessagePackWriter writer, NodeErrorState? value, MessagePackSerializerOptions options)
    {
        if (value is null) { writer.WriteNil(); return; }
        writer.WriteArrayHeader(2);
        writer.Write(value.Type);
        writer.Write(value.Message);
    }

    public NodeErrorState? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (reader.TryReadNil()) return null;
        options.Security.DepthStep(ref reader);
        string type = null!, message = null!;
        var count = reader.ReadArrayHeader();
        for (var key = 0; key < count; key++)
        {
            switch (key)
            {
                case 0: type = reader.ReadString()!; break;
                case 1: message = reader.ReadString()!; break;
                default: reader.Skip(); break;
            }
        }
        reader.Depth--;
        return new NodeErrorState { Type = type, Message = message };
    }
}

internal sealed class NodeResultStateFormatter : IMessagePackFormatter<NodeResultState?>
{
    public static readonly NodeResultStateFormatter Instance = new();
    private static readonly NodeResultState Defaults = new();
    private static readonly MapFormatter<double> Metrics = new(DoubleFormatter.Instance);
    private static readonly MapFormatter<IReadOnlyList<double>> Series = new(StateEncoding.Doubles!);
    private static readonly MapFormatter<IReadOnlyList<string>> Labels = new(StateEncoding.Strings!);

    public void Serialize(ref MessagePackWriter writer, NodeResultState? value, MessagePackSerializerOptions options)
    {
        if (value is null) { writer.WriteNil(); return; }
        writer.WriteArrayHeader(7);
        writer.Write(value.Score);
        writer.Write(value.Summary);
        Metrics.Serialize(ref writer, value.Metrics, options);
        FindingStateFormatter.List.Serialize(ref writer, value.Findings, options);
        Series.Serialize(ref writer, value.Series, options);
        Labels.Serialize(ref writer, value.Labels, options);
        TextEditStateFormatter.List.Serialize(ref writer, value.Edits, options);
    }

    public NodeResultState? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (reader.TryReadNil()) return null;
        options.Security.DepthStep(ref reader);
        var d = Defaults;
        var (score, summary, metrics, findings, series, labels, edits) = (d.Score, d.Summary, d.Metrics, d.Findings, d.Series, d.Labels, d.Edits);
        var count = reader.ReadArrayHeader();
        for (var key = 0; key < count; key++)
        {
            switch (key)
            {
                case 0: score = reader.ReadDouble(); break;
                case 1: summary = reader.ReadString()!; break;
                case 2: metrics = Metrics.Deserialize(ref reader, options)!; break;
                case 3: findings = FindingStateFormatter.List.Deserialize(ref reader, options)!; break;
                case 4: series = Series.Deserialize(ref reader, options)!; break;
                case 5: labels = Labels.Deserialize(ref reader, options)!; break;
                case 6: edits = TextEditStateFormatter.List.Deserialize(ref reader, options)!; break;
                default: reader.Skip(); break;
            }
        }
        reader.Depth--;
        return new NodeResultState { Score = score, Summary = summary, Metrics = metrics, Findings = findings, Series = series, Labels = labels, Edits = edits };
    }
}

internal sealed class TextEditStateFormatter : IMessagePackFormatter<TextEditState?>
{
    public static readonly TextEditStateFormatter Instance = new();
    public static readonly ListFormatter<TextEditState> List = new(Instance!);
    private static readonly TextEditState Defaults = new() { Replacement = null!, Rule = null! };

    public void Serialize(ref MessagePackWriter writer, TextEditState? value, MessagePackSerializerOptions options)
    {
        if (value is null) { writer.WriteNil(); return; }
        writer.WriteArrayHeader(4);
        writer.Write(value.Offset);
        writer.Write(value.Length);
        writer.Write(value.Replacement);
        writer.Write(value.Rule);
    }

    public TextEditState? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (reader.TryReadNil()) return null;
        options.Security.DepthStep(ref reader);
        var (offset, length, replacement, rule) = (Defaults.Offset, Defaults.Length, Defaults.Replacement, Defaults.Rule);
        var count = reader.ReadArrayHeader();
        for (var key = 0; key < count; key++)
        {
            switch (key)
            {
                case 0: offset = reader.ReadInt32(); break;
                case 1: length = reader.ReadInt32(); break;
                case 2: replacement = reader.ReadString()!; break;
                case 3: rule = reader.ReadString()!; break;
                default: reader.Skip(); break;
            }
        }
        reader.Depth--;
        return new TextEditState { Offset = offset, Length = length, Replacement = replacement, Rule = rule };
    }
}

internal sealed class FindingStateFormatter : IMessagePackFormatter<FindingState?>
{
    public static readonly FindingStateFormatter Instance = new();
    public static readonly ListFormatter<FindingState> List = new(Instance!);
    private static readonly FindingState Defaults = new() { Rule = null!, Message = null! };

    public void Serialize(ref MessagePackWriter writer, FindingState? value, MessagePackSerializerOptions options)
    {
        if (value is null) { writer.WriteNil(); return; }
        writer.WriteArrayHeader(8);
        writer.Write(value.Rule);
        writer.Write((int)value.Severity);
        writer.Write(value.Message);
        writer.Write(value.Suggestion);
        TextLocationStateFormatter.Instance.Serialize(ref writer, value.Location, options);
        writer.Write(value.Evidence);
        writer.Write(value.Confidence);
        writer.Write(value.IsStrength);
    }

    public FindingState? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (reader.TryReadNil()) return null;
        options.Security.DepthStep(ref reader);
        var d = Defaults;
        var (rule, severity, message, suggestion, location, evidence, confidence, isStrength) =
            (d.Rule, d.Severity, d.Message, d.Suggestion, d.Location, d.Evidence, d.Confidence, d.IsStrength);
        var count = reader.ReadArrayHeader();
        for (var key = 0; key < count; key++)
        {
            switch (key)
            {
                case 0: rule = reader.ReadString()!; break;
                case 1: severity = (Severity)reader.ReadInt32(); break;
                case 2: message = reader.ReadString()!; break;
                case 3: suggestion = reader.ReadString(); break;
                case 4: location = TextLocationStateFormatter.Instance.Deserialize(ref reader, options); break;
                case 5: evidence = reader.ReadString(); break;
                case 6: confidence = reader.ReadDouble(); break;
                case 7: isStrength = reader.ReadBoolean(); break;
                default: reader.Skip(); break;
            }
        }
        reader.Depth--;
        return new FindingState
        {
            Rule = rule, Severity = severity, Message = message, Suggestion = suggestion, Location = location, Evidence = evidence,
            Confidence = confidence, IsStrength = isStrength,
        };
    }
}

internal sealed class TextLocationStateFormatter : IMessagePackFormatter<TextLocationState?>
{
    public static readonly TextLocationStateFormatter Instance = new();
    private static readonly TextLocationState Defaults = new();

    public void Serialize(ref MessagePackWriter writer, TextLocationState? value, MessagePackSerializerOptions options)
    {
        if (value is null) { writer.WriteNil(); return; }
        writer.WriteArrayHeader(4);
        NullableInt32Formatter.Instance.Serialize(ref writer, value.Chapter, options);
        NullableInt32Formatter.Instance.Serialize(ref writer, value.Paragraph, options);
        writer.Write(value.Offset);
        writer.Write(value.Length);
    }

    public TextLocationState? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (reader.TryReadNil()) return null;
        options.Security.DepthStep(ref reader);
        var (chapter, paragraph, offset, length) = (Defaults.Chapter, Defaults.Paragraph, Defaults.Offset, Defaults.Length);
        var count = reader.ReadArrayHeader();
        for (var key = 0; key < count; key++)
        {
            switch (key)
            {
                case 0: chapter = NullableInt32Formatter.Instance.Deserialize(ref reader, options); break;
                case 1: paragraph = NullableInt32Formatter.Instance.Deserialize(ref reader, options); break;
                case 2: offset = reader.ReadInt32(); break;
                case 3: length = reader.ReadInt32(); break;
                default: reader.Skip(); break;
            }
        }
        reader.Depth--;
        return new TextLocationState { Chapter = chapter, Paragraph = paragraph, Offset = offset, Length = length };
    }
}

internal sealed class NodeRunTotalsFormatter : IMessagePackFormatter<NodeRunTotals?>
{
    public static readonly NodeRunTotalsFormatter Instance = new();
    private static readonly NodeRunTotals Defaults = new();

    public void Serialize(ref MessagePackWriter writer, NodeRunTotals? value, MessagePackSerializerOptions options)
    {
        if (value is null) { writer.WriteNil(); return; }
        writer.WriteArrayHeader(8);
        writer.Write(value.Runs);
        writer.Write(value.Successes);
        writer.Write(value.Failures);
        writer.Write(value.Timeouts);
        writer.Write(value.Retries);
        TimeSpanFormatter.Instance.Serialize(ref writer, value.Total, options);
        TimeSpanFormatter.Instance.Serialize(ref writer, value.Min, options);
        TimeSpanFormatter.Instance.Serialize(ref writer, value.Max, options);
    }

    public NodeRunTotals? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (reader.TryReadNil()) return null;
        options.Security.DepthStep(ref reader);
        var d = Defaults;
        var (runs, successes, failures, timeouts, retries, total, min, max) = (d.Runs, d.Successes, d.Failures, d.Timeouts, d.Retries, d.Total, d.Min, d.Max);
        var count = reader.ReadArrayHeader();
        for (var key = 0; key < count; key++)
        {
            switch (key)
            {
                case 0: runs = reader.ReadInt32(); break;
                case 1: successes = reader.ReadInt32(); break;
                case 2: failures = reader.ReadInt32(); break;
                case 3: timeouts = reader.ReadInt32(); break;
                case 4: retries = reader.ReadInt32(); break;
                case 5: total = TimeSpanFormatter.Instance.Deserialize(ref reader, options); break;
                case 6: min = TimeSpanFormatter.Instance.Deserialize(ref reader, options); break;
                case 7: max = TimeSpanFormatter.Instance.Deserialize(ref reader, options); break;
                default: reader.Skip(); break;
            }
        }
        reader.Depth--;
        return new NodeRunTotals { Runs = runs, Successes = successes, Failures = failures, Timeouts = timeouts, Retries = retries, Total = total, Min = min, Max = max };
    }
}

internal sealed class StrategyStateFormatter : IMessagePackFormatter<StrategyState?>
{
    public static readonly StrategyStateFormatter Instance = new();
    private static readonly StrategyState Defaults = new();

    public void Serialize(ref MessagePackWriter writer, StrategyState? value, MessagePackSerializerOptions options)
    {
        if (value is null) { writer.WriteNil(); return; }
        writer.WriteArrayHeader(4);
        NodeOverrideStateFormatter.List.Serialize(ref writer, value.Overrides, options);
        NodeNoteStateFormatter.List.Serialize(ref writer, value.Reruns, options);
        NodeNoteStateFormatter.List.Serialize(ref writer, value.Suggestions, options);
        EscalationStateFormatter.List.Serialize(ref writer, value.Escalations, options);
    }

    public StrategyState? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (reader.TryReadNil()) return null;
        options.Security.DepthStep(ref reader);
        var (overrides, reruns, suggestions, escalations) = (Defaults.Overrides, Defaults.Reruns, Defaults.Suggestions, Defaults.Escalations);
        var count = reader.ReadArrayHeader();
        for (var key = 0; key < count; key++)
        {
            switch (key)
            {
                case 0: overrides = NodeOverrideStateFormatter.List.Deserialize(ref reader, options)!; break;
                case 1: reruns = NodeNoteStateFormatter.List.Deserialize(ref reader, options)!; break;
                case 2: suggestions = NodeNoteStateFormatter.List.Deserialize(ref reader, options)!; break;
                case 3: escalations = EscalationStateFormatter.List.Deserialize(ref reader, options)!; break;
                default: reader.Skip(); break;
            }
        }
        reader.Depth--;
        return new StrategyState { Overrides = overrides, Reruns = reruns, Suggestions = suggestions, Escalations = escalations };
    }
}

internal sealed class NodeOverrideStateFormatter : IMessagePackFormatter<NodeOverrideState?>
{
    public static readonly NodeOverrideStateFormatter Instance = new();
    public static readonly ListFormatter<NodeOverrideState> List = new(Instance!);

    public void Serialize(ref MessagePackWriter writer, NodeOverrideState? value, MessagePackSerializerOptions options)
    {
        if (value is null) { writer.WriteNil(); return; }
        writer.WriteArrayHeader(3);
        writer.Write(value.NodeId);
        if (value.Timeout is { } timeout) TimeSpanFormatter.Instance.Serialize(ref writer, timeout, options);
        else writer.WriteNil();
        writer.Write(value.Options);
    }

    public NodeOverrideState? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (reader.TryReadNil()) return null;
        options.Security.DepthStep(ref reader);
        string nodeId = null!;
        TimeSpan? timeout = null;
        string? nodeOptions = null;
        var count = reader.ReadArrayHeader();
        for (var key = 0; key < count; key++)
        {
            switch (key)
            {
                case 0: nodeId = reader.ReadString()!; break;
                case 1: timeout = reader.TryReadNil() ? null : TimeSpanFormatter.Instance.Deserialize(ref reader, options); break;
                case 2: nodeOptions = reader.ReadString(); break;
                default: reader.Skip(); break;
            }
        }
        reader.Depth--;
        return new NodeOverrideState { NodeId = nodeId, Timeout = timeout, Options = nodeOptions };
    }
}

internal sealed class NodeNoteStateFormatter : IMessagePackFormatter<NodeNoteState?>
{
    public static readonly NodeNoteStateFormatter Instance = new();
    public static readonly ListFormatter<NodeNoteState> List = new(Instance!);

    public void Serialize(ref MessagePackWriter writer, NodeNoteState? value, MessagePackSerializerOptions options)
    {
        if (value is null) { writer.WriteNil(); return; }
        writer.WriteArrayHeader(2);
        writer.Write(value.NodeId);
        writer.Write(value.Text);
    }

    public NodeNoteState? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (reader.TryReadNil()) return null;
        options.Security.DepthStep(ref reader);
        string nodeId = null!, text = null!;
        var count = reader.ReadArrayHeader();
        for (var key = 0; key < count; key++)
        {
            switch (key)
            {
                case 0: nodeId = reader.ReadString()!; break;
                case 1: text = reader.ReadString()!; break;
                default: reader.Skip(); break;
            }
        }
        reader.Depth--;
        return new NodeNoteState { NodeId = nodeId, Text = text };
    }
}

internal sealed class EscalationStateFormatter : IMessagePackFormatter<EscalationState?>
{
    public static readonly EscalationStateFormatter Instance = new();
    public static readonly ListFormatter<EscalationState> List = new(Instance!);
    private static readonly EscalationState Defaults = new() { NodeId = null!, Reason = null! };

    public void Serialize(ref MessagePackWriter writer, EscalationState? value, MessagePackSerializerOptions options)
    {
        if (value is null) { writer.WriteNil(); return; }
        writer.WriteArrayHeader(3);
        writer.Write(value.NodeId);
        writer.Write((int)value.Kind);
        writer.Write(value.Reason);
    }

    public EscalationState? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (reader.TryReadNil()) return null;
        options.Security.DepthStep(ref reader);
        string nodeId = null!, reason = null!;
        var kind = Defaults.Kind;
        var count = reader.ReadArrayHeader();
        for (var key = 0; key < count; key++)
        {
            switch (key)
            {
                case 0: nodeId = reader.ReadString()!; break;
                case 1: kind = (EscalationKind)reader.ReadInt32(); break;
                case 2: reason = reader.ReadString()!; break;
                default: reader.Skip(); break;
            }
        }
        reader.Depth--;
        return new EscalationState { NodeId = nodeId, Kind = kind, Reason = reason };
    }
}
