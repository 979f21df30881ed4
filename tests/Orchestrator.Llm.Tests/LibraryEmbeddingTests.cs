using System.Numerics.Tensors;
using System.Text.Json;
using Orchestrator.Cli.Tests;
using Orchestrator.Library;
using Orchestrator.Llm.Embeddings;
using Orchestrator.Llm.Llama;
using Orchestrator.Llm.Models;

namespace Orchestrator.Llm.Tests;

/// <summary>
/// The reference library with real embeddings: LLamaSharp's embedder on stories260K (64 dimensions, mean pooling)
/// through <c>IEmbeddingGenerator</c>. The plumbing is asserted (dimensions, model id, fusion, determinism, one model's
/// vectors per library), not the quality of a 260K-parameter model.
/// </summary>
public class LibraryEmbeddingTests
{
    private const string StoriesId = "stories260K.gguf sha256:270cba1bd510";
    private const string Query = "the engineer and his two generators";

    private string _scratch = "";

    [SetUp]
    public void SetUp() => _scratch = Directory.CreateTempSubdirectory("library-embeddings-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_scratch, recursive: true);

    [Test]
    public async Task The_embedder_names_its_model_by_file_and_hash_and_gives_the_same_64_floats_twice()
    {
        await using var models = TestModels.Host(TestModels.Stories);
        using var embedder = models.Embedder(null);

        var first = await embedder.GenerateAsync(["Maren climbed the steps of the light.", "The ferry was late."]);
        var again = await embedder.GenerateAsync(["Maren climbed the steps of the light."]);

        Assert.Multiple(() =>
        {
            Assert.That(((LlamaEmbeddingGenerator)embedder).ModelId, Is.EqualTo(StoriesId));
            Assert.That(first, Has.Count.EqualTo(2));
            Assert.That(first[0].Vector.Length, Is.EqualTo(64), "stories260K's n_embd");
            Assert.That(first[0].Vector.ToArray(), Has.Some.Not.EqualTo(0f));
            Assert.That(again[0].Vector.ToArray(), Is.EqualTo(first[0].Vector.ToArray()), "deterministic");
            Assert.That(TensorPrimitives.CosineSimilarity(first[0].Vector.Span, first[1].Vector.Span), Is.LessThan(0.9999f), "two texts, two vectors");
            Assert.That(models.Loads, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_library_embedded_by_the_model_fuses_cosine_with_bm25_deterministically()
    {
        await using var models = TestModels.Host(TestModels.Stories);
        await using var library = await OpenAsync(models.Embedder(null), create: true);
        await library.AddAsync(CliProcess.Sample, CancellationToken.None);
        var lexicalOnly = await OpenAsync(null);

        var document = (await library.ListAsync(CancellationToken.None)).Single();
        var fused = await library.SearchAsync(Query, 5, CancellationToken.None);
        var fusedAgain = await library.SearchAsync(Query, 5, CancellationToken.None);
        var lexical = await lexicalOnly.SearchAsync(Query, 5, CancellationToken.None);
        await lexicalOnly.DisposeAsync();
        var model = await library.EmbeddingModelAsync(CancellationToken.None);
        var note = await library.VectorNoteAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(library.LastEmbedding, Is.EqualTo(new Orchestrator.Library.Embeddings.EmbeddingRun(StoriesId, document.Chunks, null)));
            Assert.That(document.EmbeddedChunks, Is.EqualTo(document.Chunks).And.GreaterThan(3));
            Assert.That(model, Is.EqualTo(StoriesId));
            Assert.That(note, Is.Null, "every chunk has a vector of this model");
            Assert.That(fusedAgain.Select(h => (h.ChunkId, h.Score)), Is.EqualTo(fused.Select(h => (h.ChunkId, h.Score))));
            // Reciprocal-rank scores: at most 2/61, and the best hit is in both rankings (above any one-list score).
            Assert.That(fused[0].Score, Is.GreaterThan(1.0 / 61).And.LessThanOrEqualTo(2.0 / 61));
            Assert.That(lexical[0].Score, Is.GreaterThan(1.0), "lexical-only scores are BM25, not fused ranks");
            Assert.That(fused.Select(h => h.Text), Has.Some.Contains("Tomas Reyne"));
        });
    }

    [Test]
    public async Task Another_model_s_vectors_are_never_compared_a_search_says_so_and_an_add_replaces_them()
    {
        await using var models = TestModels.Host(TestModels.Stories);
        await using (var library = await OpenAsync(models.Embedder(null), create: true))
            await library.AddAsync(CliProcess.Sample, CancellationToken.None);
        await using var other = TestModels.Host(TestModels.TinyRandom);
        var otherId = ((LlamaEmbeddingGenerator)other.Embedder(null)).ModelId;
        await using var lexicalOnly = await OpenAsync(null);
        await using var mismatched = await OpenAsync(other.Embedder(null));

        var note = await mismatched.VectorNoteAsync(CancellationToken.None);
        var hits = await mismatched.SearchAsync(Query, 5, CancellationToken.None);
        var lexical = await lexicalOnly.SearchAsync(Query, 5, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(otherId, Does.StartWith("llama-2-tiny-random.gguf sha256:81f226c62d28"));
            Assert.That(note, Is.EqualTo($"library series holds embeddings of model '{StoriesId}', not of '{otherId}': searched lexically only " +
                "(library add series <files> with this model re-embeds it)"));
            Assert.That(hits.Select(h => (h.ChunkId, h.Score)), Is.EqualTo(lexical.Select(h => (h.ChunkId, h.Score))), "lexical ranking only");
            Assert.That(other.Loads, Is.Zero, "no query vector was made for vectors it cannot be compared with");
        });

        await mismatched.AddAsync(CliProcess.Sample, CancellationToken.None);
        var document = (await mismatched.ListAsync(CancellationToken.None)).Single();
        var model = await mismatched.EmbeddingModelAsync(CancellationToken.None);
        var after = await mismatched.VectorNoteAsync(CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(mismatched.LastEmbedding, Is.EqualTo(new Orchestrator.Library.Embeddings.EmbeddingRun(otherId, document.Chunks, StoriesId)));
            Assert.That(document.EmbeddedChunks, Is.EqualTo(document.Chunks));
            Assert.That(model, Is.EqualTo(otherId));
            Assert.That(after, Is.Null);
        });
    }

    [Test]
    public async Task Library_verbs_embed_and_search_with_model_and_say_when_they_cannot()
    {
        using var cli = new CliProcess();
        var stories = TestModels.PathOf(TestModels.Stories);
        var add = await cli.RunAsync("library", "add", "series", CliProcess.Sample, "--model", stories);
        var search = await cli.RunAsync("library", "search", "series", Query, "--k", "3", "--format", "json", "--model", stories);
        var other = await cli.RunAsync("library", "search", "series", Query, "--k", "3", "--model", TestModels.PathOf(TestModels.TinyRandom));
        var list = await cli.RunAsync("library", "list", "--format", "json");

        Assert.Multiple(() =>
        {
            Assert.That(add.ExitCode, Is.Zero, add.ToString());
            Assert.That(add.Stderr, Does.Match($"embedded [0-9]+ chunk\\(s\\) with model '{StoriesId}'"));
            Assert.That(search.ExitCode, Is.Zero, search.ToString());
            Assert.That(search.Stderr, Does.Not.Contain("note:"));
            using var hits = JsonDocument.Parse(search.Stdout);
            Assert.That(hits.RootElement.GetArrayLength(), Is.EqualTo(3));
            Assert.That(hits.RootElement[0].GetProperty("score").GetDouble(), Is.GreaterThan(1.0 / 61).And.LessThanOrEqualTo(2.0 / 61), "fused");
            Assert.That(other.ExitCode, Is.Zero, other.ToString());
            Assert.That(other.Stderr, Does.Contain($"note: library series holds embeddings of model '{StoriesId}', not of 'llama-2-tiny-random.gguf sha256:"));
            Assert.That(list.Stdout, Does.Contain(StoriesId));
        });
    }

    private Task<LibraryStore> OpenAsync(Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>? embedder, bool create = false) =>
        LibraryStore.OpenAsync("series", LibraryLocation.PathOf(_scratch, "series"), new LibraryOptions { Create = create, Embeddings = embedder }, CancellationToken.None);
}
