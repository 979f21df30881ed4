using System.Globalization;
using System.Text;
using Orchestrator.Engine.Nodes;
using Orchestrator.Manuscripts.Requirements;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Llm.Prompts;

/// <summary>The values a template's placeholders take for one book and its upstream results.</summary>
public static class PromptValues
{
    /// <summary>Lines of metrics per upstream node in <c>{{upstream.metrics}}</c> (more would crowd a small context).</summary>
    private const int MetricsPerNode = 12;

    /// <summary>The placeholder of the reference library's passages.</summary>
    public const string Passages = "passages";

    public static Dictionary<string, string> ForBook(ManuscriptDocument document, ManuscriptRequirements requirements, IReadOnlyDictionary<string, NodeResult> upstream)
    {
        var c = CultureInfo.InvariantCulture;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["book.title"] = document.Title,
            ["book.genre"] = requirements.Genre ?? "unspecified",
            ["book.targetLength"] = requirements.TargetLength?.ToString(c) ?? "unspecified",
            ["book.themes"] = requirements.Themes.Count == 0 ? "none given" : string.Join(", ", requirements.Themes),
            ["book.words"] = document.WordCount.ToString(c),
            ["book.chapters"] = document.Chapters.Count.ToString(c),
            ["book.text"] = document.Text,
            ["upstream.summaries"] = Summaries(upstream),
            ["upstream.metrics"] = Metrics(upstream),
            // Filled per chapter (or for the book) from the reference library when the run has one (PromptPassages).
            [Passages] = "",
        };
    }

    public static Dictionary<string, string> ForChapter(Dictionary<string, string> book, ManuscriptDocument document, Chapter chapter)
    {
        var values = new Dictionary<string, string>(book, StringComparer.Ordinal)
        {
            ["chapter.number"] = chapter.Ordinal.ToString(CultureInfo.InvariantCulture),
            ["chapter.title"] = chapter.Title ?? chapter.Heading,
            ["chapter.text"] = document.Slice(chapter.Span).ToString(),
            ["chapter.part"] = "",
        };
        return values;
    }

    private static string Summaries(IReadOnlyDictionary<string, NodeResult> upstream)
    {
        var text = new StringBuilder();
        foreach (var (id, result) in upstream.OrderBy(u => u.Key, StringComparer.Ordinal))
        {
            text.Append("- ").Append(id).Append(": ").Append(result.Summary).Append('\n');
            if (result.Labels.TryGetValue(Node.LlmMetrics.OutputLabels, out var outputs))
            {
                result.Labels.TryGetValue(Node.LlmMetrics.ChapterLabels, out var chapters);
                for (var i = 0; i < outputs.Count; i++)
                    text.Append("  ").Append(chapters is not null && i < chapters.Count ? chapters[i] : $"#{i + 1}").Append(": ")
                        .Append(outputs[i].ReplaceLineEndings(" ")).Append('\n');
            }
        }
        return text.ToString().TrimEnd('\n');
    }

    private static string Metrics(IReadOnlyDictionary<string, NodeResult> upstream)
    {
        var text = new StringBuilder();
        foreach (var (id, result) in upstream.OrderBy(u => u.Key, StringComparer.Ordinal))
        {
            // An llm node's metrics say what this run generated or found cached: they would make the prompt, and so
            // its cache key, differ between a run and its rerun. Its output is in {{upstream.summaries}}.
            if (result.Labels.ContainsKey(Node.LlmMetrics.OutputLabels)) continue;
            text.Append("- ").Append(id).Append(": score ").Append(result.Score.ToString("0.###", CultureInfo.InvariantCulture));
            foreach (var (name, value) in result.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal).Take(MetricsPerNode))
                text.Append(", ").Append(name).Append(' ').Append(value.ToString("0.###", CultureInfo.InvariantCulture));
            text.Append('\n');
        }
        return text.ToString().TrimEnd('\n');
    }
}
