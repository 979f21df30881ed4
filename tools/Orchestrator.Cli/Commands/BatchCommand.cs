using System.CommandLine;
using Orchestrator.Cli.Commands.Batch;
using Orchestrator.Cli.Hosting;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Manuscripts;
using Orchestrator.Manuscripts.Batch;
using Orchestrator.Manuscripts.Coordination;
using Orchestrator.Manuscripts.Loading;

namespace Orchestrator.Cli.Commands;

/// <summary><c>orchestrator batch &lt;folder&gt;</c>: analyse every manuscript of a folder through one coordinator, with a summary.</summary>
public static class BatchCommand
{
    public static Command Create(GlobalOptions global)
    {
        var folder = new Argument<string>("folder") { Description = "The folder of manuscripts: files, and sub-folders of chapter files" };
        var pipeline = new Option<string?>("--pipeline", "-p") { Description = "Pipeline name (from pipelines/) or path to a pipeline file; default: novel" };
        var pattern = new Option<string>("--pattern")
        {
            Description = "File name patterns of manuscripts, ';'-separated",
            DefaultValueFactory = _ => BatchDiscoveryOptions.DefaultPattern,
        };
        var recursive = new Option<bool>("--recursive", "-r") { Description = "Also take the files of sub-folders that are not chapter folders, at any depth" };
        var parallel = new Option<int>("--parallel", "-j") { Description = "Manuscripts analysed at once", DefaultValueFactory = _ => 1 };
        var output = new Option<string?>("--out", "-o") { Description = "Folder for summary.json, summary.csv and one report folder per manuscript (default: <data>/batches/<folder name>)" };
        var encoding = new Option<string>("--encoding")
        {
            Description = "auto: a file that is not valid UTF-8 is read as Windows-1252 (and the summary says so); utf-8: such a file fails",
            DefaultValueFactory = _ => "auto",
        };
        encoding.AcceptOnlyFromAmong("auto", "utf-8");
        var model = LlmHosting.CreateModelOption();
        var library = LibraryHosting.CreateOption();

        var command = new Command("batch", "Analyse every manuscript in a folder; re-running the same command skips what is done and resumes what was interrupted")
        {
            folder, pipeline, pattern, recursive, parallel, output, encoding, model, library,
        };
        command.SetAction((parse, ct) => CliRunner.GuardAsync(async () =>
        {
            var settings = CliSettings.LoadForWriting(parse.GetValue(global.Data));
            var root = parse.GetValue(folder)!;
            var jobs = parse.GetValue(parallel);
            if (jobs is < 1 or > 64) throw new CliUsageException($"--parallel must be between 1 and 64 (got {jobs})");
            var patterns = BatchDiscoveryOptions.ParsePatterns(parse.GetValue(pattern) ?? BatchDiscoveryOptions.DefaultPattern);
            if (patterns.Count == 0) throw new CliUsageException("--pattern names no pattern");
            if (!Directory.Exists(root)) throw new ManuscriptLoadException(root, LoadFailureReason.NotFound, "folder not found");
            var outFolder = Path.GetFullPath(parse.GetValue(output)
                ?? Path.Combine(settings.DataDirectory, "batches", Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)))));
            var loading = new ManuscriptLoadOptions
            {
                Encoding = parse.GetValue(encoding) == "utf-8" ? EncodingPolicy.StrictUtf8 : EncodingPolicy.Utf8OrWindows1252,
                MaxBytes = settings.MaxManuscriptBytes,
            };

            await using var log = Logging.Create(settings);
            var pipelinePath = PipelineLocator.Resolve(parse.GetValue(pipeline) ?? settings.DefaultPipeline, settings);
            await using var llm = LlmHosting.Create(settings, parse.GetValue(model), log);
            var definition = PipelineLoader.Load(pipelinePath, llm.CreateRegistry(pipelinePath));
            llm.Check(definition);
            await using var reference = await LibraryHosting.OpenForRunAsync(settings, parse.GetValue(library), definition, llm.EmbedderFor(definition), ct);
            var registry = llm.CreateRegistry(pipelinePath, reference);
            var rules = SessionOutput.CompileRules(definition, settings);
            SessionRetention.Apply(settings, log);

            var plan = BatchDiscovery.Discover(root, new BatchDiscoveryOptions
            {
                Patterns = patterns,
                Recursive = parse.GetValue(recursive),
                Exclude = [outFolder, Path.GetFullPath(settings.DataDirectory)],
            });
            foreach (var note in plan.Notes) Console.Error.WriteLine($"note: {note}");
            if (plan.Items.Count == 0)
                throw new ManuscriptLoadException(root, LoadFailureReason.NotFound, $"no manuscripts matching {string.Join(";", patterns)} (nor chapter folders)");

            await using var coordinator = new NovelCoordinator(new CoordinatorOptions
            {
                Pipeline = definition, Registry = registry, Rules = rules, Logger = log,
                Store = settings.OpenStore(), Loading = loading,
            });
            var runner = new BatchRunner(coordinator, new BatchRunOptions
            {
                OutputFolder = outFolder, PipelineName = definition.Name, Parallel = jobs, Loading = loading, Logger = log,
            });
            Console.Error.WriteLine($"batch {plan.Root}: {plan.Items.Count} manuscript(s), pipeline {definition.Name}, {jobs} at once");
            var display = BatchDisplay.For(plan.Items.Count);
            var summary = await display.RunAsync(progress => runner.RunAsync(plan.Root, plan.Items, progress, ct));

            var files = await BatchSummaryFiles.WriteAsync(summary, outFolder, CancellationToken.None);
            BatchSummaryTable.Write(summary, Console.Out);
            foreach (var file in files) Console.Out.WriteLine($"wrote {file}");
            if (summary.Interrupted)
            {
                Console.Error.WriteLine("interrupted; everything finished is saved. Run the same command again to finish the rest.");
                return ExitCodes.Interrupted;
            }
            return summary.Count(BatchStatus.Failed) > 0 ? ExitCodes.BatchPartialFailure : ExitCodes.Success;
        }));
        return command;
    }
}
