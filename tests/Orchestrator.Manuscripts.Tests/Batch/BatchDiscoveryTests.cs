using Orchestrator.Manuscripts.Batch;

namespace Orchestrator.Manuscripts.Tests.Batch;

[TestFixture]
public sealed class BatchDiscoveryTests
{
    private string _root = null!;

    [SetUp]
    public void CreateFolder()
    {
        _root = Directory.CreateTempSubdirectory("batch-discovery-").FullName;
        foreach (var file in new[]
        {
            "b.md", "a.txt", "c.docx", "notes.pdf", ".hidden.txt", "~$c.docx",
            "novel-one/Chapter 1.txt", "novel-one/chapter-2.md", "novel-one/Chapter 10.txt", "novel-one/cover.jpg",
            "drafts/first.txt", "drafts/second.txt", "drafts/deep/x.md",
            "out/a/report.md",
        })
        {
            var path = Path.Combine(_root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "text");
        }
    }

    [TearDown] public void DeleteFolder() => Directory.Delete(_root, recursive: true);

    private BatchPlan Discover(BatchDiscoveryOptions options) => BatchDiscovery.Discover(_root, options);

    [Test]
    public void Files_and_chapter_folders_are_manuscripts_other_folders_are_noted()
    {
        var plan = Discover(new BatchDiscoveryOptions { Exclude = [Path.Combine(_root, "out")] });

        Assert.That(plan.Items.Select(i => i.Name), Is.EqualTo(new[] { "a.txt", "b.md", "c.docx", "novel-one/" }));
        Assert.That(plan.Items[3].IsChapterFolder, Is.True);
        Assert.That(plan.Items[3].Path, Is.EqualTo(Path.Combine(_root, "novel-one")));
        Assert.That(plan.Notes, Is.EqualTo(new[] { "drafts/: passed over: its files are not all named as chapters (--recursive takes each as a manuscript)" }));
    }

    [Test]
    public void Recursive_takes_the_files_of_other_folders_at_any_depth()
    {
        var plan = Discover(new BatchDiscoveryOptions { Recursive = true, Exclude = [Path.Combine(_root, "out")] });

        Assert.That(plan.Items.Select(i => i.Name), Is.EqualTo(new[]
        {
            "a.txt", "b.md", "c.docx", "drafts/deep/x.md", "drafts/first.txt", "drafts/second.txt", "novel-one/",
        }));
        Assert.That(plan.Items.Select(i => i.OutputName), Is.EqualTo(new[]
        {
            "a", "b", "c", "drafts_deep_x", "drafts_first", "drafts_second", "novel-one",
        }));
        Assert.That(plan.Notes, Is.Empty);
    }

    [Test]
    public void Links_back_into_the_tree_are_not_followed_and_each_file_is_taken_once()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root, "self"), ".");
        Directory.CreateSymbolicLink(Path.Combine(_root, "drafts", "up"), "..");
        File.CreateSymbolicLink(Path.Combine(_root, "drafts", "again.txt"), Path.Combine(_root, "a.txt"));

        var plan = Discover(new BatchDiscoveryOptions { Recursive = true, Exclude = [Path.Combine(_root, "out")] });

        Assert.That(plan.Items.Select(i => i.Name), Is.EqualTo(new[]
        {
            "a.txt", "b.md", "c.docx", "drafts/deep/x.md", "drafts/first.txt", "drafts/second.txt", "novel-one/",
        }));
        Assert.That(plan.Notes, Is.EquivalentTo(new[]
        {
            "drafts/up/: passed over: a link to a folder already taken", "self/: passed over: a link to a folder already taken",
        }));
    }

    [Test]
    public void The_pattern_chooses_files_and_a_chapter_folder_needs_one_matching_chapter()
    {
        var markdown = Discover(new BatchDiscoveryOptions { Patterns = BatchDiscoveryOptions.ParsePatterns("*.md"), Exclude = [Path.Combine(_root, "out")] });
        var word = Discover(new BatchDiscoveryOptions { Patterns = BatchDiscoveryOptions.ParsePatterns("*.DOCX"), Exclude = [Path.Combine(_root, "out")] });

        Assert.That(markdown.Items.Select(i => i.Name), Is.EqualTo(new[] { "b.md", "novel-one/" }));
        Assert.That(word.Items.Select(i => i.Name), Is.EqualTo(new[] { "c.docx" }), "patterns ignore case; ~$ lock files are passed over");
    }

    [Test]
    public void Output_names_that_would_clash_keep_their_extension()
    {
        File.WriteAllText(Path.Combine(_root, "a.md"), "text");
        var plan = Discover(new BatchDiscoveryOptions { Exclude = [Path.Combine(_root, "out")] });

        Assert.That(plan.Items.Select(i => (i.Name, i.OutputName)), Is.EqualTo(new[]
        {
            ("a.md", "a.md"), ("a.txt", "a.txt"), ("b.md", "b"), ("c.docx", "c"), ("novel-one/", "novel-one"),
        }));
    }

    [Test]
    public void A_missing_folder_is_refused() =>
        Assert.Throws<DirectoryNotFoundException>(() => BatchDiscovery.Discover(Path.Combine(_root, "nope"), new BatchDiscoveryOptions()));
}
