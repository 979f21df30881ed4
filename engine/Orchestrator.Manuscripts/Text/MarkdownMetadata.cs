namespace Orchestrator.Manuscripts.Text;

/// <summary>
/// The flat <c>key: value</c> pairs of a Markdown manuscript's YAML front matter (title, author, series...). Only
/// scalar lines at the top level are read; lists, nested maps and block scalars are not metadata a report shows.
/// </summary>
internal static class MarkdownMetadata
{
    public static IReadOnlyDictionary<string, string> Empty { get; } = new Dictionary<string, string>();

    /// <summary>The pairs of a front matter block, its <c>---</c> fences included; keys lower-case, quotes removed.</summary>
    public static IReadOnlyDictionary<string, string> Parse(ReadOnlySpan<char> block)
    {
        Dictionary<string, string>? pairs = null;
        foreach (var range in block.Split('\n'))
        {
            var line = block[range];
            if (line.IsEmpty || char.IsWhiteSpace(line[0]) || line[0] is '#' or '-') continue;
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (value.Length >= 2 && (value[0] == '"' && value[^1] == '"' || value[0] == '\'' && value[^1] == '\''))
                value = value[1..^1];
            if (key.IsEmpty || value.IsEmpty || value[0] is '|' or '>' or '[' or '{') continue;
            pairs ??= new Dictionary<string, string>(StringComparer.Ordinal);
            pairs[key.ToString().ToLowerInvariant()] = value.ToString();
        }
        return pairs ?? Empty;
    }
}
