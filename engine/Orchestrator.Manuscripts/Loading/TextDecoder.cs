using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Loading;

/// <summary>
/// Bytes to text: byte order mark detection (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE), NUL-byte binary
/// detection, strict UTF-8 with the offset of the first bad byte, optional Windows-1252 fallback,
/// and \r\n / \r normalised to \n. One decode into a pooled buffer, one copy into the string.
/// </summary>
internal static class TextDecoder
{
    /// <summary>How far into a BOM-less file a NUL byte marks it as binary.</summary>
    public const int BinaryProbeLength = 8 * 1024;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];
    private static ReadOnlySpan<byte> Utf16LittleEndianBom => [0xFF, 0xFE];
    private static ReadOnlySpan<byte> Utf16BigEndianBom => [0xFE, 0xFF];
    private static ReadOnlySpan<byte> Utf32LittleEndianBom => [0xFF, 0xFE, 0x00, 0x00];
    private static ReadOnlySpan<byte> Utf32BigEndianBom => [0x00, 0x00, 0xFE, 0xFF];

    public static (string Text, string Encoding) Decode(string displayPath, ReadOnlySpan<byte> bytes, EncodingPolicy policy)
    {
        if (bytes.IsEmpty)
            throw new ManuscriptLoadException(displayPath, LoadFailureReason.Empty, "the file is empty");

        if (bytes.StartsWith(Utf32LittleEndianBom) && bytes.Length % 4 == 0)
            return DecodeWith(displayPath, bytes, 4, new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), "utf-32LE");
        if (bytes.StartsWith(Utf32BigEndianBom))
            return DecodeWith(displayPath, bytes, 4, new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), "utf-32BE");
        if (bytes.StartsWith(Utf16LittleEndianBom))
            return DecodeWith(displayPath, bytes, 2, new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), "utf-16LE");
        if (bytes.StartsWith(Utf16BigEndianBom))
            return DecodeWith(displayPath, bytes, 2, new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), "utf-16BE");

        int bom = bytes.StartsWith(Utf8Bom) ? 3 : 0;
        var payload = bytes[bom..];
        int nul = payload[..Math.Min(payload.Length, BinaryProbeLength)].IndexOf((byte)0);
        if (nul >= 0)
        {
            throw new ManuscriptLoadException(displayPath, LoadFailureReason.Binary,
                $"a binary file, not text (NUL byte at offset {bom + nul}; UTF-16 text needs a byte order mark)", bom + nul);
        }

        char[] buffer = ArrayPool<char>.Shared.Rent(Math.Max(payload.Length, 1));
        try
        {
            var status = Utf8.ToUtf16(payload, buffer, out int read, out int written, replaceInvalidSequences: false);
            if (status == OperationStatus.Done)
                return (Finish(displayPath, buffer.AsSpan(0, written)), "utf-8");

            if (policy == EncodingPolicy.Utf8OrWindows1252 && bom == 0)
            {
                Windows1252.Decode(payload, buffer);
                return (Finish(displayPath, buffer.AsSpan(0, payload.Length)), "windows-1252");
            }
            long offset = bom + read;
            throw new ManuscriptLoadException(displayPath, LoadFailureReason.Undecodable,
                $"not valid UTF-8 (first bad byte at offset {offset})", offset);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static (string, string) DecodeWith(string displayPath, ReadOnlySpan<byte> bytes, int bomLength, Encoding encoding, string name)
    {
        var payload = bytes[bomLength..];
        int unit = bomLength;
        if (payload.Length % unit != 0)
        {
            throw new ManuscriptLoadException(displayPath, LoadFailureReason.Undecodable,
                $"not valid {name} (the file ends in the middle of a character at offset {bytes.Length - payload.Length % unit})",
                bytes.Length - payload.Length % unit);
        }
        char[] buffer = ArrayPool<char>.Shared.Rent(Math.Max(payload.Length, 1));
        try
        {
            int written;
            try
            {
                written = encoding.GetChars(payload, buffer);
            }
            catch (DecoderFallbackException ex)
            {
                long offset = bomLength + Math.Max(ex.Index, 0);
                throw new ManuscriptLoadException(displayPath, LoadFailureReason.Undecodable,
                    $"not valid {name} (bad sequence near byte offset {offset})", offset, ex);
            }
            return (Finish(displayPath, buffer.AsSpan(0, written)), name);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static string Finish(string displayPath, Span<char> chars)
    {
        if (chars.IsWhiteSpace())
        {
            throw new ManuscriptLoadException(displayPath, LoadFailureReason.Empty,
                chars.IsEmpty ? "the file is empty" : "the file holds only whitespace");
        }
        int length = LineEndings.NormalizeInPlace(chars);
        return new string(chars[..length]);
    }
}
