using Microsoft.Data.Sqlite;

namespace Orchestrator.Library.Search;

/// <summary>
/// How many chunks hold each indexed term (FTS5's own vocabulary, stemmed by its Porter tokenizer), read in one scan
/// of the index per library version, and the exact stems of a query's words, from the same tokenizer (the words are
/// written to a temporary FTS5 table of the connection and read back from its vocabulary: no stemmer of ours to drift
/// from SQLite's).
/// </summary>
internal sealed class TermFrequencies
{
    /// <summary>The chunks table's tokenizer (see <see cref="Storage.LibrarySchema"/>).</summary>
    internal const string Tokenizer = "porter unicode61 remove_diacritics 2";

    private readonly Dictionary<string, int> _documents;

    private TermFrequencies(Dictionary<string, int> documents) => _documents = documents;

    /// <summary>The chunks holding <paramref name="term"/> (a stem as the index writes it); 0 when none does.</summary>
    public int Count(string term) => _documents.GetValueOrDefault(term);

    /// <summary>Every indexed term and its chunk count.</summary>
    public IEnumerable<KeyValuePair<string, int>> Entries => _documents;

    public static async Task<TermFrequencies> ReadAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using (var create = connection.CreateCommand())
        {
            // A temp table lives with the connection: made once per pooled connection, never written to the library.
            create.CommandText = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.chunks_vocab USING fts5vocab(main, 'chunks_fts', 'row')";
            await create.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        var documents = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT term, doc FROM temp.chunks_vocab";
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false)) documents[reader.GetString(0)] = reader.GetInt32(1);
        return new TermFrequencies(documents);
    }

    /// <summary>The chunks holding each of <paramref name="words"/>: its stem's count (the largest, when the tokenizer cuts it in several); 0 when no chunk does.</summary>
    public async Task<int[]> OfAsync(SqliteConnection connection, IReadOnlyList<string> words, CancellationToken ct)
    {
        var counts = new int[words.Count];
        if (words.Count == 0) return counts;
        await using (var setup = connection.CreateCommand())
        {
            setup.CommandText = $"""
                CREATE VIRTUAL TABLE IF NOT EXISTS temp.query_words USING fts5(text, tokenize='{Tokenizer}');
                CREATE VIRTUAL TABLE IF NOT EXISTS temp.query_stems USING fts5vocab(temp, 'query_words', 'instance');
                DELETE FROM temp.query_words;
                """;
            await setup.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO temp.query_words(rowid, text) VALUES ($row, $text)";
            var row = insert.Parameters.Add("$row", SqliteType.Integer);
            var text = insert.Parameters.Add("$text", SqliteType.Text);
            for (var i = 0; i < words.Count; i++)
            {
                (row.Value, text.Value) = (i, words[i]);
                await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
        }
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT doc, term FROM temp.query_stems";
        await using var reader = await read.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var index = reader.GetInt32(0);
            counts[index] = Math.Max(counts[index], _documents.GetValueOrDefault(reader.GetString(1)));
        }
        return counts;
    }
}
