using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Llm.Models;
using Orchestrator.Llm.Prompts;

namespace Orchestrator.Llm.Node;

/// <summary>
/// Checks a pipeline's <c>llm</c> nodes before anything runs (hosts call it in <c>validate</c>, <c>run</c>,
/// <c>batch</c> and <c>resume</c>): options, prompt templates, and each model file (exists, is GGUF, is whole, its
/// context fits in memory). Nothing is loaded and no session is created, so a bad model leaves nothing half-written.
/// </summary>
public static class LlmPipelineCheck
{
    /// <exception cref="LlmSetupException">Some llm node cannot run; the message has one line per problem, each naming the node.</exception>
    public static void Check(PipelineDefinition pipeline, LlmServices services)
    {
        var problems = new List<string>();
        foreach (var node in pipeline.Nodes.Where(n => n.Type == LlmNode.TypeName))
        {
            try
            {
                var options = LlmOptions.From(node.Options);
                var template = PromptTemplate.Load(options.Prompt, services.PromptFolder);
                if (template.UsesChapter && options.Scope == LlmScope.Book)
                    problems.Add($"node '{node.Id}': prompt {template.Origin} reads {{{{chapter.*}}}} placeholders, which need \"scope\": \"chapter\"");
                var model = services.Models.Describe(options.Model);
                if (options.MaxTokens >= model.ContextSize)
                    problems.Add($"node '{node.Id}': maxTokens {options.MaxTokens} leaves no room for a prompt in model '{model.Name}' (context {model.ContextSize} tokens)");
            }
            catch (Exception e) when (e is InvalidNodeInputException or PromptTemplateException or ModelFileException)
            {
                problems.Add($"node '{node.Id}': {e.Message}");
            }
        }
        if (problems.Count > 0) throw new LlmSetupException(problems);
    }
}
