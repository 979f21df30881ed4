using Orchestrator.Manuscripts.Reference;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Library;

/// <summary>
/// A library opened on its first read, for hosts that compile pipelines synchronously (the server compiles a pipeline
/// the first time a manuscript is posted for it). Its <see cref="Version"/> is read from the file without opening the
/// store. A failed open (a missing or damaged file) is not kept: the read fails with a <see cref="LibraryException"/>
/// naming the file, and the next read tries again, so a library added after the pipeline was compiled is found.
/// </summary>
public sealed class DeferredLibrary(string name, string path, LibraryOptions options) : IReferenceLibrary, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private LibraryStore? _store;

    public string Name => name;

    /// <summary>The database file.</summary>
    public string Path => path;

    /// <inheritdoc/>
    public string Version => _store?.Version ?? LibraryStore.ReadVersion(path) ?? "unreadable " + System.IO.Path.GetFullPath(path);

    public async Task<IReadOnlyList<LibraryPassage>> SearchAsync(string query, int k, CancellationToken cancellationToken) =>
        await (await StoreAsync(cancellationToken).ConfigureAwait(false)).SearchAsync(query, k, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<LibraryPassage>> PassagesForChapterAsync(ManuscriptDocument document, int chapterIndex, int k, CancellationToken cancellationToken) =>
        await (await StoreAsync(cancellationToken).ConfigureAwait(false)).PassagesForChapterAsync(document, chapterIndex, k, cancellationToken).ConfigureAwait(false);

    public async Task<ReferenceFacts> FactsAsync(CancellationToken cancellationToken) =>
        await (await StoreAsync(cancellationToken).ConfigureAwait(false)).FactsAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>The store, opened on first use.</summary>
    /// <exception cref="LibraryException">The library is missing or unusable.</exception>
    public async Task<LibraryStore> StoreAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _store) is { } open) return open;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _store ??= await LibraryStore.OpenAsync(name, path, options with { Create = false }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }
}
