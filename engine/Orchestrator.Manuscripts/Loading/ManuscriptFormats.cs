using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Loading;

/// <summary>The format readers the loader knows, chosen by file extension.</summary>
internal static class ManuscriptFormats
{
    private static readonly IManuscriptFormatReader[] Readers =
    [
        new PlainTextFormatReader(TextMarkup.PlainText, ".txt"),
        new PlainTextFormatReader(TextMarkup.Markdown, ".md"),
        new DocxFormatReader(),
    ];

    public static IReadOnlyList<string> Extensions { get; } = Readers.SelectMany(r => r.Extensions).ToArray();

    public static IManuscriptFormatReader? Find(ReadOnlySpan<char> extension)
    {
        foreach (var reader in Readers)
        {
            foreach (var candidate in reader.Extensions)
            {
                if (extension.Equals(candidate, StringComparison.OrdinalIgnoreCase))
                    return reader;
            }
        }
        return null;
    }
}
