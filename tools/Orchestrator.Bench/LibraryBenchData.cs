using System.Globalization;
using Microsoft.Data.Sqlite;
using Orchestrator.Library;
using Orchestrator.Library.Chunking;
using Orchestrator.Library.Storage;
using Orchestrator.Manuscripts.Loading;

namespace Orchestrator.Bench;

/// <summary>
/// The large libraries the retrieval figures are measured on: the four corpus novels' real chunks (as
/// <see cref="ParagraphChunker"/> cuts them) copied under distinct document names until there are
/// <see cref="Chunks"/>, written straight into a library file (through the schema's triggers, so the FTS5 index is
/// the one an add builds). Built once per machine in the temp folder and reused.
/// </summary>
internal static class LibraryBenchData
{
    public const int Chunks = 100_000;

    public static readonly string[] Novels =
        [BenchCorpus.MobyDick, BenchCorpus.PrideAndPrejudice, "shelley-frankenstein.txt", "carroll-alices-adventures-in-wonderland.txt"];

    /// <summary>A library of at least <see cref="Chunks"/> chunks; its path.</summary>
    public static async Task<string> HundredThousandChunksAsync()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "orchestrator-bench")).FullName;
        var path = Path.Combine(folder, $"library-{Chunks}-v{LibrarySchema.Version}.db");
        if (File.Exists(path)) return path;
        var building = path + ".building";
        foreach (var stale in new[] { building, building + "-wal", building + "-shm" }) File.Delete(stale);
        var chunks = new List<Chunk>();
        foreach (var novel in Novels)
            chunks.AddRange(ParagraphChunker.Split(await ManuscriptLoader.LoadAsync(BenchCorpus.PathOf(novel), CancellationToken.None), ChunkingOptions.Default));
        var database = await LibraryDatabase.OpenAsync(building, create: true, CancellationToken.None);
        await database.RunAsync(async connection =>
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var document = connection.CreateCommand();
            document.Transaction = transaction;
            document.CommandText = "INSERT INTO documents(name, source, hash, title, words, chapters, added) VALUES ($name, 'bench', $name, $name, 0, 0, '2026-01-01T00:00:00Z'); SELECT last_insert_rowid();";
            var name = document.Parameters.Add("$name", SqliteType.Text);
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO chunks(document_id, ordinal, chapter, heading, first_paragraph, last_paragraph, words, text) VALUES ($d, $o, $c, $h, $f, $l, $w, $t)";
            var d = insert.Parameters.Add("$d", SqliteType.Integer);
            var o = insert.Parameters.Add("$o", SqliteType.Integer);
            var c = insert.Parameters.Add("$c", SqliteType.Integer);
            var h = insert.Parameters.Add("$h", SqliteType.Text);
            var f = insert.Parameters.Add("$f", SqliteType.Integer);
            var l = insert.Parameters.Add("$l", SqliteType.Integer);
            var w = insert.Parameters.Add("$w", SqliteType.Integer);
            var t = insert.Parameters.Add("$t", SqliteType.Text);
            for (int copy = 0, written = 0; written < Chunks; copy++)
            {
                name.Value = "copy-" + copy.ToString(CultureInfo.InvariantCulture);
                d.Value = (long)(await document.ExecuteScalarAsync())!;
                foreach (var chunk in chunks)
                {
                    (o.Value, c.Value, h.Value, f.Value, l.Value, w.Value, t.Value) =
                        (chunk.Ordinal, chunk.Chapter, chunk.Heading, chunk.FirstParagraph, chunk.LastParagraph, chunk.Words, chunk.Text);
                    await insert.ExecuteNonQueryAsync();
                    if (++written == Chunks) break;
                }
            }
            await transaction.CommitAsync();
        }, CancellationToken.None);
        database.Release();
        File.Move(building, path);
        return path;
    }

    /// <summary>Queries as a user types them: 8 to 12 consecutive words from a paragraph of the corpus, deterministic.</summary>
    public static async Task<string[]> QueriesAsync(int count)
    {
        var random = new Random(11);
        var document = await ManuscriptLoader.LoadAsync(BenchCorpus.PathOf(BenchCorpus.MobyDick), CancellationToken.None);
        var queries = new List<string>(count);
        while (queries.Count < count)
        {
            var paragraph = document.Paragraphs[random.Next(document.Paragraphs.Length)];
            var words = document.Slice(paragraph.Span).ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 12) continue;
            var length = random.Next(8, 13);
            queries.Add(string.Join(' ', words.Skip(random.Next(words.Length - length)).Take(length)));
        }
        return queries.ToArray();
    }
}
