using System.CommandLine;
using Orchestrator.Cli.Hosting;
using Orchestrator.Cli.Hosting.Native;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Engine.Scripting;
using Orchestrator.Manuscripts;
using Orchestrator.Manuscripts.Rules;

namespace Orchestrator.Cli.Commands;

/// <summary>
/// <c>orchestrator validate &lt;pipeline&gt;</c>: check a pipeline file and report every problem at
/// once, then compile its rules (into <c>&lt;data&gt;/rules-cache</c>, so the run that follows starts
/// without the compiler) and report every compile error as <c>file:line:column: message</c>.
/// </summary>
public static class ValidateCommand
{
    public static Command Create(GlobalOptions global)
    {
        var pipeline = new Argument<string>("pipeline") { Description = "Pipeline name (from pipelines/) or path to a pipeline file" };
        var model = LlmHosting.CreateModelOption();
        var command = new Command("validate", "Check a pipeline file against the schema and the engine's rules, compile its decision rules and check its models") { pipeline, model };
        command.SetAction((parse, _) => CliRunner.GuardAsync(async () =>
        {
            var settings = CliSettings.Load(parse.GetValue(global.Data));
            var path = PipelineLocator.Resolve(parse.GetValue(pipeline)!, settings);
            // Rules and llm nodes are the JIT build's to check (NativeBuild): the native build hands such a pipeline on.
            await using var llm = NativeBuild.JitAvailable ? LlmHosting.Create(settings, parse.GetValue(model), Serilog.Core.Logger.None) : null;
            var definition = NativeBuild.JitAvailable
                ? PipelineLoader.Load(path, llm!.CreateRegistry(path))
                : NativeScope.LoadPipeline(path, parse.GetValue(model), library: null);
            if (NativeBuild.JitAvailable) llm!.Check(definition);
            var rules = NativeBuild.JitAvailable
                ? NovelRules.Compile(definition, Path.Combine(settings.DataDirectory, "rules-cache"))
                : PipelineRules.None;
            Console.Out.WriteLine($"{path}: valid pipeline '{definition.Name}' v{definition.Version}, {definition.Nodes.Count} nodes{Describe(rules)}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string Describe(PipelineRules rules)
    {
        var hooks = new List<string>(2);
        if (rules.Select is { } select) hooks.Add("select " + Origin(select));
        if (rules.Stop is { } stop) hooks.Add("stop " + Origin(stop));
        return hooks.Count == 0 ? "" : $"; rules compiled: {string.Join(", ", hooks)}";
    }

    private static string Origin(CompiledRule rule) =>
        rule.Name is RuleSource.InlineSelectName or RuleSource.InlineStopName ? "(inline)" : rule.Name;
}
