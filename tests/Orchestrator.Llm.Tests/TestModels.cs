using Orchestrator.Llm.Llama;
using Orchestrator.Llm.Models;

namespace Orchestrator.Llm.Tests;

/// <summary>
/// The real GGUF models in <c>shared/models</c> (found by walking up from the test directory): the tests fail with a
/// clear message when they are missing and <c>CI=true</c>, and are ignored otherwise.
/// </summary>
internal static class TestModels
{
    public const string Stories = "stories260K.gguf";
    public const string TinyRandom = "llama-2-tiny-random.gguf";

    private static readonly Lazy<string?> Root = new(Find);

    public static string PathOf(string fileName)
    {
        var path = Root.Value is { } root ? Path.Combine(root, fileName) : null;
        if (path is null || !File.Exists(path))
        {
            var message = $"The test model {fileName} was not found: expected it in a shared/models folder next to the repository (walking up from the test directory).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                Assert.Fail(message);
            Assert.Ignore(message);
        }
        return path!;
    }

    /// <summary>Settings for a test model: one thread (the machine is shared) and a small context.</summary>
    public static ModelSettings Settings(string fileName, int contextSize = 1024) =>
        new() { Name = "test", Path = PathOf(fileName), ContextSize = contextSize, Threads = 1, BatchSize = 256, Seed = 7 };

    public static LlamaModels Host(string fileName, int contextSize = 1024) =>
        new(new ModelCatalog([Settings(fileName, contextSize)]));

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "models");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}
