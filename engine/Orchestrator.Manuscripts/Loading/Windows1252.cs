namespace Orchestrator.Manuscripts.Loading;

/// <summary>Windows-1252 to UTF-16 (no code-page provider needed: it is Latin-1 but for 0x80-0x9F).</summary>
internal static class Windows1252
{
    private static ReadOnlySpan<char> High =>
    [
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
        '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
        '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    ];

    /// <summary>Decodes every byte of <paramref name="bytes"/> into <paramref name="chars"/> (one char per byte).</summary>
    public static void Decode(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        var high = High;
        chars = chars[..bytes.Length];
        for (int i = 0; i < bytes.Length; i++)
        {
            byte b = bytes[i];
            chars[i] = b is >= 0x80 and < 0xA0 ? high[b - 0x80] : (char)b;
        }
    }
}
