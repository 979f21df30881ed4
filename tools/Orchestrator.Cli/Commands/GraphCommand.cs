using System.CommandLine;
using Orchestrator.Cli.Hosting;
using Orchestrator.Engine.Graph;
using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Cli.Commands;

/// <summary><c>orchestrator graph &lt;pipeline&gt;</c>: the graph facts of a pipeline, as text or Mermaid.</summary>
public static class GraphCommand
{
    public static Command Create(GlobalOptions global)
    {
        var pipeline = new Argument<string>("pipeline") { Description = "Pipeline name (from pipelines/) or path to a pipeline file" };
        var format = new Option<string>("--format", "-f")
        {
            Description = "text: order, parallel groups and critical path; mermaid: a flowchart",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "mermaid");

        var command = new Command("graph", "Print a pipeline's topological order, parallel groups and critical path") { pipeline, format };
        command.SetAction((parse, _) => CliRunner.GuardAsync(async () =>
        {
            var settings = CliSettings.Load(parse.GetValue(global.Data));
            var path = PipelineLocator.Resolve(parse.GetValue(pipeline)!, settings);
            await using var llm = LlmHosting.Create(settings, null, Serilog.Core.Logger.None);
            var definition = PipelineLoader.Load(path, llm.CreateRegistry(path));
            var graph = WorkflowGraph.FromPipeline(definition);
            var durations = NodeDurations.ForPipeline(graph, definition);
            Console.Out.Write(parse.GetValue(format) == "mermaid"
                ? MermaidRenderer.Render(graph, graph.FindCriticalPath(durations))
                : GraphTextRenderer.Render(graph, durations, $"pipeline '{definition.Name}' v{definition.Version}"));
            return ExitCodes.Success;
        }));
        return command;
    }
}
