using System.CommandLine;
using Microsoft.Extensions.AI;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Library;

namespace Orchestrator.Cli.Hosting;

/// <summary>
/// Opens the reference library a verb names: <c>--library NAME</c>, else the pipeline's <c>library</c> setting, else
/// none. The library is <c>&lt;data&gt;/library/&lt;name&gt;.db</c>; a missing or unusable one stops the verb before
/// anything runs (exit 9). With a model (<see cref="LlmHosting.Embedder"/>) searches fuse BM25 with the cosine of
/// that model's vectors; without one, or when the library's vectors are another model's, they are lexical only.
/// </summary>
public static class LibraryHosting
{
    public static Option<string?> CreateOption() => new("--library")
    {
        Description = "Reference library the nodes consult (see: orchestrator library list); default: the pipeline's 'library' setting, else none",
    };

    /// <summary>The library named on the command line or in the pipeline, opened; null when neither names one.</summary>
    /// <param name="embeddings">The embedder (<see cref="LlmHosting.Embedder"/>); null: lexical only.</param>
    public static async Task<LibraryStore?> OpenForRunAsync(CliSettings settings, string? option, PipelineDefinition pipeline,
        IEmbeddingGenerator<string, Embedding<float>>? embeddings, CancellationToken ct)
    {
        var name = option ?? pipeline.Settings.Library;
        if (name is null) return null;
        var library = await OpenAsync(settings, name, create: false, ct, embeddings);
        await NoteVectorsAsync(library, ct);
        return library;
    }

    /// <exception cref="CliUsageException">The name is not a valid library name.</exception>
    /// <exception cref="LibraryException">The library is missing (and not to be created) or unusable.</exception>
    public static Task<LibraryStore> OpenAsync(CliSettings settings, string name, bool create, CancellationToken ct,
        IEmbeddingGenerator<string, Embedding<float>>? embeddings = null)
    {
        if (!LibraryLocation.IsValidName(name))
            throw new CliUsageException($"'{name}' is not a library name: use letters, digits, '.', '_' and '-' (up to 64, starting with a letter or digit)");
        var path = LibraryLocation.PathOf(settings.DataDirectory, name);
        return LibraryStore.OpenAsync(name, path, new LibraryOptions { Create = create, Embeddings = embeddings }, ct);
    }

    /// <summary>Says on stderr, once, when a model is configured but the library's searches cannot use its vectors.</summary>
    public static async Task NoteVectorsAsync(LibraryStore library, CancellationToken ct)
    {
        if (await library.VectorNoteAsync(ct) is { } note) Console.Error.WriteLine($"note: {note}");
    }
}
