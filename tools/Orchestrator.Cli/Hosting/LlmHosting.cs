using System.CommandLine;
using Microsoft.Extensions.AI;
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
/// generation cache under <c>&lt;data&gt;/llm-cache</c>, the node registry with the <c>llm</c> type, and the reference
/// library's embedder.
/// </summary>
public sealed class LlmHosting : IAsyncDisposable
{
    private readonly LlamaModels _models;
    private readonly IGenerationCache _cache;

    private readonly string? _embeddingModel;

    private LlmHosting(LlamaModels models, IGenerationCache cache, string? embeddingModel)
    {
        _models = models;
        _cache = cache;
        _embeddingModel = embeddingModel;
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
        return new LlmHosting(new LlamaModels(catalog, log, idle), new FileGenerationCache(FileGenerationCache.FolderIn(settings.DataDirectory)),
            settings.Configuration[EmbeddingModelSetting]);
    }

    /// <summary>
    /// The model a cluster silo declares: the file of <c>--model</c>, else the name of the settings' default model; null
    /// when there is none (the silo then runs no session of a pipeline with llm nodes).
    /// </summary>
    public string? DeclaredModel(string? modelOverride) =>
        modelOverride is not null ? Path.GetFileName(modelOverride) : _models.Catalog.HasDefault ? ModelCatalog.DefaultName : null;

    /// <summary>The setting naming the model (under <c>llm:models</c>) a library's embeddings come from; default: the default model.</summary>
    public const string EmbeddingModelSetting = "library:embeddingModel";

    /// <summary>
    /// The library's embedder for a run of <paramref name="pipeline"/>: only an <c>llm</c> node searches the library
    /// (the consistency checks read its names and traits), so a pipeline without one needs no model (and no model file
    /// is hashed for nothing).
    /// </summary>
    public IEmbeddingGenerator<string, Embedding<float>>? EmbedderFor(PipelineDefinition pipeline) =>
        pipeline.Nodes.Any(n => n.Type == LlmNode.TypeName) ? Embedder() : null;

    /// <summary>
    /// The embedder the reference library uses: the model <c>library:embeddingModel</c> names, else the default model
    /// (<c>--model</c>, <c>llm:defaultModel</c> or a lone model); null when there is none (lexical search only).
    /// </summary>
    /// <exception cref="CliUsageException">The model is unknown, missing, or not a usable GGUF file.</exception>
    public IEmbeddingGenerator<string, Embedding<float>>? Embedder()
    {
        if (_embeddingModel is null && !_models.Catalog.HasDefault) return null;
        try
        {
            return _models.Embedder(_embeddingModel);
        }
        catch (ModelFileException e)
        {
            throw new CliUsageException(_embeddingModel is null ? e.Message : $"setting '{EmbeddingModelSetting}': {e.Message}");
        }
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
