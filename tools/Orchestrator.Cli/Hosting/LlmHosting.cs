using System.CommandLine;
using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Llm.Generation;
using Orchestrator.Llm.Llama;
using Orchestrator.Llm.Models;
using Orchestrator.Llm.Node;
using Orchestrator.Manuscripts;
using Orchestrator.Manuscripts.Reference;
using Serilog;

namespace Orchestrator.Cli.Hosting;

/// <summary>
/// Wires the local model into a verb: the models of <c>orchestrator.json</c> (<c>llm:models</c>) with the
/// <c>--model</c> override, one <see cref="LlamaModels"/> for the process (a model loads once, on first use), the
/// generation cache under <c>&lt;data&gt;/llm-cache</c>, and the node registry with the <c>llm</c> type.
/// </summary>
public sealed class LlmHosting : IAsyncDisposable
{
    private readonly LlamaModels _models;
    private readonly IGenerationCache _cache;

    private LlmHosting(LlamaModels models, IGenerationCache cache)
    {
        _models = models;
        _cache = cache;
    }

    /// <summary>The <c>--model PATH</c> option of run, batch, resume and validate.</summary>
    public static Option<string?> CreateModelOption() => new("--model")
    {
        Description = "GGUF model file for llm nodes; overrides the default model of orchestrator.json (llm:models)",
    };

    /// <exception cref="CliUsageException">A model setting is wrong.</exception>
    public static LlmHosting Create(CliSettings settings, string? modelOverride, ILogger log)
    {
        ModelCatalog catalog;
        try
        {
            catalog = ModelCatalog.From(settings.Configuration, Directory.GetCurrentDirectory(), modelOverride);
        }
        catch (ModelFileException e)
        {
            throw new CliUsageException(e.Message);
        }
        var idle = settings.Configuration["llm:idleUnload"] is { } text
            ? DurationText.TryParse(text, out var parsed) ? parsed : throw new CliUsageException($"setting 'llm:idleUnload': '{text}' is not a duration ({DurationText.Examples})")
            : (TimeSpan?)null;
        return new LlmHosting(new LlamaModels(catalog, log, idle), new FileGenerationCache(FileGenerationCache.FolderIn(settings.DataDirectory)));
    }

    /// <summary>The novel node types and <c>llm</c>, whose prompt files are read beside <paramref name="pipelinePath"/>.</summary>
    /// <param name="library">The reference library the consistency node reads and llm prompts quote (<c>{{passages}}</c>); null for none.</param>
    public NodeRegistry CreateRegistry(string pipelinePath, IReferenceLibrary? library = null) =>
        LlmNodeTypes.Register(NovelNodeTypes.CreateRegistry(library), Services(pipelinePath, library));

    /// <summary>Checks the pipeline's llm nodes (models, prompts, options) before a session exists.</summary>
    /// <exception cref="LlmSetupException">Some llm node cannot run.</exception>
    public void Check(PipelineDefinition pipeline) =>
        LlmPipelineCheck.Check(pipeline, Services(pipeline.SourcePath ?? Path.Combine(Directory.GetCurrentDirectory(), "pipeline.json")));

    private LlmServices Services(string pipelinePath, IReferenceLibrary? library = null) =>
        new(_models, _cache, Path.GetDirectoryName(Path.GetFullPath(pipelinePath)) ?? Directory.GetCurrentDirectory(), library);

    public ValueTask DisposeAsync() => _models.DisposeAsync();
}
