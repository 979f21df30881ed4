using Orchestrator.Library.Search;

namespace Orchestrator.Library.Tests;

/// <summary>
/// The vector path with a deterministic hashing embedder (<see cref="HashingEmbedder"/>): vectors stored with their
/// dimension and model, exact cosine top-k, reciprocal-rank fusion, determinism. Quality is not asserted here: a real
/// model (LLamaSharp) comes with the llm branch.
/// </summary>
[TestFixture]
public sealed class VectorPlumbingTests
{
    [Test]
    public async Task Every_chunk_gets_a_vector_of_the_model_s_dimension_and_the_model_enters_the_version()
    {
        using var folder = new TempFolder();
        var embedder = new HashingEmbedder(dimensions: 64, modelId: "hashing-64");
        var path = folder.Library("series");
        string lexicalVersion;
        await using (var lexical = await LibraryStore.OpenAsync("series", path, new LibraryOptions { Create = true }, CancellationToken.None))
        {
            await lexical.AddAsync(Corpus.PathOf(Corpus.Frankenstein), CancellationToken.None);
            lexicalVersion = lexical.Version;
            Assert.That((await lexical.ListAsync(CancellationToken.None)).Single().EmbeddedChunks, Is.Zero);
        }
        await using var library = await LibraryStore.OpenAsync("series", path, new LibraryOptions { Embeddings = embedder }, CancellationToken.None);
        var again = await library.AddAsync(Corpus.PathOf(Corpus.Frankenstein), CancellationToken.None);

        var document = (await library.ListAsync(CancellationToken.None)).Single();
        Assert.That(again.Single().Outcome, Is.EqualTo(AddOutcome.Unchanged));
        Assert.That(document.EmbeddedChunks, Is.EqualTo(document.Chunks), "an add with a model embeds the chunks added without one");
        Assert.That(await library.EmbeddingModelAsync(CancellationToken.None), Is.EqualTo("hashing-64"));
        Assert.That(library.Version, Is.Not.EqualTo(lexicalVersion));
        Assert.That(embedder.Calls, Is.EqualTo((document.Chunks + 31) / 32), "batches of 32");
    }

    [Test]
    public async Task Hybrid_search_is_deterministic_and_fuses_both_rankings()
    {
        using var folder = new TempFolder();
        var embedder = new HashingEmbedder();
        await using var library = await LibraryStore.OpenAsync("series", folder.Library("series"), new LibraryOptions { Create = true, Embeddings = embedder },
            CancellationToken.None);
        await library.AddAsync(Corpus.PathOf(Corpus.Frankenstein), CancellationToken.None);

        const string query = "the creature watched the cottagers through a chink in the wall";
        var first = await library.SearchAsync(query, 10, CancellationToken.None);
        var second = await library.SearchAsync(query, 10, CancellationToken.None);

        Assert.That(first, Has.Count.EqualTo(10));
        Assert.That(second.Select(h => (h.ChunkId, h.Score)), Is.EqualTo(first.Select(h => (h.ChunkId, h.Score))));
        // Fused scores are sums of 1/(60 + rank): at most 2/61, and a hit in both lists outranks any hit of one.
        Assert.That(first.Max(h => h.Score), Is.LessThanOrEqualTo(2.0 / 61));
        Assert.That(first[0].Score, Is.GreaterThan(1.0 / 61), "the best hit is in both rankings");
        Assert.That(first.Select(h => h.Score), Is.Ordered.Descending);
    }

    [Test]
    public void Exact_cosine_top_k_equals_a_brute_force_ranking()
    {
        const int rows = 2000, dimensions = 384;
        var random = new Random(7);
        var matrix = new float[rows * dimensions];
        for (var i = 0; i < matrix.Length; i++) matrix[i] = (float)(random.NextDouble() * 2 - 1);
        var copy = (float[])matrix.Clone();
        var ids = Enumerable.Range(0, rows).Select(i => (long)(i + 1000)).ToArray();
        var index = VectorIndex.Build(ids, matrix, dimensions);
        var query = Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();

        var top = index.Search(query, 10);

        var expected = Enumerable.Range(0, rows)
            .Select(r => (Id: ids[r], Cosine: Cosine(copy.AsSpan(r * dimensions, dimensions), query)))
            .OrderByDescending(p => p.Cosine).Take(10).ToArray();
        Assert.That(top.Select(t => t.Id), Is.EqualTo(expected.Select(e => e.Id)));
        for (var i = 0; i < 10; i++) Assert.That(top[i].Cosine, Is.EqualTo(expected[i].Cosine).Within(1e-4));
        var self = index.Search(copy.AsSpan(5 * dimensions, dimensions), 1).Single();
        Assert.That(self.Id, Is.EqualTo(1005L), "a stored vector is its own nearest");
        Assert.That(self.Cosine, Is.EqualTo(1f).Within(1e-5), "at cosine 1");
    }

    [Test]
    public void Reciprocal_rank_fusion_sums_one_over_sixty_plus_rank()
    {
        var fused = RankFusion.Fuse(lexical: [1, 2, 3], vector: [3, 4, 1], take: 10);

        Assert.That(fused.Select(f => f.Id), Is.EqualTo(new long[] { 1, 3, 2, 4 }));
        Assert.That(fused[0].Score, Is.EqualTo(1.0 / 61 + 1.0 / 63).Within(1e-12));
        Assert.That(fused[1].Score, Is.EqualTo(1.0 / 63 + 1.0 / 61).Within(1e-12), "a tie keeps the lexical order");
        Assert.That(fused[2].Score, Is.EqualTo(1.0 / 62).Within(1e-12));
        Assert.That(fused[3].Score, Is.EqualTo(1.0 / 62).Within(1e-12));
    }

    [Test]
    public async Task Another_model_re_embeds_the_library()
    {
        using var folder = new TempFolder();
        var path = folder.Library("series");
        var file = folder.Write("notes.md", "Elinor Vance keeps the Skellan light. The ferry runs twice a week.");
        await using (var first = await LibraryStore.OpenAsync("series", path, new LibraryOptions { Create = true, Embeddings = new HashingEmbedder(32, "a") }, CancellationToken.None))
            await first.AddAsync(file, CancellationToken.None);
        await using var second = await LibraryStore.OpenAsync("series", path, new LibraryOptions { Embeddings = new HashingEmbedder(48, "b") }, CancellationToken.None);
        await second.AddAsync(file, CancellationToken.None);

        Assert.That(await second.EmbeddingModelAsync(CancellationToken.None), Is.EqualTo("b"));
        Assert.That((await second.ListAsync(CancellationToken.None)).Single().EmbeddedChunks, Is.EqualTo(1));
        Assert.That((await second.SearchAsync("ferry", 1, CancellationToken.None)).Single().Text, Does.Contain("ferry"));
    }

    private static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b) =>
        System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(a, b);
}
