using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;
using Orchestrator.Manuscripts.Loading;

namespace Orchestrator.Manuscripts.Tests.Loading;

[TestFixture]
public sealed class DocxFormatReaderTests
{
    private string _dir = null!;

    [SetUp] public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("docx-reader-").FullName;
    [TearDown] public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Test]
    public async Task Title_and_heading_styles_become_the_title_and_chapters()
    {
        var bytes = DocxFixture.Create(
        [
            ("Title", "The Salt Road"),
            ("Heading1", "The Harbour"),
            (null, "Mara counted the boats twice. None of them were hers."),
            (null, "The wind\tturned."),
            ("Heading1", "The Crossing"),
            (null, "They left before dawn."),
            ("Heading2", "Night"),
            (null, "The stars came out one by one."),
            ("Heading1", "The Far Shore"),
            (null, "Land, at last."),
        ], DocxFixture.WordStyles);
        var path = Write("salt-road.docx", bytes);

        var doc = await ManuscriptLoader.LoadAsync(path, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(doc.Title, Is.EqualTo("The Salt Road"));
            Assert.That(doc.Chapters.Select(c => c.Heading), Is.EqualTo(new[] { "The Harbour", "The Crossing", "The Far Shore" }));
            Assert.That(doc.Chapters[1].SceneCount, Is.EqualTo(2), "a Heading 2 inside a chapter starts a scene");
            Assert.That(doc.WordCount, Is.EqualTo(10 + 3 + 4 + 7 + 3));
            Assert.That(doc.Text, Does.Contain("The wind\tturned."));
            Assert.That(doc.ContentHash, Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))),
                "the hash is of the .docx bytes, so a resume from the session's copy hashes the same");
        });
    }

    [Test]
    public async Task Heading_styles_are_found_by_name_when_their_ids_are_localised()
    {
        var bytes = DocxFixture.Create(
        [
            ("berschrift1", "Kapitel Eins"), (null, "Es war einmal."),
            ("berschrift1", "Kapitel Zwei"), (null, "Und dann nicht mehr."),
        ], ("berschrift1", "heading 1"));

        var doc = await ManuscriptLoader.LoadAsync(Write("de.docx", bytes), CancellationToken.None);

        Assert.That(doc.Chapters, Has.Count.EqualTo(2));
    }

    [Test]
    public void A_docx_without_text_is_empty()
    {
        var bytes = DocxFixture.Create([(null, "   "), (null, "")]);
        var ex = Assert.ThrowsAsync<ManuscriptLoadException>(() => ManuscriptLoader.LoadAsync(Write("blank.docx", bytes), CancellationToken.None))!;
        Assert.That(ex.Reason, Is.EqualTo(LoadFailureReason.Empty));
        Assert.That(ex.Detail, Is.EqualTo("the document holds no text"));
    }

    [Test]
    public void Bytes_that_are_not_a_word_document_are_unreadable_naming_the_file()
    {
        var path = Write("fake.docx", "This is plain text saved with the wrong extension."u8.ToArray());
        var ex = Assert.ThrowsAsync<ManuscriptLoadException>(() => ManuscriptLoader.LoadAsync(path, CancellationToken.None))!;
        Assert.That(ex.Reason, Is.EqualTo(LoadFailureReason.Unreadable));
        Assert.That(ex.Message, Does.StartWith($"{path}: not a readable Word document"));
    }

    [Test]
    public async Task Deleted_revisions_are_left_out_and_inserted_ones_kept()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(new Paragraph(
                new Run(new W.Text("She opened the ") { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }),
                new DeletedRun(new Run(new DeletedText("red "))),
                new InsertedRun(new Run(new W.Text("blue ") { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve })),
                new Run(new W.Text("door.")))));
        }

        var doc = await ManuscriptLoader.LoadAsync(Write("revised.docx", stream.ToArray()), CancellationToken.None);

        Assert.That(doc.Text, Is.EqualTo("She opened the blue door."));
    }
}
