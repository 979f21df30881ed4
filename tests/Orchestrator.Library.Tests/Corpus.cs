namespace Orchestrator.Library.Tests;

/// <summary>
/// The development corpus in <c>shared/corpus</c>, a sibling of the repository, found by walking up from the test's
/// base directory (or named by <c>ORCHESTRATOR_CORPUS</c>). Missing: corpus tests are ignored locally and fail on CI.
/// </summary>
internal static class Corpus
{
    public const string PrideAndPrejudice = "austen-pride-and-prejudice.txt";
    public const string Frankenstein = "shelley-frankenstein.txt";
    public const string MobyDick = "melville-moby-dick.txt";

    private static readonly Lazy<string?> Root = new(Find);

    public static string PathOf(string fileName)
    {
        if (Root.Value is not { } root)
        {
            const string message = "The development corpus was not found: expected a shared/corpus folder next to the repository, or ORCHESTRATOR_CORPUS.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) Assert.Fail(message);
            Assert.Ignore(message);
            return "";
        }
        return Path.Combine(root, fileName);
    }

    private static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("ORCHESTRATOR_CORPUS");
        if (!string.IsNullOrEmpty(configured)) return Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}
