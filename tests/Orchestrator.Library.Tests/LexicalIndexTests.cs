using Microsoft.Data.Sqlite;
using Orchestrator.Library.Search;
using Orchestrator.Manuscripts.Loading;

namespace Orchestrator.Library.Tests;

/// <summary>
/// The in-memory index ranks exactly as FTS5 does: the same library opened twice, once searched by FTS5 alone and once
/// by the index, gives the same chunks in the same order with the same BM25 scores, for damaged sentences of the books,
/// queries of common words only (the plan's AND of the two rarest, then the rarest alone), function words only, and
/// ties (a document added twice under two names with one line changed, so most of its chunks are there twice).
/// </summary>
[TestFixture]
public sealed class LexicalIndexTests
{
    [Test]
    public async Task The_in_memory_index_ranks_as_fts5_does_on_real_text()
    {
        using var folder = new TempFolder();
        var path = folder.Library("books");
        await using (var library = await LibraryStore.OpenAsync("books", path, new LibraryOptions { Create = true }, CancellationToken.None))
        {
            await library.AddAsync(Corpus.PathOf(Corpus.PrideAndPrejudice), CancellationToken.None);
            await library.AddAsync(Corpus.PathOf(Corpus.Frankenstein), CancellationToken.None);
            var copy = Path.Combine(folder.Path, "frankenstein-again.txt");
            await File.WriteAllTextAsync(copy, await File.ReadAllTextAsync(Corpus.PathOf(Corpus.Frankenstein)) + "\n\nA line added at the end.\n");
            await library.AddAsync(copy, CancellationToken.None);
        }
        await using var fts5 = await LibraryStore.OpenAsync("books", path, new LibraryOptions { InMemoryIndexMinChunks = int.MaxValue }, CancellationToken.None);
        await using var memory = await LibraryStore.OpenAsync("books", path, new LibraryOptions { InMemoryIndexMinChunks = 1 }, CancellationToken.None);
        await memory.PrepareSearchAsync(CancellationToken.None);
        Assert.That(await memory.SearchesInMemoryAsync(CancellationToken.None), Is.True, "the index of this library agrees with FTS5's vocabulary");
        Assert.That(await fts5.SearchesInMemoryAsync(CancellationToken.None), Is.False);

        var queries = new List<string>
        {
            "Elizabeth Darcy Pemberley", "the monster and Victor", "letter", "said she was much", "man time good great", "at us, as if we were but a",
            "so that he could take it in. He said", "and the of", "whale harpoon Ahab", "Frankenstein's creature wandered through the Alps",
        };
        var document = await ManuscriptLoader.LoadAsync(Corpus.PathOf(Corpus.PrideAndPrejudice), CancellationToken.None);
        var random = new Random(14);
        while (queries.Count < 200)
        {
            var sentence = document.Sentences[random.Next(document.Sentences.Length)];
            if (sentence.WordCount < 6) continue;
            var words = Enumerable.Range(sentence.FirstWord, sentence.WordCount).Select(w => document.WordText(w).ToString()).ToList();
            words.RemoveAt(random.Next(words.Count));
            queries.Add(string.Join(' ', words));
        }

        var compared = 0;
        foreach (var query in queries)
        {
            var expected = await fts5.SearchAsync(query, 10, CancellationToken.None);
            var actual = await memory.SearchAsync(query, 10, CancellationToken.None);
            Assert.That(actual.Select(p => p.ChunkId), Is.EqualTo(expected.Select(p => p.ChunkId)), query);
            Assert.That(actual.Select(p => p.Score), Is.EqualTo(expected.Select(p => p.Score)).Within(1e-9), query);
            if (expected.Count > 0) compared++;
        }
        Assert.That(compared, Is.GreaterThan(190), "nearly every query finds something");
    }

    [Test]
    public async Task Names_written_capitalised_are_known_to_the_index_lower_cased()
    {
        // Queries are lower-cased. Were "Elizabeth" (never written lower case in the book) unknown to the index as
        // "elizabeth", every query naming a character would be sent to FTS5, ten times slower at the tail.
        using var folder = new TempFolder();
        var path = folder.Library("books");
        await using (var library = await LibraryStore.OpenAsync("books", path, new LibraryOptions { Create = true }, CancellationToken.None))
            await library.AddAsync(Corpus.PathOf(Corpus.PrideAndPrejudice), CancellationToken.None);
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        var index = await LexicalIndex.BuildAsync(connection, await TermFrequencies.ReadAsync(connection, CancellationToken.None), 1, CancellationToken.None);
        Assert.That(index, Is.Not.Null);

        Assert.That(index!.TryStem("elizabeth", out var elizabeth), Is.True);
        Assert.That(elizabeth, Is.EqualTo("elizabeth"));
        Assert.That(index.TryStem("pemberley", out var pemberley), Is.True);
        Assert.That(index.DocumentFrequency(pemberley), Is.GreaterThan(10));
        // The porter stem of a capitalised word is the stem of its lower-case form.
        Assert.That(index.TryStem("darcy", out var darcy) && darcy == "darci", Is.True, darcy);
        // Only forms the text holds: a word the library never uses is still unknown (and goes to FTS5).
        Assert.That(index.TryStem("frankenstein", out _), Is.False);
    }

    [Test]
    public async Task Two_terms_joined_by_and_rank_as_fts5_ranks_them()
    {
        // The plan joins the two rarest words by AND only in a library where even they are in thousands of chunks; the
        // index then merges the two posting lists. Here it is checked on common words of a small library, directly.
        using var folder = new TempFolder();
        var path = folder.Library("books");
        await using (var library = await LibraryStore.OpenAsync("books", path, new LibraryOptions { Create = true }, CancellationToken.None))
        {
            await library.AddAsync(Corpus.PathOf(Corpus.PrideAndPrejudice), CancellationToken.None);
            await library.AddAsync(Corpus.PathOf(Corpus.Frankenstein), CancellationToken.None);
        }
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        var index = await LexicalIndex.BuildAsync(connection, await TermFrequencies.ReadAsync(connection, CancellationToken.None), 1, CancellationToken.None);
        Assert.That(index, Is.Not.Null);

        var pairs = new[] { ("great", "time"), ("elizabeth", "darci"), ("man", "good"), ("father", "life"), ("letter", "sister"), ("time", "great") };
        foreach (var (first, second) in pairs)
        {
            var expected = new List<(long Id, double Score)>();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT rowid, rank FROM chunks_fts WHERE chunks_fts MATCH $match ORDER BY rank LIMIT 10";
                command.Parameters.AddWithValue("$match", $"\"{first}\" AND \"{second}\"");
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync()) expected.Add((reader.GetInt64(0), -reader.GetDouble(1)));
            }
            var actual = index!.Search([first, second], all: true, 10);
            Assert.That(expected, Has.Count.EqualTo(10), $"{first} AND {second} is in many chunks");
            Assert.That(actual.Select(h => h.Id), Is.EqualTo(expected.Select(h => h.Id)), $"{first} AND {second}");
            Assert.That(actual.Select(h => h.Score), Is.EqualTo(expected.Select(h => h.Score)).Within(1e-9), $"{first} AND {second}");
        }
    }
}
