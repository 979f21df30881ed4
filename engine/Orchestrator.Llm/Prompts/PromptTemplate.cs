using System.Text;
using System.Text.RegularExpressions;

namespace Orchestrator.Llm.Prompts;

/// <summary>
/// A prompt with <c>{{placeholder}}</c>s, inline in the pipeline or read from a file under the pipelines folder.
/// Placeholders are checked when the template is read: a misspelt one is an error naming it, never text sent to the model.
/// </summary>
public sealed partial class PromptTemplate
{
    /// <summary>Every placeholder a template may use (see README, "The llm node").</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "book.title", "book.genre", "book.targetLength", "book.themes", "book.words", "book.chapters", "book.text",
        "chapter.number", "chapter.title", "chapter.text", "chapter.part",
        "upstream.summaries", "upstream.metrics", "passages",
    };

    private PromptTemplate(string text, string origin)
    {
        Text = text;
        Origin = origin;
        Placeholders = PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToArray();
        var unknown = Placeholders.Where(p => !Known.Contains(p)).ToArray();
        if (unknown.Length > 0)
            throw new PromptTemplateException($"prompt {origin}: unknown placeholder {string.Join(", ", unknown.Select(u => "{{" + u + "}}"))} " +
                $"(known: {string.Join(", ", Known.Order(StringComparer.Ordinal).Select(k => "{{" + k + "}}"))})");
    }

    public string Text { get; }

    /// <summary>"inline" or the file it was read from, for messages.</summary>
    public string Origin { get; }

    public IReadOnlyList<string> Placeholders { get; }

    /// <summary>True when the template reads the chapter (so it needs chapter scope).</summary>
    public bool UsesChapter => Placeholders.Any(p => p.StartsWith("chapter.", StringComparison.Ordinal));

    /// <summary>The placeholder holding the text that is split when the prompt does not fit, if any.</summary>
    public string? SplittablePlaceholder =>
        Placeholders.Contains("chapter.text") ? "chapter.text"
        : Placeholders.Contains("book.text") ? "book.text"
        : Placeholders.Contains("upstream.summaries") ? "upstream.summaries"
        : null;

    /// <summary>
    /// An option value as a template: a value without line breaks ending in <c>.txt</c> or <c>.md</c> is a file,
    /// relative to <paramref name="folder"/> (the pipeline's folder); anything else is the prompt itself.
    /// </summary>
    /// <exception cref="PromptTemplateException">The file is missing or the template has an unknown placeholder.</exception>
    public static PromptTemplate Load(string value, string folder)
    {
        if (IsFileReference(value))
        {
            var path = Path.GetFullPath(value, folder);
            if (!File.Exists(path)) throw new PromptTemplateException($"prompt file '{path}' does not exist");
            return new PromptTemplate(File.ReadAllText(path).ReplaceLineEndings("\n").TrimEnd('\n'), path);
        }
        return new PromptTemplate(value, "(inline)");
    }

    public static bool IsFileReference(string value) =>
        !value.Contains('\n') && (value.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || value.EndsWith(".md", StringComparison.OrdinalIgnoreCase));

    /// <summary>The template with every placeholder replaced (an absent value becomes empty).</summary>
    public string Fill(IReadOnlyDictionary<string, string> values)
    {
        var filled = new StringBuilder(Text.Length + 256);
        var last = 0;
        foreach (Match match in PlaceholderPattern().Matches(Text))
        {
            filled.Append(Text, last, match.Index - last);
            filled.Append(values.GetValueOrDefault(match.Groups[1].Value, ""));
            last = match.Index + match.Length;
        }
        return filled.Append(Text, last, Text.Length - last).ToString();
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z][A-Za-z.]*)\s*\}\}")]
    private static partial Regex PlaceholderPattern();
}
