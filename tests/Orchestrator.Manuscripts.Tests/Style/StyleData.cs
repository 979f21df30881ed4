namespace Orchestrator.Manuscripts.Tests.Style;

/// <summary>
/// The style test data in <c>Style/Data</c>, read from the source tree (found by walking up from the test
/// directory), so the fixtures are not copied into the build output.
/// </summary>
internal static class StyleData
{
    private const string Folder = "tests/Orchestrator.Manuscripts.Tests/Style/Data";

    public static string PathOf(string fileName)
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, Folder, fileName);
            if (File.Exists(candidate)) return candidate;
        }
        Assert.Fail($"{Folder}/{fileName} was not found above {TestContext.CurrentContext.TestDirectory}");
        return "";
    }

    /// <summary>The CMUdict fixture: rank, word, every syllable count CMUdict gives it.</summary>
    public static IReadOnlyList<(int Rank, string Word, int[] Counts)> CmuSyllables() =>
        File.ReadLines(PathOf("cmudict-syllables.tsv"))
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split('\t'))
            .Select(f => (int.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture), f[1],
                f[2].Split(',').Select(c => int.Parse(c, System.Globalization.CultureInfo.InvariantCulture)).ToArray()))
            .ToArray();
}
