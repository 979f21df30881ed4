using System.CommandLine;
using Orchestrator.Cli.Hosting;
using Orchestrator.Manuscripts.Loading;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Engine.State;
using Orchestrator.Manuscripts;
using Orchestrator.Manuscripts.Coordination;

namespace Orchestrator.Cli.Commands;

/// <summary><c>orchestrator resume &lt;session-id&gt;</c>: finish an interrupted session from its saved state.</summary>
public static class ResumeCommand
{
    public static Command Create(GlobalOptions global)
    {
        var id = new Argument<string>("session-id") { Description = "The session to resume (see: orchestrator sessions list)" };
        var output = new Option<string?>("--out", "-o") { Description = "Folder for the reports (default: where the session's first run put them)" };
        var force = new Option<bool>("--force") { Description = "Resume even though the input or the pipeline changed since the session began (what changed runs again)" };
        var pipeline = new Option<string?>("--pipeline", "-p") { Description = "Pipeline file to use when the session's own has moved" };
        var model = LlmHosting.CreateModelOption();
        var command = new Command("resume", "Finish an interrupted session: re-run only what had not finished, then write the reports")
        {
            id, output, force, pipeline, model,
        };
        command.SetAction((parse, ct) => CliRunner.GuardAsync(async () =>
        {
            var settings = CliSettings.LoadForWriting(parse.GetValue(global.Data));
            await using var log = Logging.Create(settings);
            var sessionId = parse.GetValue(id)!;
            var store = settings.OpenStore();
            if (!SessionStore.IsValidSessionId(sessionId) || !store.Exists(sessionId))
                throw new SessionNotFoundException(sessionId, store.Root);
            // A live run may hold a session whose first state is not on disk yet: that is "in use" (7), not "corrupt" (6).
            if (store.InspectLease(sessionId) is { Status: LeaseStatus.Held } held)
                throw new SessionLockedException(store.SessionFolder(sessionId), held);
            var saved = store.LoadState(sessionId).State;

            var pipelinePath = parse.GetValue(pipeline) is { } given
                ? PipelineLocator.Resolve(given, settings)
                : saved.PipelinePath ?? PipelineLocator.Resolve(saved.PipelineName, settings);
            await using var llm = LlmHosting.Create(settings, parse.GetValue(model), log);
            var registry = llm.CreateRegistry(pipelinePath);
            var definition = PipelineLoader.Load(pipelinePath, registry);
            llm.Check(definition);
            var rules = SessionOutput.CompileRules(definition, settings);

            var progress = new ConsoleProgress(Console.Error);
            progress.Note($"resume {sessionId} ({Path.GetFileName(saved.InputPath)}, iteration {saved.Iteration}, pipeline {definition.Name})");
            await using var coordinator = new NovelCoordinator(new CoordinatorOptions
            {
                Pipeline = definition, Registry = registry, Rules = rules, Logger = log,
                Store = store,
                Loading = new ManuscriptLoadOptions { MaxBytes = settings.MaxManuscriptBytes },
            });
            // Progress lines are an ordinary subscriber of the coordinator's events.
            var subscription = coordinator.Events.Subscribe(null);
            var printing = progress.PrintAsync(subscription);
            ManuscriptAnalysis analysis;
            try
            {
                analysis = await coordinator.ResumeProcessingAsync(sessionId,
                    new ResumeOptions { Force = parse.GetValue(force), ReportFolder = parse.GetValue(output) }, ct);
            }
            finally
            {
                subscription.Dispose();
                await printing;
            }
            var folder = parse.GetValue(output) ?? analysis.ReportFolder ?? store.SessionFolder(sessionId);
            return await SessionOutput.FinishAsync(analysis, folder);
        }));
        return command;
    }
}
