using System.CommandLine;
using Orchestrator.Cli.Hosting;
using Orchestrator.Cli.Hosting.Native;
using Orchestrator.Cli.Hosting.Timings;
using Orchestrator.Engine.Dataflow;
using Orchestrator.Engine.Findings;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Llm.Node;
using Orchestrator.Manuscripts;
using Orchestrator.Manuscripts.Coordination;
using Orchestrator.Manuscripts.Loading;
using Orchestrator.Manuscripts.Reports;
using Orchestrator.Manuscripts.Requirements;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Cli.Commands;

/// <summary>
/// <c>orchestrator check &lt;file|-&gt;</c>: the linter view. Runs the chosen nodes on one text (a whole
/// book, or a paragraph piped on stdin) and prints one finding per line, or JSON with every metric.
/// Exit 0 whether or not there are findings.
/// </summary>
public static class CheckCommand
{
    public const string DefaultNodes = "style,consistency";
    private const string StdinName = "stdin.txt";

    public static Command Create(GlobalOptions global)
    {
        var input = new Argument<string>("file") { Description = "The text to check (.txt or .md), or - to read stdin" };
        var nodes = new Option<string>("--nodes", "-n")
        {
            Description = "Node types to run, comma-separated (structure, style, characters, pacing, themes, consistency)",
            DefaultValueFactory = _ => DefaultNodes,
        };
        var format = new Option<string>("--format", "-f") { Description = "text: one finding per line; json: findings and metrics", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var library = LibraryHosting.CreateOption();
        var model = LlmHosting.CreateModelOption();
        var timingsOption = PhaseTimings.CreateOption();

        var set = new Option<string[]>("--set", "-s")
        {
            Description = "Change a node option for this check: node.option=value (repeatable), e.g. --set style.longSentenceWords=25",
            Arity = ArgumentArity.ZeroOrMore,
        };

        var command = new Command("check", "Lint a text with chosen nodes: findings one per line (rule, message, offset/length, line:column) or JSON")
        {
            input, nodes, format, set, library, model, timingsOption,
        };
        command.SetAction((parse, ct) => CliRunner.GuardAsync(async () =>
        {
            var timings = PhaseTimings.Process;
            timings.Enable(parse.GetValue(timingsOption));
            timings.Lap("command line");
            var path = parse.GetValue(input)!;
            var types = parse.GetValue(nodes)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToArray();
            // Before stdin is read: the JIT build reads it after a handoff (NativeScope).
            if (!NativeBuild.JitAvailable)
            {
                NativeScope.Check(types, parse.GetValue(model), parse.GetValue(library));
                if (path != "-") NativeScope.Manuscript(path);
            }
            // Reading and indexing the text needs nothing else, so it runs beside the set-up; its errors still come after the set-up's.
            var loadingDocument = timings.Beside("manuscript load and index (beside the set-up)",
                () => path == "-" ? ReadStdinAsync(ct) : ManuscriptLoader.LoadAsync(path, ct), ct);
            var settings = CliSettings.Load(parse.GetValue(global.Data));
            timings.Lap("configuration");
            await using var log = Logging.Create(settings);
            timings.Lap("logging");
            await using var llm = NativeBuild.JitAvailable ? LlmHosting.Create(settings, parse.GetValue(model), log) : null;
            // Only an llm node searches the library (the consistency checks read its names and traits).
            await using var reference = NativeBuild.JitAvailable && parse.GetValue(library) is { } libraryName
                ? await LibraryHosting.OpenAsync(settings, libraryName, create: false, ct, types.Contains(LlmNode.TypeName) ? llm!.Embedder() : null)
                : null;
            // An llm node's prompt file (--set llm.prompt=summary.txt) is read from the current folder.
            var registry = NativeBuild.JitAvailable
                ? llm!.CreateRegistry(Path.Combine(Directory.GetCurrentDirectory(), "check.json"), reference)
                : NativeScope.Registry();
            var unknown = types.Where(t => !registry.Contains(t) || t == "recommendations").ToArray();
            if (types.Length == 0 || unknown.Length > 0)
                throw new CliUsageException($"unknown node type(s) for --nodes: {string.Join(", ", unknown)} " +
                    $"(known: {string.Join(", ", registry.KnownTypes.Where(t => t != "recommendations"))})");

            var options = CheckOptionSettings.Parse(parse.GetValue(set) ?? [], types);
            timings.Lap("pipeline load and validation (nodes, --set, library)");

            var document = await loadingDocument;
            var display = path == "-" ? "<stdin>" : path;
            timings.Lap("manuscript wait");

            var pipeline = new PipelineDefinition
            {
                Name = "check",
                Nodes = types.Select(t => new NodeDefinition { Id = t, Type = t, Options = options.For(t) }).ToArray(),
                Settings = new PipelineSettings { EnableRetries = false, MaxConcurrentActions = Environment.ProcessorCount },
            };
            if (NativeBuild.JitAvailable) llm!.Check(pipeline);
            await using var coordinator = new NovelCoordinator(new CoordinatorOptions
            {
                Pipeline = pipeline, Registry = registry, Logger = log,
                Observer = timings.Enabled ? new NodeTimingObserver(timings) : null,
            });
            timings.Lap("dataflow network compile");
            var analysis = await coordinator.ProcessManuscriptAsync(document, ManuscriptRequirements.None, ct);
            timings.Lap("analysis (session loop, nodes, report build)");

            // A value --set gave that a node refuses is the command line's fault: say so, and print nothing half-done.
            var refused = analysis.Session.Outcomes.FirstOrDefault(o => o.Status != ActionStatus.Succeeded && options.Names(o.NodeId).Count > 0
                && o.Error?.Message is { } m && m.Contains("option '", StringComparison.Ordinal));
            if (refused is not null)
                throw new CliUsageException($"--set {refused.NodeId}: {refused.Error!.Message}");

            if (parse.GetValue(format) == "json") WriteJson(display, document, analysis.Report);
            else WriteText(display, document, analysis.Report);
            foreach (var failed in analysis.Session.Outcomes.Where(o => o.Status != ActionStatus.Succeeded))
                Console.Error.WriteLine($"warning: {failed.NodeId} {failed.Status}: {failed.Error?.Message}");
            timings.Lap($"findings output ({parse.GetValue(format)})");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static async Task<ManuscriptDocument> ReadStdinAsync(CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await Console.OpenStandardInput().CopyToAsync(buffer, ct);
        return ManuscriptLoader.Load(StdinName, buffer.ToArray());
    }

    private static IEnumerable<(string Node, Finding Finding)> Findings(AnalysisReport report) =>
        report.Nodes.SelectMany(n => n.Findings.Where(f => !f.IsStrength).Select(f => (n.Id, f)))
            .OrderBy(x => x.f.Location is { Chapter: not null } ? x.f.Location.Offset : -1)
            .ThenBy(x => x.f.Rule, StringComparer.Ordinal);

    private static void WriteText(string display, ManuscriptDocument document, AnalysisReport report)
    {
        var lines = new LineMap(document.Text);
        var output = Console.Out;
        foreach (var (_, f) in Findings(report))
        {
            var severity = f.Severity.ToString().ToLowerInvariant();
            if (f.Location is { Chapter: not null } loc)
            {
                var (line, column) = lines.At(loc.Offset);
                output.WriteLine($"{display}:{line}:{column}: {severity} {f.Rule}: {f.Message} [offset {loc.Offset}, length {loc.Length}]");
            }
            else
            {
                output.WriteLine($"{display}: {severity} {f.Rule}: {f.Message}");
            }
        }
    }

    private static void WriteJson(string display, ManuscriptDocument document, AnalysisReport report)
    {
        var lines = new LineMap(document.Text);
        var json = new CheckJson(display, document.WordCount, document.Chapters.Count, report.Nodes.Select(n => new CheckNodeJson(
            n.Id, n.Status, n.Score, n.Summary, n.Error, n.Metrics,
            n.Findings.Select(f =>
            {
                var located = f.Location is { Chapter: not null };
                var at = located ? lines.At(f.Location!.Offset) : default;
                return new CheckFindingJson(f.Rule, f.Severity, f.Message, f.Suggestion, f.Evidence, f.IsStrength, f.Confidence,
                    f.Location?.Offset, f.Location?.Length, located ? at.Line : null, located ? at.Column : null,
                    f.Location?.Chapter, f.Location?.Paragraph);
            }).ToArray())).ToArray());
        Console.Out.WriteLine(json.ToJson());
    }
}
