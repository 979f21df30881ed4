namespace Orchestrator.Manuscripts.Loading;

/// <summary>
/// Turns a file's bytes into text for one family of file formats. This is the seam for new formats
/// (<see cref="DocxFormatReader"/> extracts paragraphs and maps heading styles to Markdown <c>#</c> headings);
/// register a reader in <see cref="ManuscriptFormats"/>. Readers throw <see cref="ManuscriptLoadException"/> for bad input.
/// </summary>
internal interface IManuscriptFormatReader
{
    /// <summary>Extensions handled, lower-case with the dot (".txt").</summary>
    IReadOnlyList<string> Extensions { get; }

    DecodedManuscript Read(string displayPath, ReadOnlySpan<byte> bytes, ManuscriptLoadOptions options);
}
