using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Orchestrator.Manuscripts.Loading;

namespace Orchestrator.Manuscripts.Tests.Loading;

/// <summary>Inputs built to exhaust memory or block a read: each is refused at once, naming the limit or what the path is.</summary>
[TestFixture]
public sealed class HostileInputTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("hostile-input-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    private static ManuscriptLoadException Refused(string path, ManuscriptLoadOptions? options = null) =>
        Assert.ThrowsAsync<ManuscriptLoadException>(() => ManuscriptLoader.LoadAsync(path, options ?? ManuscriptLoadOptions.Default, CancellationToken.None))!;

    [Test]
    public void A_docx_zip_bomb_is_refused_before_it_is_inflated()
    {
        // About 3 MB on disk, 300 MB of document.xml once inflated.
        var path = Path.Combine(_dir, "bomb.docx");
        WriteDocx(path, 300);
        Assert.That(new FileInfo(path).Length, Is.LessThan(4_000_000));

        var e = Refused(path);

        Assert.That(e.Reason, Is.EqualTo(LoadFailureReason.Unreadable));
        Assert.That(e.Message, Does.Contain("'word/document.xml' expands to 314,57").And.Contain("the limit for one part is 268,435,456"));
    }

    [Test]
    public void A_docx_over_the_expanded_size_setting_is_refused_naming_the_limit()
    {
        var path = Path.Combine(_dir, "long.docx");
        WriteDocx(path, 2);

        var e = Refused(path, new ManuscriptLoadOptions { MaxExpandedBytes = 1024 * 1024 });

        Assert.That(e.Message, Does.Contain("expands to").And.Contain("the limit for one part is 524,288"));
    }

    [Test]
    public void A_100_MB_line_is_refused_by_the_size_cap()
    {
        var path = Path.Combine(_dir, "one-line.txt");
        using (var file = File.Create(path))
        {
            var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("word ", 200_000)));
            for (var written = 0L; written < 100_000_000; written += chunk.Length) file.Write(chunk);
        }

        var e = Refused(path);

        Assert.That(e.Reason, Is.EqualTo(LoadFailureReason.Unreadable));
        Assert.That(e.Message, Does.Contain("too large to be a manuscript (100,000,000 bytes; the limit is 33,554,432, the maxManuscriptSize setting)"));
    }

    [Test]
    public void A_fifo_is_refused_without_being_opened()
    {
        Assume.That(OperatingSystem.IsWindows(), Is.False, "FIFOs are a Unix thing");
        var path = Path.Combine(_dir, "pipe.txt");
        using (var mkfifo = Process.Start("mkfifo", [path])) mkfifo.WaitForExit();

        var e = Refused(path);

        Assert.That(e.Message, Does.EndWith("is a FIFO (named pipe), not a regular file"));
    }

    [Test]
    public void A_link_to_a_device_is_refused_as_not_a_regular_file()
    {
        Assume.That(File.Exists("/dev/zero") || OperatingSystem.IsLinux(), Is.True);
        var path = Path.Combine(_dir, "zero.txt");
        File.CreateSymbolicLink(path, "/dev/zero");

        var e = Refused(path);

        Assert.That(e.Message, Does.EndWith("is a character device, not a regular file"));
    }

    /// <summary>A minimal Word package whose document.xml holds <paramref name="megabytes"/> MB of spaces in one run, deflated.</summary>
    private static void WriteDocx(string path, int megabytes)
    {
        using var zip = new ZipArchive(File.Create(path), ZipArchiveMode.Create);
        Write(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
        Write(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
        var entry = zip.CreateEntry("word/document.xml", CompressionLevel.Fastest);
        using var stream = entry.Open();
        stream.Write("""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t xml:space="preserve">"""u8);
        var spaces = new byte[1024 * 1024];
        Array.Fill(spaces, (byte)' ');
        for (var i = 0; i < megabytes; i++) stream.Write(spaces);
        stream.Write("""</w:t></w:r></w:p></w:body></w:document>"""u8);
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }
}
