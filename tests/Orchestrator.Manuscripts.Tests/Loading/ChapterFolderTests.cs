using System.Security.Cryptography;
using System.Text;
using Orchestrator.Manuscripts.Loading;

namespace Orchestrator.Manuscripts.Tests.Loading;

[TestFixture]
public sealed class ChapterFolderTests
{
    private string _dir = null!;

    [SetUp] public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("chapter-folder-").FullName;
    [TearDown] public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    private string Book => Path.Combine(_dir, "The Storm Years");

    private void Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    private void Write(string name, byte[] bytes)
    {
        Directory.CreateDirectory(Book);
        File.WriteAllBytes(Path.Combine(Book, name), bytes);
    }

    [Test]
    public void ReadsDocx_names_a_docx_file_or_a_folder_with_a_docx_chapter_and_nothing_else()
    {
        Write("chapter-1.txt", "It began with a letter.\n");
        Write("~$chapter-2.docx", "Word's lock file");
        Write(".chapter-3.docx", "hidden");
        Assert.That(ManuscriptLoader.ReadsDocx(Book), Is.False, "lock and hidden files are not chapters");
        Assert.That(ManuscriptLoader.ReadsDocx(Path.Combine(Book, "chapter-1.txt")), Is.False);

        Write("Chapter 2.DOCX", "not opened: only the name counts");
        Assert.That(ManuscriptLoader.ReadsDocx(Book), Is.True);
        Assert.That(ManuscriptLoader.ReadsDocx(Path.Combine(Book, "Chapter 2.DOCX")), Is.True);
        Assert.That(ManuscriptLoader.ReadsDocx(Path.Combine(_dir, "missing.docx")), Is.True, "a path naming one, even before it exists");
    }

    [Test]
    public async Task Files_are_joined_in_natural_order_one_chapter_each()
    {
        Write("chapter-10.md", "The tenth morning was grey.\n");
        Write("chapter-2.md", "# The Second Day\n\nThey rowed all day.\n\n## Evening\n\nThe fire smoked.\n");
        Write("chapter-1.txt", "CHAPTER I.\r\n\r\nIt began with a letter.\r\n");
        Write("prologue.md", "Before all this, there was the sea.\n");
        Write(".notes.md", "hidden: not a chapter");
        Write("~$apter-3.docx", "a Word lock file");

        var doc = await ManuscriptLoader.LoadAsync(Book, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(doc.Title, Is.EqualTo("The Storm Years"));
            Assert.That(doc.SourcePath, Is.EqualTo(Book + "/"));
            Assert.That(doc.Chapters.Select(c => c.Heading),
                Is.EqualTo(new[] { "Prologue", "CHAPTER I.", "The Second Day", "Chapter 10" }),
                "a file's own heading is its chapter's; a file without one is headed by its name");
            Assert.That(doc.Chapters[2].SceneCount, Is.EqualTo(2), "a chapter's own ## heading is one level deeper: a scene, not a chapter");
            Assert.That(doc.WordCount, Is.EqualTo(7 + 5 + 4 + 3 + 5));
            Assert.That(doc.Encoding, Is.EqualTo("utf-8"));
        });
    }

    [Test]
    public async Task The_same_folder_hashes_the_same_and_its_joined_copy_loads_back_to_the_same_document()
    {
        Write("1.md", "One.\n");
        Write("2 - Two.txt", "Two words.\n");

        var first = await ManuscriptLoader.LoadAsync(Book, CancellationToken.None);
        var again = await ManuscriptLoader.LoadAsync(Book + "/", CancellationToken.None);
        var copy = ManuscriptLoader.Load(first.SourcePath!, Encoding.UTF8.GetBytes(first.Text));

        Assert.Multiple(() =>
        {
            Assert.That(again.ContentHash, Is.EqualTo(first.ContentHash));
            Assert.That(first.ContentHash, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(first.Text)))),
                "the hash is of the joined text as UTF-8: what the session keeps as its copy");
            Assert.That(copy.ContentHash, Is.EqualTo(first.ContentHash));
            Assert.That(copy.Chapters.Select(c => c.Heading), Is.EqualTo(first.Chapters.Select(c => c.Heading)));
            Assert.That(first.Chapters.Select(c => c.Heading), Is.EqualTo(new[] { "Chapter 1", "Chapter 2. Two" }));
        });

        Write("2 - Two.txt", "Two words, changed.\n");
        var changed = await ManuscriptLoader.LoadAsync(Book, CancellationToken.None);
        Assert.That(changed.ContentHash, Is.Not.EqualTo(first.ContentHash));
    }

    [Test]
    public async Task A_windows_1252_chapter_is_named_in_the_encoding_under_the_fallback_policy()
    {
        Write("chapter-1.md", "Plain start.\n");
        Write("chapter-2.txt", [.. "Caf"u8, 0xE9, .. " noir.\n"u8]);

        var doc = await ManuscriptLoader.LoadAsync(Book, new ManuscriptLoadOptions { Encoding = EncodingPolicy.Utf8OrWindows1252 }, CancellationToken.None);

        Assert.That(doc.Encoding, Is.EqualTo("windows-1252 in chapter-2.txt"));
        Assert.That(doc.Text, Does.Contain("Café noir."));
    }

    [Test]
    public void Strict_utf8_refuses_the_chapter_file_with_its_name_and_byte_offset()
    {
        Write("chapter-1.md", "Plain start.\n");
        Write("chapter-2.txt", [.. "Caf"u8, 0xE9, .. " noir.\n"u8]);

        var ex = Assert.ThrowsAsync<ManuscriptLoadException>(() => ManuscriptLoader.LoadAsync(Book, CancellationToken.None))!;

        Assert.That(ex.Path, Is.EqualTo(Path.Combine(Book, "chapter-2.txt")));
        Assert.That(ex.ByteOffset, Is.EqualTo(3));
        Assert.That(ex.Reason, Is.EqualTo(LoadFailureReason.Undecodable));
    }

    [TestCase("chapter-01", "Chapter 01")]
    [TestCase("Chapter 2", "Chapter 2")]
    [TestCase("03 - The Storm", "Chapter 3. The Storm")]
    [TestCase("7", "Chapter 7")]
    [TestCase("prologue", "Prologue")]
    [TestCase("the_long_night", "The long night")]
    public void Headings_made_from_file_names(string name, string heading) =>
        Assert.That(ChapterFolder.HeadingFromFileName(name + ".md"), Is.EqualTo(heading));
}
