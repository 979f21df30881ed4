using System.Security.Cryptography;
using System.Text;
using Orchestrator.Manuscripts.Loading;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Tests.Loading;

[TestFixture]
public sealed class ManuscriptLoaderTests
{
    private const string Story = "Chapter 1\n\nIt was a dark night.\n\nChapter 2\n\nMorning came.\n";
    private string _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("manuscript-loader-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static ManuscriptLoadException Refused(string path) =>
        Assert.ThrowsAsync<ManuscriptLoadException>(() => ManuscriptLoader.LoadAsync(path, CancellationToken.None))!;

    [Test]
    public async Task Loads_a_utf8_text_file()
    {
        var bytes = Encoding.UTF8.GetBytes(Story);
        var path = Write("story.txt", bytes);

        var doc = await ManuscriptLoader.LoadAsync(path, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(doc.Text, Is.EqualTo(Story));
            Assert.That(doc.Chapters, Has.Count.EqualTo(2));
            Assert.That(doc.SourcePath, Is.EqualTo(path));
            Assert.That(doc.Encoding, Is.EqualTo("utf-8"));
            Assert.That(doc.ContentHash, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(bytes))));
            Assert.That(doc.ContentHash, Has.Length.EqualTo(64));
            Assert.That(doc.Title, Is.EqualTo("story"), "no obvious title: the file name");
        });
    }

    [Test]
    public void Missing_file()
    {
        var path = Path.Combine(_dir, "nowhere.txt");

        var ex = Refused(path);

        Assert.Multiple(() =>
        {
            Assert.That(ex.Reason, Is.EqualTo(LoadFailureReason.NotFound));
            Assert.That(ex.Path, Is.EqualTo(path));
            Assert.That(ex.Message, Is.EqualTo($"{path}: file not found"));
        });
    }

    [Test]
    public void Missing_folder() =>
        Assert.That(Refused(Path.Combine(_dir, "no", "such.md")).Reason, Is.EqualTo(LoadFailureReason.NotFound));

    [Test]
    public void A_directory_without_chapter_files_is_refused_as_empty()
    {
        var path = Path.Combine(_dir, "folder.txt");
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "notes.pdf"), "not a chapter");

        var refused = Refused(path);
        Assert.That(refused.Reason, Is.EqualTo(LoadFailureReason.Empty));
        Assert.That(refused.Message, Is.EqualTo($"{path}/: the folder holds no chapter files (.txt, .md, .docx)"));
    }

    [TestCase(new byte[0], "the file is empty")]
    [TestCase(new byte[] { 0xEF, 0xBB, 0xBF }, "the file is empty")]
    [TestCase(new byte[] { 0x20, 0x0A, 0x0D, 0x0A, 0x09, 0x20 }, "the file holds only whitespace")]
    public void Empty_or_whitespace_only(byte[] bytes, string detail)
    {
        var path = Write("empty.txt", bytes);

        var ex = Refused(path);

        Assert.Multiple(() =>
        {
            Assert.That(ex.Reason, Is.EqualTo(LoadFailureReason.Empty));
            Assert.That(ex.Message, Is.EqualTo($"{path}: {detail}"));
        });
    }

    [Test]
    public void Binary_file()
    {
        var bytes = new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00 };
        var path = Write("archive.txt", bytes);

        var ex = Refused(path);

        Assert.Multiple(() =>
        {
            Assert.That(ex.Reason, Is.EqualTo(LoadFailureReason.Binary));
            Assert.That(ex.ByteOffset, Is.EqualTo(5));
            Assert.That(ex.Message, Does.StartWith($"{path}: a binary file"));
        });
    }

    [Test]
    public void Invalid_utf8_reports_the_offset_of_the_first_bad_byte()
    {
        var bytes = Encoding.UTF8.GetBytes("Chapter 1\n\nCafé au lait, ").Concat(new byte[] { 0xE9, 0x74, 0xE9 }).ToArray();
        int offset = bytes.Length - 3;
        var path = Write("latin1.txt", bytes);

        var ex = Refused(path);

        Assert.Multiple(() =>
        {
            Assert.That(ex.Reason, Is.EqualTo(LoadFailureReason.Undecodable));
            Assert.That(ex.ByteOffset, Is.EqualTo(offset));
            Assert.That(ex.Message, Is.EqualTo($"{path}: not valid UTF-8 (first bad byte at offset {offset})"));
        });
    }

    [Test]
    public void Windows1252_fallback_when_asked()
    {
        var bytes = new byte[] { 0x93, 0x48, 0x69, 0x94, 0x20, 0x96, 0x20, 0x63, 0x61, 0x66, 0xE9, 0x2E };
        var path = Write("old.txt", bytes);

        var doc = ManuscriptLoader.Load(path, bytes, new ManuscriptLoadOptions { Encoding = EncodingPolicy.Utf8OrWindows1252 });

        Assert.Multiple(() =>
        {
            Assert.That(doc.Text, Is.EqualTo("“Hi” – café."));
            Assert.That(doc.Encoding, Is.EqualTo("windows-1252"));
            Assert.That(() => ManuscriptLoader.Load(path, bytes), Throws.TypeOf<ManuscriptLoadException>()
                .With.Property(nameof(ManuscriptLoadException.Reason)).EqualTo(LoadFailureReason.Undecodable));
        });
    }

    [TestCase("novel.pdf", "unsupported format '.pdf' (supported: .txt, .md, .docx)")]
    [TestCase("novel.rtf", "unsupported format '.rtf' (supported: .txt, .md, .docx)")]
    [TestCase("README", "no file extension, so no known format (supported: .txt, .md, .docx)")]
    public void Unsupported_extension(string name, string detail)
    {
        var path = Write(name, Encoding.UTF8.GetBytes(Story));

        var ex = Refused(path);

        Assert.Multiple(() =>
        {
            Assert.That(ex.Reason, Is.EqualTo(LoadFailureReason.UnsupportedFormat));
            Assert.That(ex.Message, Is.EqualTo($"{path}: {detail}"));
        });
    }

    [TestCase("utf-16LE")]
    [TestCase("utf-16BE")]
    [TestCase("utf-32LE")]
    public void Unicode_with_a_byte_order_mark(string name)
    {
        Encoding encoding = name switch
        {
            "utf-16LE" => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
            "utf-16BE" => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
            _ => new UTF32Encoding(bigEndian: false, byteOrderMark: true),
        };
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(Story.Replace("\n", "\r\n"))).ToArray();
        var path = Write("wide.txt", bytes);

        var doc = ManuscriptLoader.Load(path, bytes);

        Assert.Multiple(() =>
        {
            Assert.That(doc.Text, Is.EqualTo(Story));
            Assert.That(doc.Encoding, Is.EqualTo(name));
            Assert.That(doc.Chapters, Has.Count.EqualTo(2));
            Assert.That(doc.ContentHash, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(bytes))));
        });
    }

    [Test]
    public void Utf16_without_a_byte_order_mark_is_binary()
    {
        var bytes = Encoding.Unicode.GetBytes(Story);

        Assert.That(() => ManuscriptLoader.Load("wide.txt", bytes), Throws.TypeOf<ManuscriptLoadException>()
            .With.Property(nameof(ManuscriptLoadException.Reason)).EqualTo(LoadFailureReason.Binary));
    }

    [Test]
    public void Utf8_byte_order_mark_is_not_text()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Story)).ToArray();

        var doc = ManuscriptLoader.Load("bom.txt", bytes);

        Assert.Multiple(() =>
        {
            Assert.That(doc.Text, Is.EqualTo(Story));
            Assert.That(doc.Chapters[0].Heading, Is.EqualTo("Chapter 1"));
            Assert.That(doc.Chapters[0].Span.Start, Is.Zero);
            Assert.That(doc.ContentHash, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(bytes))), "the hash is of the file's bytes");
        });
    }

    [TestCase("\r\n")]
    [TestCase("\r")]
    public void Line_endings_are_normalised(string newline)
    {
        var bytes = Encoding.UTF8.GetBytes(Story.Replace("\n", newline));

        var doc = ManuscriptLoader.Load("windows.txt", bytes);

        Assert.Multiple(() =>
        {
            Assert.That(doc.Text, Is.EqualTo(Story));
            Assert.That(doc.Slice(doc.Paragraphs[1].Span).ToString(), Is.EqualTo("Morning came."));
        });
    }

    [Test]
    public void Markdown_file_title_and_chapters()
    {
        var bytes = Encoding.UTF8.GetBytes("# The Long Voyage\n\n## Departure\n\nWe left.\n\n## Arrival\n\nWe came.\n");

        var doc = ManuscriptLoader.Load("drafts/voyage.md", bytes);

        Assert.Multiple(() =>
        {
            Assert.That(doc.Title, Is.EqualTo("The Long Voyage"));
            Assert.That(doc.Chapters.Select(c => c.Heading), Is.EqualTo(new[] { "Departure", "Arrival" }));
            Assert.That(doc.SourcePath, Is.EqualTo("drafts/voyage.md"));
        });
    }

    [TestCase("Title: Pride and Prejudice\nAuthor: Jane Austen\n\n", "Pride and Prejudice")]
    [TestCase("The Project Gutenberg eBook of Moby-Dick; or The Whale, by Herman Melville\n\n", "Moby-Dick; or The Whale")]
    [TestCase("[Illustration]\n\n\nAlice’s Adventures in Wonderland\n\nby Lewis Carroll\n\n", "Alice’s Adventures in Wonderland")]
    [TestCase("Frankenstein;\n\nor, the Modern Prometheus\n\nby Mary Shelley\n\n", "Frankenstein; or, the Modern Prometheus")]
    [TestCase("", "my-novel")]
    public void Title_from_the_text_or_the_file_name(string front, string title)
    {
        var doc = ManuscriptLoader.Load("books/my-novel.txt", Encoding.UTF8.GetBytes(front + Story));

        Assert.That(doc.Title, Is.EqualTo(title));
    }

    [Test]
    public void Cancellation_is_honoured()
    {
        var path = Write("story.txt", Encoding.UTF8.GetBytes(Story));
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.That(async () => await ManuscriptLoader.LoadAsync(path, cts.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void Supported_extensions_are_listed() =>
        Assert.That(ManuscriptLoader.SupportedExtensions, Is.EqualTo(new[] { ".txt", ".md", ".docx" }));
}
