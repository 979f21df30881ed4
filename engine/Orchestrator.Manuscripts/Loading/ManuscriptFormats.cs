using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Loading;

/// <summary>The format readers the loader knows, chosen by file extension.</summary>
internal static class ManuscriptFormats
{
    private static readonly IManuscriptFormatReader[] Readers = DocxSupport.IsEnabled
        ? [PlainText, Markdown, new DocxFormatReader()]
        : [PlainText, Markdown];

    private static IManuscriptFormatReader PlainText => new PlainTextFormatReader(TextMarkup.PlainText, ".txt");

    private static IManuscriptFormatReader Markdown => new PlainTextFormatReader(TextMarkup.Markdown, ".md");

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
