using System.CommandLine;
using Orchestrator.Cli.Hosting;
using Orchestrator.Cli.Hosting.Native;
using Orchestrator.Cli.Hosting.Timings;
using Orchestrator.Manuscripts.Loading;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Engine.Scripting;
using Orchestrator.Engine.Sessions;
using Orchestrator.Manuscripts;
using Orchestrator.Manuscripts.Coordination;
using Orchestrator.Manuscripts.Genres;
using Orchestrator.Manuscripts.Reports;
using Orchestrator.Manuscripts.Requirements;

namespace Orchestrator.Cli.Commands;

/// <summary><c>orchestrator run &lt;manuscript&gt;</c>: analyse one manuscript and write its reports.</summary>
public static class RunCommand
{
    public static Command Create(GlobalOptions global)
    {
        var manuscript = new Argument<string>("manuscript") { Description = "The manuscript to analyse: a .txt, .md or .docx file, or a folder of chapter files" };
        var pipeline = new Option<string?>("--pipeline", "-p") { Description = "Pipeline name (from pipelines/) or path to a pipeline file; default: novel" };
        var genre = new Option<string?>("--genre") { Description = $"Genre, for length norms: {string.Join(", ", GenreNorms.Known)}" };
        var target = new Option<int?>("--target-length") { Description = "Target length in words" };
        var themes = new Option<string?>("--themes") { Description = "Themes the book should carry, comma-separated (e.g. heroism,friendship)" };
        var output = new Option<string?>("--out", "-o") { Description = "Folder for the reports (default: <data>/sessions/<session-id>)" };
        var model = LlmHosting.CreateModelOption();
        var fresh = new Option<bool>("--fresh") { Description = "Start a new session even when an interrupted one of the same manuscript and pipeline could be resumed" };
        var library = LibraryHosting.CreateOption();
        var timingsOption = PhaseTimings.CreateOption();

        var command = new Command("run", "Analyse a manuscript through a pipeline and write report.json, report.md and report.html")
        {
            manuscript, pipeline, genre, target, themes, output, fresh, model, library, timingsOption,
        };
        command.SetAction((parse, ct) => CliRunner.GuardAsync(async () =>
        {
            var timings = PhaseTimings.Process;
            timings.Enable(parse.GetValue(timingsOption));
            timings.Lap("command line");
            if (!NativeBuild.JitAvailable) NativeScope.Manuscript(parse.GetValue(manuscript)!);
            var settings = CliSettings.LoadForWriting(parse.GetValue(global.Data));
            timings.Lap("configuration");
            var loading = new ManuscriptLoadOptions { MaxBytes = settings.MaxManuscriptBytes };
            // Reading and indexing the manuscript needs nothing of the pipeline, so it runs beside the logging set-up and
            // the pipeline's load and validation (a cold run's longest set-up steps); its errors still come after theirs.
            var loadingDocument = timings.Beside("manuscript load and index (beside the pipeline)",
                () => ManuscriptLoader.LoadAsync(parse.GetValue(manuscript)!, loading, ct), ct);
            await using var log = Logging.Create(settings);
            timings.Lap("logging");
            var pipelinePath = PipelineLocator.Resolve(parse.GetValue(pipeline) ?? settings.DefaultPipeline, settings);
            // The llm node, the reference library and rules are the JIT build's (NativeBuild); the native build hands
            // a pipeline that needs one of them on before anything runs.
            await using var llm = NativeBuild.JitAvailable ? LlmHosting.Create(settings, parse.GetValue(model), log) : null;
            var definition = NativeBuild.JitAvailable
                ? PipelineLoader.Load(pipelinePath, llm!.CreateRegistry(pipelinePath))
                : NativeScope.LoadPipeline(pipelinePath, parse.GetValue(model), parse.GetValue(library));
            timings.Lap("pipeline load and validation");
            if (NativeBuild.JitAvailable) llm!.Check(definition);
            await using var reference = NativeBuild.JitAvailable
                ? await LibraryHosting.OpenForRunAsync(settings, parse.GetValue(library), definition, llm!.EmbedderFor(definition), ct)
                : null;
            var registry = NativeBuild.JitAvailable ? llm!.CreateRegistry(pipelinePath, reference) : NativeScope.Registry();
            var requirements = Requirements(parse.GetValue(genre), parse.GetValue(target), parse.GetValue(themes));
            var rules = NativeBuild.JitAvailable ? SessionOutput.CompileRules(definition, settings) : PipelineRules.None;
            timings.Lap("llm, library and rules set-up");
            SessionRetention.Apply(settings, log);
            timings.Lap("session retention cleanup");

            var progress = new ConsoleProgress(Console.Error);
            progress.Note($"run {Path.GetFileName(parse.GetValue(manuscript))} with pipeline {definition.Name} ({definition.Nodes.Count} nodes)");
            var store = timings.Enabled ? new TimedSessionStore(settings.OpenStore()) : null;
            await using var coordinator = new NovelCoordinator(new CoordinatorOptions
            {
                Pipeline = definition, Registry = registry, Rules = rules, Logger = log,
                Store = store ?? (Engine.State.ISessionStore)settings.OpenStore(),
                Loading = loading,
                Observer = timings.Enabled ? new NodeTimingObserver(timings) : null,
            });
            timings.Lap("dataflow network compile");
            var document = await loadingDocument;
            timings.Lap("manuscript wait");
            // Progress lines are an ordinary subscriber of the coordinator's events.
            var subscription = coordinator.Events.Subscribe(null);
            var printing = progress.PrintAsync(subscription);
            ManuscriptAnalysis analysis;
            try
            {
                analysis = await coordinator.ProcessManuscriptAsync(document, requirements,
                    new ProcessOptions { ReportFolder = parse.GetValue(output), ResumeUnfinished = !parse.GetValue(fresh) }, ct);
            }
            finally
            {
                subscription.Dispose();
                await printing;
                timings.Lap("analysis (session loop, nodes, journal, report build)");
                store?.Report(timings);
            }

            var folder = parse.GetValue(output) ?? analysis.ReportFolder ?? Path.Combine(settings.DataDirectory, "sessions", analysis.SessionId);
            var code = await SessionOutput.FinishAsync(analysis, folder, timings.Add);
            timings.Lap("report files and summary");
            return code;
        }));
        return command;
    }

    private static ManuscriptRequirements Requirements(string? genre, int? target, string? themes)
    {
        if (genre is not null && !GenreNorms.TryGet(genre, out _))
            throw new CliUsageException($"unknown genre '{genre}' (known: {string.Join(", ", GenreNorms.Known)})");
        if (target is <= 0)
            throw new CliUsageException($"--target-length must be a positive number of words (got {target})");
        return new ManuscriptRequirements
        {
            Genre = genre,
            TargetLength = target,
            Themes = themes?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [],
        };
    }
}
