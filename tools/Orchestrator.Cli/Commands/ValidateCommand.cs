using System.CommandLine;
using Orchestrator.Cli.Hosting;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Manuscripts;

namespace Orchestrator.Cli.Commands;

/// <summary><c>orchestrator validate &lt;pipeline&gt;</c>: check a pipeline file and report every problem at once.</summary>
public static class ValidateCommand
{
    public static Command Create(GlobalOptions global)
    {
        var pipeline = new Argument<string>("pipeline") { Description = "Pipeline name (from pipelines/) or path to a pipeline file" };
        var command = new Command("validate", "Check a pipeline file against the schema and the engine's rules") { pipeline };
        command.SetAction((parse, _) => CliRunner.GuardAsync(() =>
        {
            var settings = CliSettings.Load(parse.GetValue(global.Data));
            var path = PipelineLocator.Resolve(parse.GetValue(pipeline)!, settings);
            var definition = PipelineLoader.Load(path, NovelNodeTypes.CreateRegistry());
            Console.Out.WriteLine($"{path}: valid pipeline '{definition.Name}' v{definition.Version}, {definition.Nodes.Count} nodes");
            return Task.FromResult(ExitCodes.Success);
        }));
        return command;
    }
}
