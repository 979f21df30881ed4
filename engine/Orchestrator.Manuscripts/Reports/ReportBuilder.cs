using Orchestrator.Engine.Dataflow;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Engine.Sessions;
using Orchestrator.Manuscripts.Requirements;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Reports;

/// <summary>Turns a finished session into the report model.</summary>
public static class ReportBuilder
{
    public static AnalysisReport Build(SessionResult session, PipelineDefinition pipeline, ManuscriptDocument document,
        ManuscriptRequirements requirements, IReadOnlyList<NodeStatistics> statistics)
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
                document.Paragraphs.Length, document.Sentences.Length),
            Requirements = new RequirementsInfo(requirements.Genre, requirements.TargetLength, requirements.Themes),
            Quality = new QualityInfo(session.Quality.Overall, session.Quality.Coverage, session.Quality.Confidence,
                session.Quality.Nodes.ToDictionary(n => n.NodeId, n => new NodeQualityInfo(
                    n.Score is { } s ? Math.Round(s, 4) : null, n.Weight,
                    session.Results.TryGetValue(n.NodeId, out var r) ? r.Summary : outcomes.GetValueOrDefault(n.NodeId)?.Error?.Message))),
            Nodes = nodes,
            Timings = new TimingInfo(session.StartedAt, Math.Round(session.Duration.TotalMilliseconds, 3),
                statistics.Select(s => new NodeTiming(s.NodeId, s.Runs, s.Successes, s.Failures, s.Timeouts, s.Retries,
                    Ms(s.MinDuration), Ms(s.MeanDuration), Ms(s.MaxDuration))).ToArray()),
        };
    }

    private static double Ms(TimeSpan t) => Math.Round(t.TotalMilliseconds, 3);
}
