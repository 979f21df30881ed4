namespace Orchestrator.Manuscripts.Text;

/// <summary>CRLF and lone CR to LF, in place.</summary>
internal static class LineEndings
{
    /// <summary>Rewrites <paramref name="chars"/> with every \r\n and lone \r turned into \n; returns the new length.</summary>
    public static int NormalizeInPlace(Span<char> chars)
    {
        int read = chars.IndexOf('\r');
        if (read < 0)
            return chars.Length;
        int write = read;
        while (true)
        {
            // chars[read] is '\r'
            chars[write++] = '\n';
            read++;
            if (read < chars.Length && chars[read] == '\n')
                read++;
            int next = chars[read..].IndexOf('\r');
            int run = next < 0 ? chars.Length - read : next;
            chars.Slice(read, run).CopyTo(chars[write..]);
            write += run;
            read += run;
            if (next < 0)
                return write;
        }
    }

    /// <summary>The text with \n line endings and no leading byte order mark (the same instance when already so).</summary>
    public static string Normalize(string text)
    {
        bool bom = text.Length > 0 && text[0] == '\uFEFF';
        if (!bom && !text.Contains('\r'))
            return text;
        var chars = text.AsSpan(bom ? 1 : 0).ToArray();
        int length = NormalizeInPlace(chars);
        return new string(chars, 0, length);
    }
}
