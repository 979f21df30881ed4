namespace Orchestrator.Manuscripts.Text;

internal enum LineMarker : byte
{
    None,
    SoftEnd,
    HardEnd,
    TextStart,
}

/// <summary>Cheap tests on one trimmed line: scene breaks, end markers, illustrations.</summary>
internal static class LineClassifier
{
    private const string SceneSymbols = "*#~-–—―_=§•·+⁂❧☙❦✱✲✳✶✦✧◊◆♦○●★☆⸺⸻";

    /// <summary>A line of only symbols (<c>***</c>, <c>* * *</c>, <c>#</c>, <c>~~~</c>, <c>———</c>, <c>§</c>) and spaces.</summary>
    public static bool IsSceneBreak(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty || char.IsAsciiLetterOrDigit(line[0]) || line.Length > 80 || !SceneSymbols.Contains(line[0]))
            return false;
        foreach (char c in line)
        {
            if (c != ' ' && c != '\t' && !SceneSymbols.Contains(c))
                return false;
        }
        return true;
    }

    /// <summary>Markdown setext underline: all '=' (level 1) or all '-' (level 2).</summary>
    public static int SetextLevel(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty)
            return 0;
        char c = line[0];
        if (c is not ('=' or '-'))
            return 0;
        return line.ContainsAnyExcept(c) ? 0 : c == '=' ? 1 : 2;
    }

    public static bool IsIllustrationStart(ReadOnlySpan<char> line) =>
        line.Length >= 13 && line[0] == '[' && line.StartsWith("[Illustration", StringComparison.OrdinalIgnoreCase);

    public static LineMarker ClassifyMarker(ReadOnlySpan<char> line)
    {
        char c = line[0];
        if (c is not ('*' or '_' or 'T' or 't' or 'F' or 'f' or 'E' or 'e') || line.Length > 120)
            return LineMarker.None;
        if (line.Contains("PROJECT GUTENBERG", StringComparison.OrdinalIgnoreCase))
        {
            if (line.StartsWith("***") && (line.Contains("START OF TH", StringComparison.OrdinalIgnoreCase)))
                return LineMarker.TextStart;
            if ((line.StartsWith("***") && line.Contains("END OF TH", StringComparison.OrdinalIgnoreCase))
                || line.StartsWith("End of the Project Gutenberg", StringComparison.OrdinalIgnoreCase)
                || line.StartsWith("End of Project Gutenberg", StringComparison.OrdinalIgnoreCase))
                return LineMarker.HardEnd;
            return LineMarker.None;
        }
        var core = line.Trim("*_ \t").TrimEnd('.').Trim();
        if (core.Equals("THE END", StringComparison.OrdinalIgnoreCase) || core.Equals("FINIS", StringComparison.OrdinalIgnoreCase))
            return LineMarker.SoftEnd;
        return LineMarker.None;
    }

    /// <summary>First line of only capitals, short: a chapter title under a bare heading (<c>CHAPTER I</c>, blank, <c>THE BEGINNING</c>).</summary>
    public static bool IsCapitalsTitle(ReadOnlySpan<char> line)
    {
        if (line.Length is < 2 or > 60 || !char.IsLetter(line[0]))
            return false;
        int letters = 0;
        foreach (char c in line)
        {
            if (char.IsLower(c))
                return false;
            if (char.IsLetter(c))
                letters++;
        }
        return letters >= 2;
    }
}
