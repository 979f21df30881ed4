using Orchestrator.Engine.Findings;
using Orchestrator.Engine.Nodes;
using Orchestrator.Manuscripts.Consistency;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Tests.Consistency;

/// <summary>Small inline manuscripts for the consistency tests, and shortcuts to read a result.</summary>
internal static class ConsistencyDocs
{
    /// <summary>A text indexed as loading would index it (one untitled chapter when it has no headings).</summary>
    public static ManuscriptDocument Doc(string text) => TextIndexer.Build(text, "Test", "hash");

    /// <summary>Chapters headed "Chapter 1", "Chapter 2"... with the given bodies.</summary>
    public static ManuscriptDocument Chapters(params string[] bodies) =>
        Doc(string.Concat(bodies.Select((body, i) => $"Chapter {i + 1}\n\n{body}\n\n")));

    public static NodeResult Run(ManuscriptDocument document, ConsistencyOptions? options = null) =>
        ConsistencyNode.Analyse(document, options);

    public static NodeResult Run(string text, ConsistencyOptions? options = null) => Run(Doc(text), options);

    public static Finding[] Rule(this NodeResult result, string rule) => result.Findings.Where(f => f.Rule == rule).ToArray();

    /// <summary>The text a finding's location points at.</summary>
    public static string At(this ManuscriptDocument document, Finding finding) =>
        document.Text.Substring(finding.Location!.Offset, finding.Location.Length);

    /// <summary>The n-th (0-based) occurrence of <paramref name="value"/> in the text.</summary>
    public static int Offset(this ManuscriptDocument document, string value, int occurrence = 0)
    {
        var index = -1;
        for (var i = 0; i <= occurrence; i++)
            index = document.Text.IndexOf(value, index + 1, StringComparison.Ordinal);
        return index;
    }
}
