using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Manuscripts;
using Orchestrator.Manuscripts.Loading;

namespace Orchestrator.Cli.Hosting.Native;

/// <summary>
/// What the native build runs itself: the novel nodes, without rules, llm nodes, a reference library or a model.
/// Everything else is handed to the JIT build (<see cref="JitHandoff"/>) before the verb has done anything a user sees.
/// </summary>
public static class NativeScope
{
    /// <summary>The node types the native build knows (the llm node is the JIT build's).</summary>
    public static NodeRegistry Registry() => NovelNodeTypes.CreateRegistry(null);

    /// <summary>
    /// Loads and validates a pipeline for a native verb, handing the command line to the JIT build when the pipeline
    /// needs it, or is invalid (the message about it is then the JIT build's, which knows every node type).
    /// </summary>
    public static PipelineDefinition LoadPipeline(string path, string? model, string? library)
    {
        PipelineDefinition definition;
        try
        {
            definition = PipelineLoader.Load(path, Registry());
        }
        catch (PipelineValidationException)
        {
            JitHandoff.Exec("a pipeline the native build does not accept");
            throw;
        }
        if (Needs(definition, model, library) is { } reason) JitHandoff.Exec(reason);
        return definition;
    }

    /// <summary>Hands a .docx manuscript, or a folder with a .docx chapter, to the JIT build (<see cref="DocxSupport"/>).</summary>
    public static void Manuscript(string path)
    {
        if (ManuscriptLoader.ReadsDocx(path)) JitHandoff.Exec("a .docx manuscript");
    }

    /// <summary>
    /// Hands a check to the JIT build when it names a library or a model, or a node type the native build does not know
    /// (the llm node, or a mistake, which the JIT build then explains with every type it knows).
    /// </summary>
    public static void Check(IReadOnlyCollection<string> types, string? model, string? library)
    {
        if (library is not null) JitHandoff.Exec("--library");
        if (model is not null) JitHandoff.Exec("--model");
        var registry = Registry();
        if (types.Count == 0 || types.Any(t => !registry.Contains(t))) JitHandoff.Exec("a node type of the full build, or none known");
    }

    private static string? Needs(PipelineDefinition definition, string? model, string? library) =>
        definition.Rules is not null ? "the pipeline's rules"
        : definition.Nodes.Any(n => n.Type == LlmTypeName) ? "the llm node"
        : library is not null ? "--library"
        : definition.Settings.Library is not null ? "the pipeline's library"
        : model is not null ? "--model"
        : null;

    private const string LlmTypeName = Llm.Node.LlmNode.TypeName;
}
