namespace Orchestrator.Bench;

/// <summary>
/// Finds the development corpus for benchmarks: the folder named by <c>ORCHESTRATOR_CORPUS</c>, else
/// <c>shared/corpus</c> found by walking up from the working directory or the benchmark's base directory.
/// </summary>
internal static class BenchCorpus
{
    public const string PrideAndPrejudice = "austen-pride-and-prejudice.txt";
    public const string MobyDick = "melville-moby-dick.txt";

    public static string PathOf(string fileName) => Path.Combine(Folder(fileName), fileName);

    private static string Folder(string fileName)
    {
        var configured = Environment.GetEnvironmentVariable("ORCHESTRATOR_CORPUS");
        if (!string.IsNullOrEmpty(configured)) return configured;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "corpus");
                if (File.Exists(Path.Combine(candidate, fileName))) return candidate;
            }
        throw new DirectoryNotFoundException(
            $"Could not find shared/corpus/{fileName} above {Directory.GetCurrentDirectory()}; set ORCHESTRATOR_CORPUS to the corpus folder.");
    }
}
