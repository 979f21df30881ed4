using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Loading;

/// <summary>Plain text and Markdown: decode the bytes; the indexer reads the structure.</summary>
internal sealed class PlainTextFormatReader(TextMarkup markup, params string[] extensions) : IManuscriptFormatReader
{
    public IReadOnlyList<string> Extensions { get; } = extensions;

    public DecodedManuscript Read(string displayPath, ReadOnlySpan<byte> bytes, ManuscriptLoadOptions options)
    {
        var (text, encoding) = TextDecoder.Decode(displayPath, bytes, options.Encoding);
        return new DecodedManuscript(text, encoding, markup);
    }
}
