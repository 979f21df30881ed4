using Orchestrator.Llm.Models;

namespace Orchestrator.Llm.Tests;

public class GgufReaderTests
{
    private string _scratch = "";

    [SetUp]
    public void SetUp() => _scratch = Directory.CreateTempSubdirectory("gguf-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_scratch, recursive: true);

    [Test]
    public void Reads_the_facts_of_stories260K()
    {
        var facts = GgufReader.Read(TestModels.PathOf(TestModels.Stories));
        Assert.Multiple(() =>
        {
            Assert.That(facts.Version, Is.EqualTo(3));
            Assert.That(facts.Architecture, Is.EqualTo("llama"));
            Assert.That(facts.TrainedContext, Is.EqualTo(2048));
            Assert.That(facts.Layers, Is.EqualTo(5));
            Assert.That(facts.EmbeddingLength, Is.EqualTo(64));
            Assert.That(facts.Heads, Is.EqualTo(8));
            Assert.That(facts.KeyValueHeads, Is.EqualTo(4));
            Assert.That(facts.VocabularySize, Is.EqualTo(512));
            Assert.That(facts.FileLength, Is.EqualTo(1_185_376));
            Assert.That(facts.DataEnd, Is.LessThanOrEqualTo(facts.FileLength).And.GreaterThan(facts.FileLength - 64));
        });
    }

    [Test]
    public void Reads_the_facts_of_the_second_architecture()
    {
        var facts = GgufReader.Read(TestModels.PathOf(TestModels.TinyRandom));
        Assert.Multiple(() =>
        {
            Assert.That(facts.VocabularySize, Is.EqualTo(32_000));
            Assert.That(facts.TrainedContext, Is.EqualTo(4096));
            Assert.That(facts.EmbeddingLength, Is.EqualTo(8));
            Assert.That(facts.Layers, Is.EqualTo(1));
        });
    }

    [Test]
    public void A_missing_file_is_named()
    {
        var path = Path.Combine(_scratch, "nowhere.gguf");
        var error = Assert.Throws<ModelFileException>(() => GgufReader.Read(path))!;
        Assert.That(error.Message, Is.EqualTo($"model file '{path}': does not exist"));
    }

    [Test]
    public void A_file_that_is_not_GGUF_is_refused()
    {
        var path = Path.Combine(_scratch, "notes.gguf");
        File.WriteAllText(path, "These are my notes, not a model.");
        var error = Assert.Throws<ModelFileException>(() => GgufReader.Read(path))!;
        Assert.That(error.Message, Does.Contain(path).And.Contain("is not a GGUF model"));
    }

    [TestCase(0.5)]
    [TestCase(0.999)]
    [TestCase(0.0005)]
    public void A_truncated_file_is_refused(double keep)
    {
        var bytes = File.ReadAllBytes(TestModels.PathOf(TestModels.Stories));
        var path = Path.Combine(_scratch, "cut.gguf");
        File.WriteAllBytes(path, bytes[..(int)(bytes.Length * keep)]);
        var error = Assert.Throws<ModelFileException>(() => GgufReader.Read(path))!;
        Assert.That(error.Message, Does.Contain(path).And.Contain("truncated"));
    }

    [Test]
    public void A_corrupt_header_is_refused()
    {
        var bytes = File.ReadAllBytes(TestModels.PathOf(TestModels.Stories));
        BitConverter.GetBytes(long.MaxValue).CopyTo(bytes, 8); // tensor count
        var path = Path.Combine(_scratch, "corrupt.gguf");
        File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<ModelFileException>(() => GgufReader.Read(path))!;
        Assert.That(error.Message, Does.Contain(path).And.Contain("corrupt"));
    }
}
