using Orchestrator.Manuscripts.Revision;
using Orchestrator.Manuscripts.Text;
using M = Orchestrator.Manuscripts.Revision.RevisionMetrics;

namespace Orchestrator.Manuscripts.Tests.Revision;

public sealed class ReviseCorpusTests
{
    [Test]
    public void Pride_and_Prejudice_revises_to_a_text_of_the_same_chapters_that_revises_to_nothing()
    {
        var document = Corpus.Load(Corpus.PrideAndPrejudice);
        var result = ReviseNode.Revise(document);
        var revised = TextRevision.Apply(document.Text, result.Edits);
        TestContext.Out.WriteLine(result.Summary);
        foreach (var finding in result.Findings) TestContext.Out.WriteLine($"{finding.Rule}: {finding.Message} {finding.Evidence}");

        Assert.Multiple(() =>
        {
            // The book writes its dashes as "--" (hundreds in the body) and its quotes curly already.
            Assert.That(result.Metrics[M.EditsOf(RevisionRules.Dash)], Is.GreaterThan(300));
            Assert.That(result.Metrics[M.EditsOf(RevisionRules.Quotes)], Is.Zero);
            Assert.That(result.Metrics[M.EditsOf(RevisionRules.Ellipsis)], Is.Zero);
            Assert.That(result.Metrics[M.Total], Is.EqualTo(result.Edits.Count));
            Assert.That(result.Score, Is.GreaterThan(0.5).And.LessThan(1));
        });

        var again = TextIndexer.Build(revised, document.Title, "revised", document.SourcePath);
        Assert.That(again.Chapters.Select(c => c.Heading), Is.EqualTo(document.Chapters.Select(c => c.Heading)));
        Assert.That(again.Paragraphs, Has.Length.EqualTo(document.Paragraphs.Length));
        var second = ReviseNode.Revise(again);
        Assert.That(second.Edits, Is.Empty, second.Summary);

        var diff = UnifiedDiff.Create(document.Text, revised, "a/pride.txt", "b/pride.txt");
        Assert.That(UnifiedDiffTests.PatchRoundTrip(document.Text, revised, diff), Is.EqualTo(revised));
    }

    [TestCase(Corpus.Alice)]
    [TestCase(Corpus.Frankenstein)]
    [TestCase(Corpus.MobyDick)]
    public void Every_house_style_revises_a_corpus_book_once_and_for_all(string book)
    {
        var document = Corpus.Load(book);
        foreach (var options in new[]
        {
            ReviseOptions.Default,
            new ReviseOptions { Dashes = DashStyle.SpacedEn, Ellipsis = EllipsisStyle.Dots, Quotes = QuoteMarks.Straight },
        })
        {
            var result = ReviseNode.Revise(document, options);
            TestContext.Out.WriteLine($"{book} {options.Dashes}/{options.Ellipsis}/{options.Quotes}: {result.Summary}");
            var revised = TextRevision.Apply(document.Text, result.Edits);
            var again = TextIndexer.Build(revised, document.Title, "revised", document.SourcePath);
            Assert.That(again.Chapters, Has.Count.EqualTo(document.Chapters.Count));
            Assert.That(again.Paragraphs, Has.Length.EqualTo(document.Paragraphs.Length));
            var second = ReviseNode.Revise(again, options);
            Assert.That(second.Edits, Is.Empty, second.Summary + " " + string.Join(" | ", second.Findings.Select(f => f.Evidence)));
        }
    }
}
