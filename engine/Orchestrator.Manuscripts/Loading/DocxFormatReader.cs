using System.IO.Packaging;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using TextMarkup = Orchestrator.Manuscripts.Text.TextMarkup;

namespace Orchestrator.Manuscripts.Loading;

/// <summary>
/// Word documents (.docx): the body's paragraphs in order, blank-line separated, as Markdown. A paragraph in the
/// Title style becomes a <c>#</c> heading and one in a Heading N style (or with outline level N-1) a heading of
/// level N+1, so the usual Word manuscript — a title, then chapters in Heading 1 — indexes as a titled book of
/// chapters. Style names are read from the styles part, so renamed style ids (localised Word) still map.
/// Text of deleted revisions and field codes is left out; tabs and line breaks are kept.
/// </summary>
internal sealed class DocxFormatReader : IManuscriptFormatReader
{
    public const string Extension = ".docx";

    public IReadOnlyList<string> Extensions { get; } = [Extension];

    public DecodedManuscript Read(string displayPath, ReadOnlySpan<byte> bytes, ManuscriptLoadOptions options)
    {
        if (bytes.IsEmpty)
            throw new ManuscriptLoadException(displayPath, LoadFailureReason.Empty, "the file is empty");
        var text = new StringBuilder(bytes.Length);
        var partLimit = Math.Min(options.MaxExpandedBytes / 2, int.MaxValue);
        try
        {
            using var stream = new MemoryStream(bytes.ToArray(), writable: false);
            CheckExpandedSize(displayPath, stream, options.MaxExpandedBytes, partLimit);
            stream.Position = 0;
            // The declared sizes checked above can lie; the XML reader also stops a part at the limit as it inflates it.
            using var document = WordprocessingDocument.Open(stream, isEditable: false, new OpenSettings { MaxCharactersInPart = partLimit });
            var main = document.MainDocumentPart;
            var body = main?.Document?.Body
                ?? throw new ManuscriptLoadException(displayPath, LoadFailureReason.Unreadable, "not a Word document (no document body)");
            var styles = StyleNames(main!);
            var paragraph = new StringBuilder();
            foreach (var p in body.Descendants<Paragraph>())
            {
                paragraph.Clear();
                AppendText(p, paragraph);
                var content = paragraph.ToString().Trim();
                if (content.Length == 0) continue;
                if (text.Length > 0) text.Append("\n\n");
                if (text.Length + content.Length > options.MaxBytes)
                    throw new ManuscriptLoadException(displayPath, LoadFailureReason.Unreadable,
                        $"too large to be a manuscript (its text is over {options.MaxBytes:N0} characters, the maxManuscriptSize setting)");
                int level = HeadingLevel(p, styles);
                if (level > 0)
                    text.Append('#', Math.Min(level, 6)).Append(' ').Append(content.Replace('\n', ' '));
                else
                    text.Append(content);
            }
        }
        catch (Exception ex) when (ex is System.Xml.XmlException && ex.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal))
        {
            throw new ManuscriptLoadException(displayPath, LoadFailureReason.Unreadable,
                $"a part of the package expands past {partLimit:N0} bytes, the limit for one part (a \"zip bomb\"?)", inner: ex);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or FileFormatException or InvalidDataException or InvalidOperationException or System.Xml.XmlException)
        {
            throw new ManuscriptLoadException(displayPath, LoadFailureReason.Unreadable, $"not a readable Word document ({ex.Message})", inner: ex);
        }
        if (text.Length == 0)
            throw new ManuscriptLoadException(displayPath, LoadFailureReason.Empty, "the document holds no text");
        return new DecodedManuscript(text.ToString(), "utf-8", TextMarkup.Markdown);
    }

    /// <summary>
    /// Refuses a package whose parts declare more than the limits once inflated, before anything is inflated:
    /// a 3 MB file that expands to 3 GB would otherwise take the memory of the machine.
    /// </summary>
    private static void CheckExpandedSize(string displayPath, Stream stream, long total, long perPart)
    {
        using var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
        long sum = 0;
        foreach (var entry in zip.Entries)
        {
            if (entry.Length > perPart)
                throw new ManuscriptLoadException(displayPath, LoadFailureReason.Unreadable,
                    $"its part '{entry.FullName}' expands to {entry.Length:N0} bytes; the limit for one part is {perPart:N0} (a \"zip bomb\"?)");
            sum += entry.Length;
            if (sum > total)
                throw new ManuscriptLoadException(displayPath, LoadFailureReason.Unreadable,
                    $"the package expands to more than {total:N0} bytes, the limit (a \"zip bomb\"?)");
        }
    }

    /// <summary>Style id to lower-case style name ("heading 1", "title").</summary>
    private static Dictionary<string, string> StyleNames(MainDocumentPart main)
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var styles = main.StyleDefinitionsPart?.Styles;
        if (styles is null) return names;
        foreach (var style in styles.Elements<DocumentFormat.OpenXml.Wordprocessing.Style>())
        {
            if (style.StyleId?.Value is { } id && style.StyleName?.Val?.Value is { } name)
                names[id] = name.ToLowerInvariant();
        }
        return names;
    }

    /// <summary>Markdown level: 1 for Title, N+1 for Heading N, 0 for body text.</summary>
    private static int HeadingLevel(Paragraph paragraph, Dictionary<string, string> styles)
    {
        var properties = paragraph.ParagraphProperties;
        if (properties?.ParagraphStyleId?.Val?.Value is { } id)
        {
            var name = styles.TryGetValue(id, out var known) ? known : id.ToLowerInvariant();
            if (name == "title") return 1;
            var compact = name.Replace(" ", "", StringComparison.Ordinal);
            if (compact.StartsWith("heading", StringComparison.Ordinal) && int.TryParse(compact.AsSpan("heading".Length), out var n) && n is >= 1 and <= 9)
                return n + 1;
        }
        if (properties?.OutlineLevel?.Val?.Value is { } outline && outline is >= 0 and < 9)
            return outline + 2;
        return 0;
    }

    /// <summary>The runs of this paragraph (not of paragraphs nested in its text boxes, which come on their own).</summary>
    private static void AppendText(Paragraph paragraph, StringBuilder output)
    {
        foreach (var run in paragraph.Descendants<Run>())
        {
            if (!ReferenceEquals(run.Ancestors<Paragraph>().FirstOrDefault(), paragraph)) continue;
            foreach (var element in run.ChildElements)
            {
                switch (element)
                {
                    case DocumentFormat.OpenXml.Wordprocessing.Text t: output.Append(t.Text); break;
                    case TabChar: output.Append('\t'); break;
                    case Break b when b.Type is null || b.Type.Value == BreakValues.TextWrapping: output.Append('\n'); break;
                    case CarriageReturn: output.Append('\n'); break;
                    case NoBreakHyphen: output.Append('-'); break;
                }
            }
        }
    }
}
