using Orchestrator.Engine.Dataflow;
using Orchestrator.Engine.Scripting;

namespace Orchestrator.Engine.Tests.Scripting;

/// <summary>What a domain adds to the globals (the novel domain adds Requirements and Manuscript).</summary>
public sealed class NovelLikeGlobals : RuleGlobals
{
    public RuleTestManuscript Manuscript { get; init; } = new("untitled", 0, 0);

    public IReadOnlyDictionary<string, string> Requirements { get; init; } = new Dictionary<string, string>();
}

public sealed record RuleTestManuscript(string Title, int Words, int Chapters);

internal static class RuleTestData
{
    public static RuleGlobals Globals(int iteration = 1, params string[] candidates) => new()
    {
        Iteration = iteration,
        Quality = 0.5,
        Scores = new Dictionary<string, double> { ["structure"] = 0.4, ["style"] = 0.7 },
        Nodes = new Dictionary<string, RuleNodeState>
        {
            ["structure"] = new(ActionStatus.Succeeded, 0.4, 1, null, TimeSpan.FromSeconds(2), new Dictionary<string, double>()),
            ["style"] = new(ActionStatus.Failed, null, 2, "timed out", TimeSpan.FromSeconds(30), new Dictionary<string, double>()),
            ["pacing"] = new(),
        },
        Candidates = candidates.Select((node, i) => new RuleCandidate(node, 1.0 - i * 0.1, "ready", 1)).ToList(),
        QualityHistory = [0.3, 0.5],
        Elapsed = TimeSpan.FromSeconds(12),
    };

    /// <summary>A folder of its own under the temporary folder, deleted by <see cref="IDisposable.Dispose"/>.</summary>
    public static TemporaryFolder Folder() => new();

    public sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "orchestrator-rules-" + Guid.NewGuid().ToString("N"));

        public TemporaryFolder() => Directory.CreateDirectory(Path);

        public string Write(string name, string text)
        {
            var file = System.IO.Path.Combine(Path, name);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text);
            return file;
        }

        public void Dispose()
        {
            try { Directory.Delete(Path, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}
