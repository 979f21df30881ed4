using System.Globalization;
using Microsoft.Data.Sqlite;
using Orchestrator.Library.Chunking;
using Orchestrator.Library.Embeddings;
using Orchestrator.Library.Search;
using Orchestrator.Library.Storage;
using Orchestrator.Manuscripts.Loading;
using Orchestrator.Manuscripts.Reference;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Library;

/// <summary>
/// A reference library in one SQLite file (<c>&lt;data&gt;/library/&lt;name&gt;.db</c>): documents, chunks aligned to
/// paragraphs with their chapter and paragraph, an FTS5 index (BM25), an embedding per chunk when an embedder is
/// configured, and the names and stated traits of each document for the consistency checks.
/// </summary>
/// <remarks>
/// <para>Adding is idempotent by content hash: the same content again is a no-op, a changed file replaces its chunks.
/// Reading, chunking, fact extraction and embedding happen before the write transaction, which is one
/// <c>BEGIN IMMEDIATE</c> per document: two processes adding to one library take turns (WAL, busy wait) and readers are
/// never blocked. Searches and reads may run on any thread, at the same time as adds.</para>
/// <para>Every SQLite failure surfaces as a <see cref="LibraryException"/> naming the file.</para>
/// </remarks>
public sealed class LibraryStore : IReferenceLibrary, IAsyncDisposable
{
    private readonly LibraryDatabase _database;
    private readonly LibraryOptions _options;
    private readonly LibraryEmbedder? _embedder;
    private string _version;
    private (string Version, ReferenceFacts Facts)? _facts;
    private (string Version, VectorIndex Index)? _vectors;
    private (string Version, TermFrequencies Frequencies)? _frequencies;
    private (string Version, Task<LexicalIndex?> Index)? _lexical;
    private readonly CancellationTokenSource _closing = new();

    private LibraryStore(string name, LibraryDatabase database, LibraryOptions options, string version)
    {
        Name = name;
        _database = database;
        _options = options;
        _embedder = options.Embeddings is { } generator ? new LibraryEmbedder(generator) : null;
        _version = version;
    }

    public string Name { get; }

    /// <summary>The database file.</summary>
    public string Path => _database.Path;

    /// <summary>Opens (or with <see cref="LibraryOptions.Create"/> creates) the library <paramref name="name"/> in the file <paramref name="path"/>.</summary>
    /// <exception cref="LibraryException">Missing, damaged, not a library, or of a newer schema.</exception>
    public static async Task<LibraryStore> OpenAsync(string name, string path, LibraryOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var database = await LibraryDatabase.OpenAsync(path, options.Create, ct).ConfigureAwait(false);
        try
        {
            var version = await database.RunAsync(c => ReadMetaAsync(c, null, LibrarySchema.VersionKey, ct), ct).ConfigureAwait(false);
            return new LibraryStore(name, database, options, version ?? LibraryVersion.Empty);
        }
        catch
        {
            database.Release();
            throw;
        }
    }

    /// <inheritdoc/>
    public string Version
    {
        get
        {
            // Keep the last version read when the file cannot be read now: a node's input hash must not throw, and a
            // library that went bad since it was opened fails loudly at the node's next read instead.
            if (ReadVersion(_database.Path) is { } version) _version = version;
            return _version;
        }
    }

    /// <summary>The version stored in the library file at <paramref name="path"/>, read without opening the store; null when it cannot be read.</summary>
    public static string? ReadVersion(string path)
    {
        try
        {
            var full = System.IO.Path.GetFullPath(path);
            if (!File.Exists(full)) return null;
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = full, Mode = SqliteOpenMode.ReadOnly, Pooling = true,
            }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT value FROM meta WHERE key = '{LibrarySchema.VersionKey}'";
            return command.ExecuteScalar() as string;
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    /// <summary>Adds the documents at <paramref name="path"/> (see <see cref="DocumentSources"/>).</summary>
    /// <exception cref="ManuscriptLoadException">A file cannot be read (missing, empty, binary, undecodable, unsupported).</exception>
    public async Task<IReadOnlyList<AddResult>> AddAsync(string path, CancellationToken ct)
    {
        var results = new List<AddResult>();
        foreach (var (file, name) in DocumentSources.Expand(path))
            results.Add(await AddDocumentAsync(file, name, ct).ConfigureAwait(false));
        LastEmbedding = _embedder is null ? null : await EmbedMissingAsync(ct).ConfigureAwait(false);
        return results;
    }

    /// <summary>What the last <see cref="AddAsync"/> did to the vectors; null when this library has no embedder.</summary>
    public EmbeddingRun? LastEmbedding { get; private set; }

    /// <summary>The model id of the configured embedder; null when searches are lexical only.</summary>
    public string? EmbedderModel => _embedder?.ModelId;

    /// <summary>
    /// Why a search with the configured embedder is lexical only, or only partly fused, for a host to say once; null
    /// when vectors and lexical ranks are fused over every chunk, or when no embedder is configured (lexical by choice).
    /// Vectors of two models are never compared: a library of another model's vectors is searched lexically.
    /// </summary>
    public async Task<string?> VectorNoteAsync(CancellationToken ct)
    {
        if (_embedder is null) return null;
        var (model, chunks, embedded) = await _database.RunAsync(async connection =>
        {
            var stored = await ReadMetaAsync(connection, null, LibrarySchema.EmbeddingModelKey, ct).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*), count(embedding) FROM chunks";
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await reader.ReadAsync(ct).ConfigureAwait(false);
            return (stored, reader.GetInt32(0), reader.GetInt32(1));
        }, ct).ConfigureAwait(false);
        if (chunks == 0) return null;
        if (model is null || embedded == 0)
            return $"library {Name} has no embeddings: searched lexically only (library add {Name} <files> with a model embeds its chunks)";
        if (model != _embedder.ModelId)
            return $"library {Name} holds embeddings of model '{model}', not of '{_embedder.ModelId}': searched lexically only " +
                $"(library add {Name} <files> with this model re-embeds it)";
        return embedded < chunks
            ? $"library {Name}: {chunks - embedded} of {chunks} chunks have no embedding (added without a model): those are found lexically only"
            : null;
    }

    private async Task<AddResult> AddDocumentAsync(string file, string name, CancellationToken ct)
    {
        var document = await ManuscriptLoader.LoadAsync(file, _options.Loading, ct).ConfigureAwait(false);
        var existing = await _database.RunAsync(c => FindAsync(c, null, name, document.ContentHash, ct), ct).ConfigureAwait(false);
        if (existing is { } same) return new AddResult(name, AddOutcome.Unchanged, same.Chunks, document.WordCount, same.Name == name ? null : same.Name);

        var chunks = ParagraphChunker.Split(document, _options.Chunking);
        var facts = FactExtractor.Extract(document);
        var outcome = await _database.RunAsync(async connection =>
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            // Another process may have added it between the check above and this transaction.
            if (await FindAsync(connection, transaction, name, document.ContentHash, ct).ConfigureAwait(false) is { } raced)
                return (AddOutcome.Unchanged, raced.Name == name ? null : raced.Name);
            var replaced = await ExecuteAsync(connection, transaction, "DELETE FROM documents WHERE name = $name", ct, ("$name", name)).ConfigureAwait(false) > 0;
            var id = await InsertDocumentAsync(connection, transaction, name, file, document, ct).ConfigureAwait(false);
            await InsertChunksAsync(connection, transaction, id, chunks, ct).ConfigureAwait(false);
            await InsertFactsAsync(connection, transaction, id, document, facts, ct).ConfigureAwait(false);
            await UpdateVersionAsync(connection, transaction, ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return (replaced ? AddOutcome.Replaced : AddOutcome.Added, (string?)null);
        }, ct).ConfigureAwait(false);
        return new AddResult(name, outcome.Item1, chunks.Count, document.WordCount, outcome.Item2);
    }

    /// <summary>Removes one document (by its name in the library), or every document when <paramref name="document"/> is null.</summary>
    /// <returns>The documents removed.</returns>
    public Task<int> RemoveAsync(string? document, CancellationToken ct) => _database.RunAsync(async connection =>
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var removed = document is null
            ? await ExecuteAsync(connection, transaction, "DELETE FROM documents", ct).ConfigureAwait(false)
            : await ExecuteAsync(connection, transaction, "DELETE FROM documents WHERE name = $name", ct, ("$name", document)).ConfigureAwait(false);
        await UpdateVersionAsync(connection, transaction, ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return removed;
    }, ct);

    /// <summary>The documents, in name order.</summary>
    public Task<IReadOnlyList<LibraryDocumentInfo>> ListAsync(CancellationToken ct) => _database.RunAsync(async connection =>
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT d.name, d.title, d.source, d.hash, d.words, d.chapters, d.added,
                   (SELECT count(*) FROM chunks c WHERE c.document_id = d.id),
                   (SELECT count(*) FROM chunks c WHERE c.document_id = d.id AND c.embedding IS NOT NULL),
                   (SELECT count(*) FROM names n WHERE n.document_id = d.id),
                   (SELECT count(*) FROM traits t WHERE t.document_id = d.id)
            FROM documents d ORDER BY d.name
            """;
        var list = new List<LibraryDocumentInfo>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
            list.Add(new LibraryDocumentInfo(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(7), reader.GetInt32(8), reader.GetInt32(9), reader.GetInt32(10),
                DateTimeOffset.Parse(reader.GetString(6), CultureInfo.InvariantCulture)));
        return (IReadOnlyList<LibraryDocumentInfo>)list;
    }, ct);

    /// <summary>The model the stored embeddings came from, or null when the library has none.</summary>
    public Task<string?> EmbeddingModelAsync(CancellationToken ct) =>
        _database.RunAsync(c => ReadMetaAsync(c, null, LibrarySchema.EmbeddingModelKey, ct), ct);

    /// <inheritdoc/>
    public async Task<IReadOnlyList<LibraryPassage>> SearchAsync(string query, int k, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (k <= 0) return [];
        var pool = Math.Max(k * 4, 40);
        var lexical = await LexicalAsync(query, pool, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<(long Id, double Score)> ranked;
        var index = _embedder is null ? null : await VectorsAsync(cancellationToken).ConfigureAwait(false);
        if (index is { Count: > 0 } && _embedder is not null)
        {
            var vector = await _embedder.EmbedAsync(query, cancellationToken).ConfigureAwait(false);
            var nearest = vector.Length == index.Dimensions ? index.Search(vector, pool).Select(v => v.Id).ToArray() : [];
            ranked = RankFusion.Fuse(lexical.Select(l => l.Id).ToArray(), nearest, k);
        }
        else ranked = lexical.Take(k).ToArray();
        return await PassagesAsync(ranked, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<LibraryPassage>> PassagesForChapterAsync(ManuscriptDocument document, int chapterIndex, int k, CancellationToken cancellationToken) =>
        SearchAsync(ChapterQuery.For(document, chapterIndex), k, cancellationToken);

    /// <inheritdoc/>
    public async Task<ReferenceFacts> FactsAsync(CancellationToken cancellationToken)
    {
        var version = Version;
        if (_facts is { } cached && cached.Version == version) return cached.Facts;
        var facts = await _database.RunAsync(async connection =>
        {
            var names = new List<NameFact>();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT n.form, n.mentions, d.name, n.chapter, n.paragraph FROM names n JOIN documents d ON d.id = n.document_id ORDER BY d.name, n.rowid";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    names.Add(new NameFact(reader.GetString(0), reader.GetInt32(1), Place(reader, 2)));
            }
            var traits = new List<TraitFact>();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT t.subject, t.attribute, t.value, t.evidence, d.name, t.chapter, t.paragraph FROM traits t JOIN documents d ON d.id = t.document_id ORDER BY d.name, t.rowid";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    traits.Add(new TraitFact(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Place(reader, 4)));
            }
            return new ReferenceFacts(MergeNames(names), traits);
        }, cancellationToken).ConfigureAwait(false);
        _facts = (version, facts);
        return facts;
    }

    public async ValueTask DisposeAsync()
    {
        Task<LexicalIndex?>? build;
        lock (_closing)
        {
            _closing.Cancel();
            build = _lexical?.Index;
        }
        // The build reads through a pooled connection: let it stop before the pool is cleared.
        if (build is not null) await build.ConfigureAwait(false);
        _closing.Dispose();
        _database.Release();
    }

    /// <summary>One fact per name form across documents: mentions summed, the first document's place kept.</summary>
    private static List<NameFact> MergeNames(List<NameFact> names)
    {
        var merged = new Dictionary<string, NameFact>(StringComparer.Ordinal);
        foreach (var name in names)
            merged[name.Form] = merged.TryGetValue(name.Form, out var seen) ? seen with { Mentions = seen.Mentions + name.Mentions } : name;
        return merged.Values.ToList();
    }

    private static FactPlace Place(SqliteDataReader reader, int column) => new(reader.GetString(column),
        reader.IsDBNull(column + 1) ? null : reader.GetInt32(column + 1), reader.IsDBNull(column + 2) ? null : reader.GetInt32(column + 2));

    private async Task<List<(long Id, double Score)>> LexicalAsync(string query, int limit, CancellationToken ct)
    {
        var terms = LexicalQuery.Terms(query);
        if (terms.Count == 0) return [];
        var (version, frequencies) = await FrequenciesAsync(ct).ConfigureAwait(false);
        if (await LexicalIndexAsync(version, frequencies).ConfigureAwait(false) is { } index && Stems(index, terms) is { } stems)
        {
            // The same plan as FTS5's below (the index's counts are FTS5's), ranked in memory.
            var plan = LexicalQuery.PlanMatches(terms, terms.Select(t => index.DocumentFrequency(stems[t])).ToArray());
            foreach (var match in plan)
            {
                var hits = index.Search(match.Terms.Select(t => stems[t]).ToArray(), match.All, limit);
                if (hits.Count > 0) return hits;
            }
            return [];
        }
        return await _database.RunAsync(async connection =>
        {
            var plan = LexicalQuery.Plan(terms, await frequencies.OfAsync(connection, terms, ct).ConfigureAwait(false));
            var hits = new List<(long, double)>(limit);
            foreach (var match in plan)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT rowid, rank FROM chunks_fts WHERE chunks_fts MATCH $match ORDER BY rank LIMIT $limit";
                command.Parameters.AddWithValue("$match", match);
                command.Parameters.AddWithValue("$limit", limit);
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                // FTS5's rank is BM25 negated (lower is better): negate it back so a higher score is a better hit.
                while (await reader.ReadAsync(ct).ConfigureAwait(false)) hits.Add((reader.GetInt64(0), -reader.GetDouble(1)));
                if (hits.Count > 0) break;
            }
            return hits;
        }, ct).ConfigureAwait(false);
    }

    /// <summary>Each query word's stem, when the index knows every one as a single term; null sends the query to FTS5.</summary>
    private static Dictionary<string, string>? Stems(LexicalIndex index, List<string> words)
    {
        var stems = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            if (!index.TryStem(word, out var stem)) return null;
            stems[word] = stem;
        }
        return stems;
    }

    /// <summary>
    /// The in-memory index of <paramref name="version"/> when it is built; null until then, or when the library is too
    /// small to need one (or its terms could not be read as FTS5 reads them), and searches go to FTS5. The first search of
    /// a version starts the build in the background, so no search waits for it.
    /// </summary>
    private async Task<LexicalIndex?> LexicalIndexAsync(string version, TermFrequencies frequencies)
    {
        Task<LexicalIndex?> build;
        lock (_closing)
        {
            if (_closing.IsCancellationRequested) return null;
            if (_lexical is not { } current || current.Version != version)
            {
                _lexical = current = (version, Task.Run(() => BuildLexicalIndexAsync(frequencies, _closing.Token)));
            }
            build = current.Index;
        }
        return build.IsCompletedSuccessfully ? await build.ConfigureAwait(false) : null;
    }

    private async Task<LexicalIndex?> BuildLexicalIndexAsync(TermFrequencies frequencies, CancellationToken ct)
    {
        try
        {
            return await _database.RunAsync(c => LexicalIndex.BuildAsync(c, frequencies, _options.InMemoryIndexMinChunks, ct), ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is LibraryException or OperationCanceledException)
        {
            // No index: searches stay with FTS5, which reports a damaged library itself.
            return null;
        }
    }

    /// <summary>Whether searches of the current version are ranked in memory (the index is built and agrees with FTS5).</summary>
    internal async Task<bool> SearchesInMemoryAsync(CancellationToken ct)
    {
        var (version, frequencies) = await FrequenciesAsync(ct).ConfigureAwait(false);
        return await LexicalIndexAsync(version, frequencies).ConfigureAwait(false) is not null;
    }

    /// <summary>
    /// Builds the in-memory index of the current version now, for a host that searches a large library many times (a
    /// server, a benchmark) and would rather pay for it before the first query than have the first ones go to FTS5.
    /// </summary>
    public async Task PrepareSearchAsync(CancellationToken ct)
    {
        var (version, frequencies) = await FrequenciesAsync(ct).ConfigureAwait(false);
        await LexicalIndexAsync(version, frequencies).ConfigureAwait(false);
        Task<LexicalIndex?>? build;
        lock (_closing) build = _lexical?.Index;
        if (build is not null) await build.WaitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The term frequencies of the current version, read on first use (one scan of the FTS5 vocabulary), with that version.</summary>
    private async Task<(string Version, TermFrequencies Frequencies)> FrequenciesAsync(CancellationToken ct)
    {
        var version = Version;
        if (_frequencies is { } cached && cached.Version == version) return cached;
        var frequencies = await _database.RunAsync(c => TermFrequencies.ReadAsync(c, ct), ct).ConfigureAwait(false);
        _frequencies = (version, frequencies);
        return (version, frequencies);
    }

    private Task<IReadOnlyList<LibraryPassage>> PassagesAsync(IReadOnlyList<(long Id, double Score)> ranked, CancellationToken ct)
    {
        if (ranked.Count == 0) return Task.FromResult<IReadOnlyList<LibraryPassage>>([]);
        return _database.RunAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            var ids = string.Join(',', ranked.Select(r => r.Id.ToString(CultureInfo.InvariantCulture)));
            command.CommandText = $"SELECT c.id, d.name, c.chapter, c.heading, c.first_paragraph, c.last_paragraph, c.text FROM chunks c JOIN documents d ON d.id = c.document_id WHERE c.id IN ({ids})";
            var rows = new Dictionary<long, LibraryPassage>();
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
                rows[reader.GetInt64(0)] = new LibraryPassage(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3),
                    reader.GetInt32(4), reader.GetInt32(5), reader.GetString(6), 0);
            // A chunk removed between the ranking and this read is left out.
            return (IReadOnlyList<LibraryPassage>)ranked.Where(r => rows.ContainsKey(r.Id)).Select(r => rows[r.Id] with { Score = r.Score }).ToArray();
        }, ct);
    }

    /// <summary>The vector index of the current version, built on first use; empty when the embeddings are of another model.</summary>
    private async Task<VectorIndex> VectorsAsync(CancellationToken ct)
    {
        var version = Version;
        if (_vectors is { } cached && cached.Version == version) return cached.Index;
        var index = await _database.RunAsync(async connection =>
        {
            var model = await ReadMetaAsync(connection, null, LibrarySchema.EmbeddingModelKey, ct).ConfigureAwait(false);
            if (model != _embedder!.ModelId) return VectorIndex.Empty;
            var dimensions = int.Parse(await ReadMetaAsync(connection, null, LibrarySchema.EmbeddingDimensionsKey, ct).ConfigureAwait(false) ?? "0", CultureInfo.InvariantCulture);
            var ids = new List<long>();
            var matrix = new List<float>();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, embedding FROM chunks WHERE embedding IS NOT NULL ORDER BY id";
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            var row = new float[dimensions];
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                EmbeddingCodec.Decode((byte[])reader.GetValue(1), row);
                ids.Add(reader.GetInt64(0));
                matrix.AddRange(row);
            }
            return VectorIndex.Build(ids, matrix.ToArray(), dimensions);
        }, ct).ConfigureAwait(false);
        _vectors = (version, index);
        return index;
    }

    /// <summary>
    /// Gives every chunk without a vector one from the configured embedder. Embeddings are of one model: when the
    /// library's came from another, all are dropped and made again (and the run says which model's were dropped). Embedding runs outside transactions; each batch
    /// is written in its own.
    /// </summary>
    private async Task<EmbeddingRun> EmbedMissingAsync(CancellationToken ct)
    {
        var embedder = _embedder!;
        var replaced = await _database.RunAsync(async connection =>
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            var previous = await ReadMetaAsync(connection, transaction, LibrarySchema.EmbeddingModelKey, ct).ConfigureAwait(false);
            if (previous == embedder.ModelId) return null;
            await ExecuteAsync(connection, transaction, "UPDATE chunks SET embedding = NULL WHERE embedding IS NOT NULL", ct).ConfigureAwait(false);
            await WriteMetaAsync(connection, transaction, LibrarySchema.EmbeddingModelKey, embedder.ModelId, ct).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, $"DELETE FROM meta WHERE key = '{LibrarySchema.EmbeddingDimensionsKey}'", ct).ConfigureAwait(false);
            await UpdateVersionAsync(connection, transaction, ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return previous;
        }, ct).ConfigureAwait(false);

        var embedded = 0;
        while (true)
        {
            var pending = await _database.RunAsync(async connection =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT id, text FROM chunks WHERE embedding IS NULL ORDER BY id LIMIT 256";
                var rows = new List<(long Id, string Text)>();
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false)) rows.Add((reader.GetInt64(0), reader.GetString(1)));
                return rows;
            }, ct).ConfigureAwait(false);
            if (pending.Count == 0) return new EmbeddingRun(embedder.ModelId, embedded, replaced);
            var vectors = await embedder.EmbedAsync(pending.Select(p => p.Text).ToArray(), ct).ConfigureAwait(false);
            await _database.RunAsync(async connection =>
            {
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
                var stored = await ReadMetaAsync(connection, transaction, LibrarySchema.EmbeddingDimensionsKey, ct).ConfigureAwait(false);
                var dimensions = vectors[0].Length.ToString(CultureInfo.InvariantCulture);
                if (stored is not null && stored != dimensions)
                    throw new InvalidOperationException($"the embedder gives {dimensions} dimensions where the library holds {stored}");
                await WriteMetaAsync(connection, transaction, LibrarySchema.EmbeddingDimensionsKey, dimensions, ct).ConfigureAwait(false);
                await using var update = connection.CreateCommand();
                update.Transaction = transaction;
                update.CommandText = "UPDATE chunks SET embedding = $embedding WHERE id = $id";
                var embedding = update.Parameters.Add("$embedding", SqliteType.Blob);
                var id = update.Parameters.Add("$id", SqliteType.Integer);
                for (var i = 0; i < pending.Count; i++)
                {
                    embedding.Value = EmbeddingCodec.Encode(vectors[i]);
                    id.Value = pending[i].Id;
                    await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }
                await transaction.CommitAsync(ct).ConfigureAwait(false);
            }, ct).ConfigureAwait(false);
            embedded += pending.Count;
        }
    }

    private static async Task<(string Name, int Chunks)?> FindAsync(SqliteConnection connection, SqliteTransaction? transaction, string name, string hash, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // The same name with the same content first, then the same content under another name.
        command.CommandText = "SELECT d.name, (SELECT count(*) FROM chunks c WHERE c.document_id = d.id) FROM documents d WHERE d.hash = $hash ORDER BY d.name = $name DESC, d.name LIMIT 1";
        command.Parameters.AddWithValue("$hash", hash);
        command.Parameters.AddWithValue("$name", name);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false) ? (reader.GetString(0), reader.GetInt32(1)) : null;
    }

    private static async Task<long> InsertDocumentAsync(SqliteConnection connection, SqliteTransaction transaction, string name, string source,
        ManuscriptDocument document, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO documents(name, source, hash, title, words, chapters, added) VALUES ($name, $source, $hash, $title, $words, $chapters, $added);
            SELECT last_insert_rowid();
            """;
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$source", System.IO.Path.GetFullPath(source));
        command.Parameters.AddWithValue("$hash", document.ContentHash);
        command.Parameters.AddWithValue("$title", document.Title);
        command.Parameters.AddWithValue("$words", document.WordCount);
        command.Parameters.AddWithValue("$chapters", document.Chapters.Count);
        command.Parameters.AddWithValue("$added", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        return (long)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    private static async Task InsertChunksAsync(SqliteConnection connection, SqliteTransaction transaction, long documentId, List<Chunk> chunks, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO chunks(document_id, ordinal, chapter, heading, first_paragraph, last_paragraph, words, text)
            VALUES ($document, $ordinal, $chapter, $heading, $first, $last, $words, $text)
            """;
        command.Parameters.AddWithValue("$document", documentId);
        var ordinal = command.Parameters.Add("$ordinal", SqliteType.Integer);
        var chapter = command.Parameters.Add("$chapter", SqliteType.Integer);
        var heading = command.Parameters.Add("$heading", SqliteType.Text);
        var first = command.Parameters.Add("$first", SqliteType.Integer);
        var last = command.Parameters.Add("$last", SqliteType.Integer);
        var words = command.Parameters.Add("$words", SqliteType.Integer);
        var text = command.Parameters.Add("$text", SqliteType.Text);
        foreach (var chunk in chunks)
        {
            ordinal.Value = chunk.Ordinal;
            chapter.Value = chunk.Chapter;
            heading.Value = chunk.Heading;
            first.Value = chunk.FirstParagraph;
            last.Value = chunk.LastParagraph;
            words.Value = chunk.Words;
            text.Value = chunk.Text;
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

    private static async Task InsertFactsAsync(SqliteConnection connection, SqliteTransaction transaction, long documentId, ManuscriptDocument document,
        DocumentFacts facts, CancellationToken ct)
    {
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO names(document_id, form, mentions, chapter, paragraph) VALUES ($document, $form, $mentions, $chapter, $paragraph)";
            command.Parameters.AddWithValue("$document", documentId);
            var form = command.Parameters.Add("$form", SqliteType.Text);
            var mentions = command.Parameters.Add("$mentions", SqliteType.Integer);
            var chapter = command.Parameters.Add("$chapter", SqliteType.Integer);
            var paragraph = command.Parameters.Add("$paragraph", SqliteType.Integer);
            foreach (var name in facts.Names)
            {
                var where = document.Locator.Locate(name.FirstOffset, name.FirstLength);
                form.Value = name.Form;
                mentions.Value = name.Mentions;
                chapter.Value = (object?)where.Chapter ?? DBNull.Value;
                paragraph.Value = (object?)where.Paragraph ?? DBNull.Value;
                await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
        }
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO traits(document_id, subject, attribute, value, evidence, chapter, paragraph) VALUES ($document, $subject, $attribute, $value, $evidence, $chapter, $paragraph)";
            command.Parameters.AddWithValue("$document", documentId);
            var subject = command.Parameters.Add("$subject", SqliteType.Text);
            var attribute = command.Parameters.Add("$attribute", SqliteType.Text);
            var value = command.Parameters.Add("$value", SqliteType.Text);
            var evidence = command.Parameters.Add("$evidence", SqliteType.Text);
            var chapter = command.Parameters.Add("$chapter", SqliteType.Integer);
            var paragraph = command.Parameters.Add("$paragraph", SqliteType.Integer);
            foreach (var trait in facts.Traits)
            {
                var where = document.Locator.Locate(trait.Offset, trait.Length);
                subject.Value = trait.Subject;
                attribute.Value = trait.Attribute;
                value.Value = trait.Value;
                evidence.Value = trait.Evidence;
                chapter.Value = (object?)where.Chapter ?? DBNull.Value;
                paragraph.Value = (object?)where.Paragraph ?? DBNull.Value;
                await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
        }
    }

    private async Task UpdateVersionAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken ct)
    {
        var documents = new List<(string, string)>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT name, hash FROM documents";
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false)) documents.Add((reader.GetString(0), reader.GetString(1)));
        }
        var model = await ReadMetaAsync(connection, transaction, LibrarySchema.EmbeddingModelKey, ct).ConfigureAwait(false);
        var version = LibraryVersion.Of(documents, model);
        await WriteMetaAsync(connection, transaction, LibrarySchema.VersionKey, version, ct).ConfigureAwait(false);
        _version = version;
    }

    private static async Task<string?> ReadMetaAsync(SqliteConnection connection, SqliteTransaction? transaction, string key, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT value FROM meta WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) as string;
    }

    private static Task WriteMetaAsync(SqliteConnection connection, SqliteTransaction transaction, string key, string value, CancellationToken ct) =>
        ExecuteAsync(connection, transaction, "INSERT INTO meta(key, value) VALUES ($key, $value) ON CONFLICT(key) DO UPDATE SET value = excluded.value", ct,
            ("$key", key), ("$value", value));

    private static async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken ct,
        params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
