using Orchestrator.Engine.State;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Manuscripts.Coordination;
using Orchestrator.Manuscripts.Requirements;
using Orchestrator.Manuscripts.Tests.Loading;

namespace Orchestrator.Manuscripts.Tests.Batch;

/// <summary>
/// A revising pipeline re-indexes the revised text: a chapter folder and a .docx (both read as Markdown) must keep
/// their chapters through a revision, and a resumed session must find its revision again.
/// </summary>
[TestFixture]
public sealed class RevisedInputsTests
{
    private const string Pipeline = """
        {
          "name": "revise-test", "version": 1,
          "settings": { "maxIterations": 2, "qualityThreshold": 1.0, "maxConcurrentActions": 2, "actionTimeout": "00:00:30", "enableRetries": false },
          "nodes": [
            { "id": "revise", "type": "revise", "weight": 0.5 },
            { "id": "structure", "type": "structure", "weight": 1.0 }
          ]
        }
        """;

    private string _root = null!;

    [SetUp] public void CreateFolder() => _root = Directory.CreateTempSubdirectory("revised-inputs-").FullName;
    [TearDown] public void DeleteFolder() => Directory.Delete(_root, recursive: true);

    private NovelCoordinator Coordinator() => new(new CoordinatorOptions
    {
        Pipeline = PipelineLoader.Parse(Pipeline, NovelNodeTypes.CreateRegistry()),
        Store = SessionStore.ForDataFolder(Path.Combine(_root, "data")),
    });

    [Test]
    public async Task A_revised_chapter_folder_keeps_its_chapters()
    {
        var book = Directory.CreateDirectory(Path.Combine(_root, "book")).FullName;
        File.WriteAllText(Path.Combine(book, "chapter-1.md"), "She walked to the the harbour at dawn.\n");
        File.WriteAllText(Path.Combine(book, "chapter-2.md"), "# The Storm\n\nThe boats were gone, all of them.\n");
        File.WriteAllText(Path.Combine(book, "chapter-10.md"), "He said it was was over now.\n");

        await using var coordinator = Coordinator();
        var analysis = await coordinator.ProcessManuscriptAsync(book, ManuscriptRequirements.None, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(analysis.Revised, Is.True, "the lexical illusions were revised");
            Assert.That(analysis.Document.Text, Does.Not.Contain("the the").And.Not.Contain("was was"));
            Assert.That(analysis.Document.Chapters.Select(c => c.Heading), Is.EqualTo(new[] { "Chapter 1", "The Storm", "Chapter 10" }));
            Assert.That(analysis.Report.Manuscript.Chapters, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task A_revised_docx_keeps_its_chapters()
    {
        var path = Path.Combine(_root, "book.docx");
        File.WriteAllBytes(path, DocxFixture.Create(
        [
            ("Heading1", "The Harbour"), (null, "She walked to the the harbour at dawn."),
            ("Heading1", "The Boats"), (null, "The boats were gone, all of them."),
        ], DocxFixture.WordStyles));

        await using var coordinator = Coordinator();
        var analysis = await coordinator.ProcessManuscriptAsync(path, ManuscriptRequirements.None, CancellationToken.None);

        Assert.That(analysis.Revised, Is.True);
        Assert.That(analysis.Document.Chapters.Select(c => c.Heading), Is.EqualTo(new[] { "The Harbour", "The Boats" }));
    }
}
