using System.Collections.Concurrent;
using Orchestrator.Manuscripts.Loading;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Tests;

/// <summary>
/// The development corpus (four Gutenberg novels) in <c>shared/corpus</c>, a sibling of the repository:
/// found by walking up from the test's base directory, or named by <c>ORCHESTRATOR_CORPUS</c>. When it is
/// missing, corpus tests are ignored locally and fail on CI (<c>CI=true</c>).
/// </summary>
internal static class Corpus
{
    public const string Alice = "carroll-alices-adventures-in-wonderland.txt";
    public const string Frankenstein = "shelley-frankenstein.txt";
    public const string PrideAndPrejudice = "austen-pride-and-prejudice.txt";
    public const string MobyDick = "melville-moby-dick.txt";

    private static readonly Lazy<string?> Root = new(Find);
    private static readonly ConcurrentDictionary<string, Lazy<ManuscriptDocument>> Documents = new();

    /// <summary>The corpus folder, or null when it cannot be found.</summary>
    public static string? Directory => Root.Value;

    /// <summary>Full path of a corpus file; ignores (or on CI fails) the test when the corpus is missing.</summary>
    public static string PathOf(string fileName)
    {
        var root = Root.Value;
        if (root is null)
        {
            const string message = "The development corpus was not found: expected a shared/corpus folder next to the repository "
                + "(walking up from the test directory), or ORCHESTRATOR_CORPUS set to its path.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                Assert.Fail(message);
            Assert.Ignore(message);
        }
        return Path.Combine(root!, fileName);
    }

    /// <summary>The loaded and indexed corpus book, loaded once per test run.</summary>
    public static ManuscriptDocument Load(string fileName)
    {
        var path = PathOf(fileName);
        return Documents.GetOrAdd(path, p => new Lazy<ManuscriptDocument>(
            () => ManuscriptLoader.LoadAsync(p, CancellationToken.None).GetAwaiter().GetResult())).Value;
    }

    private static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("ORCHESTRATOR_CORPUS");
        if (!string.IsNullOrEmpty(configured))
            return System.IO.Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus");
            if (System.IO.Directory.Exists(candidate))
                return candidate;
        }
        return null;
    }
}
