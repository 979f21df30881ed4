using Orchestrator.Engine.Pipelines;
using Orchestrator.Engine.Sessions;
using Orchestrator.Manuscripts.Requirements;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Reports;

/// <summary>Turns a finished session into the report model.</summary>
public static class ReportBuilder
{
    public static AnalysisReport Build(SessionResult session, PipelineDefinition pipeline, ManuscriptDocument document,
        ManuscriptRequirements requirements)
    {
        var outcomes = session.Outcomes.ToDictionary(o => o.NodeId, StringComparer.Ordinal);
        var nodes = new List<NodeReport>(pipeline.Nodes.Count);
        foreach (var definition in pipeline.Nodes)
        {
            if (!outcomes.TryGetValue(definition.Id, out var outcome)) continue;
            var result = outcome.Result;
            nodes.Add(new NodeReport
            {
                Id = definition.Id,
                Type = definition.Type,
                Status = outcome.Status.ToString(),
                Attempts = outcome.Attempts,
                Score = result?.Score is { } s ? Math.Round(s, 4) : null,
                Weight = definition.Weight,
                Summary = result?.Summary,
                Error = outcome.Error?.Message,
                Metrics = result?.Metrics ?? new Dictionary<string, double>(),
                Series = result?.Series ?? new Dictionary<string, IReadOnlyList<double>>(),
                Labels = result?.Labels ?? new Dictionary<string, IReadOnlyList<string>>(),
                Findings = result?.Findings ?? [],
                DurationMs = Math.Round(outcome.Duration.TotalMilliseconds, 3),
            });
        }

        return new AnalysisReport
        {
            Session = session.SessionId,
            Status = session.Status.ToString(),
            StopReason = session.StopReason,
            Iterations = session.Iterations,
            Pipeline = new PipelineInfo(pipeline.Name, pipeline.Version, pipeline.SourcePath),
            Manuscript = new ManuscriptInfo(document.Title, document.SourcePath, document.ContentHash, document.Encoding,
                document.WordCount, document.Chapters.Count, document.Parts.Count, document.Scenes.Length,
                document.Paragraphs.Length, document.Sentences.Length, document.Metadata.Count > 0 ? document.Metadata : null),
            Requirements = new RequirementsInfo(requirements.Genre, requirements.TargetLength, requirements.Themes),
            Quality = new QualityInfo(session.Quality.Overall, session.Quality.Coverage, session.Quality.Confidence,
                session.Quality.Nodes.ToDictionary(n => n.NodeId, n => new NodeQualityInfo(
                    n.Score is { } s ? Math.Round(s, 4) : null, n.Weight,
                    session.Results.TryGetValue(n.NodeId, out var r) ? r.Summary : outcomes.GetValueOrDefault(n.NodeId)?.Error?.Message))),
            Nodes = nodes,
            Run = new RunInfo(
                session.StopCode?.ToString(),
                session.History.Select(h => new IterationQuality(h.Iteration, Math.Round(h.Quality, 4), h.QualityDelta)).ToArray(),
                session.Suggestions.Select(x => $"{x.NodeId}: {x.Text}").ToArray(),
                session.Escalations.Select(x => $"{x.NodeId}: {x.Reason}").ToArray(),
                Revision(session)),
            Timings = new TimingInfo(session.StartedAt, Math.Round(session.Duration.TotalMilliseconds, 3),
                // The session's own runs over every process that drove it (not the network's, which batch sessions share).
                session.NodeStatistics.Select(s => new NodeTiming(s.NodeId, s.Runs, s.Successes, s.Failures, s.Timeouts, s.Retries,
                    Ms(s.MinDuration), Ms(s.MeanDuration), Ms(s.MaxDuration))).ToArray())
            {
                Iterations = session.History.Select(h => new IterationTiming(h.Iteration, Ms(h.Duration), h.ActionsRun, h.Failures, h.Retries, h.Skipped)).ToArray(),
                Decisions = session.Decisions.Select(d => new DecisionSummary(d.Iteration,
                    d.Chosen.Select(c => $"{c.Node}: {c.Why}").ToArray(),
                    d.Filtered.Select(f => $"{f.Node}: {f.Reason}").ToArray(),
                    d.SelectionApplied)).ToArray(),
            },
        };
    }

    private static RevisionInfo? Revision(SessionResult session)
    {
        var state = session.State;
        if (state.SubjectHash is null) return null;
        var byRule = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var revision in session.Revisions)
            foreach (var node in revision.Edits)
                foreach (var edit in node.Edits)
                    byRule[edit.Rule] = byRule.GetValueOrDefault(edit.Rule) + 1;
        return new RevisionInfo(state.InputHash, state.SubjectHash, byRule);
    }

    private static double Ms(TimeSpan t) => Math.Round(t.TotalMilliseconds, 3);
}
