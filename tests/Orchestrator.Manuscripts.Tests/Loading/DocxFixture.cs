using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Orchestrator.Manuscripts.Tests.Loading;

/// <summary>Builds real .docx files with the Open XML SDK: paragraphs with an optional style, and the styles part naming them.</summary>
internal static class DocxFixture
{
    /// <param name="paragraphs">(style id or null, text) in order.</param>
    /// <param name="styles">(style id, style name) pairs to declare; Word declares "Heading1" as "heading 1".</param>
    public static byte[] Create(IEnumerable<(string? Style, string Text)> paragraphs, params (string Id, string Name)[] styles)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var stylesPart = main.AddNewPart<StyleDefinitionsPart>();
            stylesPart.Styles = new Styles(styles.Select(s =>
                new W.Style(new StyleName { Val = s.Name }) { Type = StyleValues.Paragraph, StyleId = s.Id }));
            var body = new Body();
            foreach (var (style, text) in paragraphs)
            {
                var paragraph = new Paragraph();
                if (style is not null) paragraph.ParagraphProperties = new ParagraphProperties(new ParagraphStyleId { Val = style });
                var parts = text.Split('\t');
                var run = new Run();
                for (int i = 0; i < parts.Length; i++)
                {
                    if (i > 0) run.AppendChild(new TabChar());
                    run.AppendChild(new W.Text(parts[i]) { Space = SpaceProcessingModeValues.Preserve });
                }
                paragraph.AppendChild(run);
                body.AppendChild(paragraph);
            }
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    public static (string, string)[] WordStyles => [("Title", "Title"), ("Heading1", "heading 1"), ("Heading2", "heading 2")];
}
