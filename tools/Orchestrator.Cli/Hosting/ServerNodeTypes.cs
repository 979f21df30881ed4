using System.Collections.Concurrent;
using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Library;
using Orchestrator.Manuscripts.Reference;

namespace Orchestrator.Cli.Hosting;

/// <summary>
/// The node types <c>serve</c> compiles its pipelines with (<see cref="Server.ServerOptions.NodeTypes"/>): the novel
/// types and <c>llm</c> (models of <c>orchestrator.json</c>, <c>--model</c>), and the reference library of
/// <c>--library</c>, else of the pipeline's <c>library</c> setting. A pipeline's library is opened on its first read
/// (<see cref="DeferredLibrary"/>) and shared by every pipeline naming it; a missing one fails the sessions that read
/// it with a message naming the file, and is found once it is added.
/// </summary>
public sealed class ServerNodeTypes(CliSettings settings, LlmHosting llm, LibraryStore? fixedLibrary) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, DeferredLibrary> _libraries = new(StringComparer.Ordinal);

    /// <exception cref="Llm.Node.LlmSetupException">Some llm node of <paramref name="definition"/> cannot run (its model or prompt).</exception>
    /// <exception cref="LibraryException">The pipeline names a library by a name that cannot be one.</exception>
    public NodeRegistry For(string pipelinePath, PipelineDefinition? definition)
    {
        if (definition is null) return llm.CreateRegistry(pipelinePath);
        llm.Check(definition);
        IReferenceLibrary? library = fixedLibrary;
        if (library is null && definition.Settings.Library is { } name)
        {
            if (!LibraryLocation.IsValidName(name))
                throw new LibraryException(name, $"pipeline {pipelinePath}: '{name}' is not a library name");
            library = _libraries.GetOrAdd(name, n => new DeferredLibrary(n, LibraryLocation.PathOf(settings.DataDirectory, n),
                new LibraryOptions { Embeddings = llm.EmbedderFor(definition) }));
        }
        return llm.CreateRegistry(pipelinePath, library);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var library in _libraries.Values) await library.DisposeAsync();
        _libraries.Clear();
    }
}
