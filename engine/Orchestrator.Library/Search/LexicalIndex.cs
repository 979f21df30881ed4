using System.Buffers.Binary;
using System.Text;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Orchestrator.Library.Search;

/// <summary>
/// The FTS5 index of one library version held in memory: every chunk's terms (stemmed by SQLite's own tokenizer) as
/// postings, and each chunk's length, so a query is ranked by exactly the BM25 that FTS5's <c>bm25()</c> computes
/// (same formula, same statistics, same order of operations) without the 2 µs per matched chunk FTS5 spends on it. A
/// query whose words are all common, which FTS5 answers by scoring tens of thousands of chunks, takes a fraction of a
/// millisecond here. Built in the background for a large library (<see cref="LibraryStore"/>); immutable.
/// </summary>
/// <remarks>
/// <para>Terms are read from the chunks' text: the text is cut where <c>unicode61</c> may cut (letters, marks, digits
/// and private-use characters are kept together, a superset of what it keeps), and each distinct piece is stemmed once
/// by a temporary FTS5 table with the library's tokenizer, which also splits a piece further where SQLite would. The
/// result is checked against FTS5's own vocabulary (every term's chunk count) and totals (chunks, tokens): any
/// difference and there is no index, and searches stay with FTS5.</para>
/// <para>Ties are broken by chunk id, lowest first, as FTS5's sort of equal ranks returns them.</para>
/// </remarks>
internal sealed class LexicalIndex
{
    /// <summary>FTS5's bm25() constants.</summary>
    private const double K1 = 1.2, B = 0.75;

    private readonly long[] _rowids;
    private readonly int[] _lengths;
    private readonly Dictionary<string, int> _terms;
    private readonly int[][] _postings;
    private readonly long _rows;
    private readonly double _averageLength;

    private LexicalIndex(long[] rowids, int[] lengths, Dictionary<string, int> terms, int[][] postings, long rows, long tokens)
    {
        _rowids = rowids;
        _lengths = lengths;
        _terms = terms;
        _postings = postings;
        _rows = rows;
        _averageLength = (double)tokens / rows;
    }

    /// <summary>A library of fewer chunks is searched by FTS5 alone: it scores them in well under a millisecond.</summary>
    public const int MinChunks = 5_000;

    /// <summary>The chunks that hold <paramref name="term"/> (a stem).</summary>
    public int DocumentFrequency(string term) => _terms.TryGetValue(term, out var id) ? _postings[id].Length : 0;

    /// <summary>
    /// The <paramref name="limit"/> best chunks for the <paramref name="terms"/> (stems, in the match expression's
    /// order), joined by AND when <paramref name="all"/>, else by OR: chunk id and BM25 score, best first.
    /// </summary>
    public List<(long Id, double Score)> Search(IReadOnlyList<string> terms, bool all, int limit)
    {
        if (limit <= 0 || terms.Count == 0) return [];
        var lists = new int[terms.Count][];
        for (var i = 0; i < terms.Count; i++)
        {
            lists[i] = _terms.TryGetValue(terms[i], out var id) ? _postings[id] : [];
            if (all && lists[i].Length == 0) return [];
        }
        var best = new PriorityQueue<int, (double Score, int Chunk)>(limit + 1, WorstFirst.Instance);
        if (all && lists.Length == 2) Intersect(lists[0], lists[1], best, limit);
        else Accumulate(lists, all, best, limit);
        var result = new (long Id, double Score)[best.Count];
        for (var i = result.Length - 1; i >= 0; i--)
        {
            best.TryDequeue(out var chunk, out var key);
            result[i] = (_rowids[chunk], key.Score);
        }
        return [.. result];
    }

    /// <summary>Scores every posting of every list into per-chunk sums (in term order, as FTS5 adds them), then keeps the best.</summary>
    private void Accumulate(int[][] lists, bool all, PriorityQueue<int, (double Score, int Chunk)> best, int limit)
    {
        if (!_scratch.TryTake(out var scratch)) scratch = new Scratch(_rowids.Length);
        var (scores, matched, touched) = (scratch.Scores, scratch.Matched, scratch.Touched);
        foreach (var list in lists)
        {
            // Terms absent from the library add nothing (FTS5 adds idf × 0 for them).
            if (list.Length == 0) continue;
            var idf = Idf(list.Length);
            foreach (var posting in list)
            {
                var chunk = posting >>> TfBits;
                if (matched[chunk]++ == 0) touched.Add(chunk);
                scores[chunk] += Weight(idf, posting, chunk);
            }
        }
        foreach (var chunk in touched)
            if (!all || matched[chunk] == lists.Length) Offer(best, chunk, scores[chunk], limit);
        scratch.Clear();
        _scratch.Add(scratch);
    }

    /// <summary>
    /// Two terms joined by AND (the plan's two rarest, both common): a merge of the two sorted posting lists scores only
    /// the chunks holding both, where summing every posting would score tens of thousands for nothing. The sum is
    /// formed in the same order as <see cref="Accumulate"/> (0, then the first term, then the second), so the scores are
    /// the same to the last bit.
    /// </summary>
    private void Intersect(int[] first, int[] second, PriorityQueue<int, (double Score, int Chunk)> best, int limit)
    {
        var (idfFirst, idfSecond) = (Idf(first.Length), Idf(second.Length));
        for (int i = 0, j = 0; i < first.Length && j < second.Length;)
        {
            var (a, b) = (first[i] >>> TfBits, second[j] >>> TfBits);
            if (a < b) i++;
            else if (b < a) j++;
            else
            {
                var score = 0.0;
                score += Weight(idfFirst, first[i], a);
                score += Weight(idfSecond, second[j], b);
                Offer(best, a, score, limit);
                (i, j) = (i + 1, j + 1);
            }
        }
    }

    /// <summary>FTS5's idf for a term in <paramref name="hits"/> chunks (floored at 1e-6 as bm25() does).</summary>
    private double Idf(int hits)
    {
        var idf = Math.Log((_rows - hits + 0.5) / (hits + 0.5));
        return idf <= 0.0 ? 1e-6 : idf;
    }

    /// <summary>One term's BM25 share in one chunk, computed in bm25()'s order of operations.</summary>
    private double Weight(double idf, int posting, int chunk)
    {
        var frequency = (double)(posting & TfMask);
        var length = (double)_lengths[chunk];
        return idf * ((frequency * (K1 + 1.0)) / (frequency + K1 * (1 - B + B * length / _averageLength)));
    }

    private static void Offer(PriorityQueue<int, (double Score, int Chunk)> best, int chunk, double score, int limit)
    {
        var key = (score, chunk);
        if (best.Count < limit) best.Enqueue(chunk, key);
        else if (best.TryPeek(out _, out var worst) && WorstFirst.Instance.Compare(key, worst) > 0) best.EnqueueDequeue(chunk, key);
    }

    /// <summary>The stem of <paramref name="word"/> when the library's text holds the word as written (lower case) and the tokenizer makes one term of it.</summary>
    public bool TryStem(string word, out string stem)
    {
        stem = "";
        if (!_pieces.TryGetValue(word, out var stems) || stems.Length != 1) return false;
        stem = stems[0];
        return true;
    }

    private readonly Dictionary<string, string[]> _pieces = new(StringComparer.Ordinal);

    /// <summary>Per-query score arrays, kept zeroed between queries (only the chunks a query touched are cleared).</summary>
    private readonly System.Collections.Concurrent.ConcurrentBag<Scratch> _scratch = [];

    private sealed class Scratch(int chunks)
    {
        public readonly double[] Scores = new double[chunks];
        public readonly byte[] Matched = new byte[chunks];
        public readonly List<int> Touched = [];

        public void Clear()
        {
            foreach (var chunk in Touched) (Scores[chunk], Matched[chunk]) = (0, 0);
            Touched.Clear();
        }
    }

    // A posting is a chunk's index shifted left by TfBits, or'ed with the term's count in it (capped: see Build).
    private const int TfBits = 10;
    private const int TfMask = (1 << TfBits) - 1;

    /// <summary>
    /// Reads the library (one read transaction, so one version) and builds its index; null when the library has fewer than
    /// <paramref name="minChunks"/> chunks, or when the terms read do not agree with FTS5's vocabulary (<paramref name="vocabulary"/>).
    /// </summary>
    public static async Task<LexicalIndex?> BuildAsync(SqliteConnection connection, TermFrequencies vocabulary, int minChunks, CancellationToken ct)
    {
        // Deferred: a read transaction (one snapshot, so one version) that never holds the write lock; BEGIN does no I/O.
        await using var transaction = connection.BeginTransaction(deferred: true);
        var (rows, tokens) = await TotalsAsync(connection, transaction, ct).ConfigureAwait(false);
        if (rows == 0 || rows < minChunks || rows >= 1 << (31 - TfBits)) return null;

        // First pass: the distinct pieces of text, stemmed by SQLite in one batch.
        var pieces = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = pieces.GetAlternateLookup<ReadOnlySpan<char>>();
        await foreach (var (_, text) in ChunksAsync(connection, transaction, ct).ConfigureAwait(false))
            foreach (var range in Pieces(text))
                if (!lookup.ContainsKey(text.AsSpan(range))) lookup[text.AsSpan(range)] = pieces.Count;
        var stemsOfPiece = await StemAsync(connection, transaction, pieces, ct).ConfigureAwait(false);

        var terms = new Dictionary<string, int>(StringComparer.Ordinal);
        var termsOfPiece = new int[stemsOfPiece.Length][];
        for (var p = 0; p < stemsOfPiece.Length; p++)
        {
            termsOfPiece[p] = new int[stemsOfPiece[p].Length];
            for (var s = 0; s < stemsOfPiece[p].Length; s++)
            {
                if (!terms.TryGetValue(stemsOfPiece[p][s], out var id)) terms[stemsOfPiece[p][s]] = id = terms.Count;
                termsOfPiece[p][s] = id;
            }
        }

        // Second pass: postings in chunk order, and each chunk's length in tokens.
        var postings = new List<int>[terms.Count];
        for (var t = 0; t < postings.Length; t++) postings[t] = [];
        var rowids = new List<long>((int)rows);
        var lengths = new List<int>((int)rows);
        var count = new int[terms.Count];
        var seen = new List<int>();
        await foreach (var (id, text) in ChunksAsync(connection, transaction, ct).ConfigureAwait(false))
        {
            var chunk = rowids.Count;
            var length = 0;
            foreach (var range in Pieces(text))
            {
                foreach (var term in termsOfPiece[lookup[text.AsSpan(range)]])
                {
                    if (count[term]++ == 0) seen.Add(term);
                    length++;
                }
            }
            foreach (var term in seen)
            {
                // A term more often in one chunk than the cap (a thousand times) is not something an index of a few
                // hundred words a chunk holds: give up rather than rank it wrong.
                if (count[term] > TfMask) return null;
                postings[term].Add(chunk << TfBits | count[term]);
                count[term] = 0;
            }
            seen.Clear();
            rowids.Add(id);
            lengths.Add(length);
        }
        if (rowids.Count != rows || lengths.Sum(l => (long)l) != tokens) return null;
        foreach (var (term, id) in terms)
            if (vocabulary.Count(term) != postings[id].Count) return null;
        foreach (var (term, chunks) in vocabulary.Entries)
            if (chunks > 0 && !terms.ContainsKey(term)) return null;

        var index = new LexicalIndex([.. rowids], [.. lengths], terms, postings.Select(p => p.ToArray()).ToArray(), rows, tokens);
        foreach (var (piece, p) in pieces)
        {
            index._pieces[piece] = stemsOfPiece[p];
            // Queries are lower-cased, and names are written capitalised: "Ahab" must be found as "ahab", or every query
            // naming a character goes to FTS5. unicode61 folds ASCII letters exactly as ToLowerInvariant does, so an
            // ASCII piece and its lower-case form have the same stems; other pieces are kept only as written.
            if (Ascii.IsValid(piece) && piece.AsSpan().ContainsAnyInRange('A', 'Z'))
                index._pieces.TryAdd(piece.ToLowerInvariant(), stemsOfPiece[p]);
        }
        return index;
    }

    /// <summary>The rows and tokens FTS5 counts (its averages record: two varints), from which bm25() takes N and the average length.</summary>
    private static async Task<(long Rows, long Tokens)> TotalsAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT block FROM chunks_fts_data WHERE id = 1";
        if (await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is not byte[] block) return (0, 0);
        var offset = 0;
        var rows = Varint(block, ref offset);
        var tokens = Varint(block, ref offset);
        return (rows, tokens);
    }

    /// <summary>SQLite's varint: big-endian groups of 7 bits, the high bit set on all but the last; a ninth byte gives 8 bits.</summary>
    private static long Varint(byte[] data, ref int offset)
    {
        long value = 0;
        for (var i = 0; i < 9 && offset < data.Length; i++)
        {
            var b = data[offset++];
            if (i == 8) return value << 8 | b;
            value = value << 7 | (long)(b & 0x7F);
            if ((b & 0x80) == 0) return value;
        }
        return value;
    }

    private static async IAsyncEnumerable<(long Id, string Text)> ChunksAsync(SqliteConnection connection, SqliteTransaction transaction,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT id, text FROM chunks ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false)) yield return (reader.GetInt64(0), reader.GetString(1));
    }

    /// <summary>The stems SQLite's tokenizer makes of each piece, in order (none for a piece it reads as separators only).</summary>
    private static async Task<string[][]> StemAsync(SqliteConnection connection, SqliteTransaction transaction, Dictionary<string, int> pieces, CancellationToken ct)
    {
        await using (var setup = connection.CreateCommand())
        {
            setup.Transaction = transaction;
            setup.CommandText = $"""
                CREATE VIRTUAL TABLE IF NOT EXISTS temp.index_pieces USING fts5(text, tokenize='{TermFrequencies.Tokenizer}');
                CREATE VIRTUAL TABLE IF NOT EXISTS temp.index_stems USING fts5vocab(temp, 'index_pieces', 'instance');
                DELETE FROM temp.index_pieces;
                """;
            await setup.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO temp.index_pieces(rowid, text) VALUES ($row, $text)";
            var row = insert.Parameters.Add("$row", SqliteType.Integer);
            var text = insert.Parameters.Add("$text", SqliteType.Text);
            foreach (var (piece, id) in pieces)
            {
                (row.Value, text.Value) = (id, piece);
                await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
        }
        var stems = new List<(int Offset, string Stem)>[pieces.Count];
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT doc, offset, term FROM temp.index_stems";
            await using var reader = await read.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
                (stems[reader.GetInt32(0)] ??= []).Add((reader.GetInt32(1), reader.GetString(2)));
        }
        await using (var clear = connection.CreateCommand())
        {
            clear.Transaction = transaction;
            clear.CommandText = "DELETE FROM temp.index_pieces";
            await clear.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        return stems.Select(s => s is null ? [] : s.OrderBy(x => x.Offset).Select(x => x.Stem).ToArray()).ToArray();
    }

    /// <summary>The runs of characters unicode61 may keep together: letters, marks, numbers, private-use, surrogates and unassigned.</summary>
    private static List<Range> Pieces(string text)
    {
        var pieces = new List<Range>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && IsTokenCharacter(text[i]))
            {
                if (start < 0) start = i;
            }
            else if (start >= 0)
            {
                pieces.Add(start..i);
                start = -1;
            }
        }
        return pieces;
    }

    private static bool IsTokenCharacter(char c)
    {
        if (c < 128) return char.IsAsciiLetterOrDigit(c);
        return CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Control
                or UnicodeCategory.Format or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
                or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
                or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation or UnicodeCategory.MathSymbol
                or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol => false,
            _ => true,
        };
    }

    /// <summary>Orders the heap so its top is the worst kept chunk: lower score first, then the higher id (ties favour lower ids).</summary>
    private sealed class WorstFirst : IComparer<(double Score, int Chunk)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((double Score, int Chunk) x, (double Score, int Chunk) y)
        {
            var byScore = x.Score.CompareTo(y.Score);
            return byScore != 0 ? byScore : y.Chunk.CompareTo(x.Chunk);
        }
    }
}
