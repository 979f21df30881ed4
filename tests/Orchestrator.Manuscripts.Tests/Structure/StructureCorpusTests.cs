using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Manuscripts.Requirements;
using Orchestrator.Manuscripts.Structure;
using M = Orchestrator.Manuscripts.Structure.StructureMetrics;

namespace Orchestrator.Manuscripts.Tests.Structure;

/// <summary>
/// The structure node on a real novel of the development corpus, loaded and indexed as a run would
/// (<see cref="Corpus"/> finds <c>shared/corpus</c> above the test directory; ignored when missing, failed on CI).
/// </summary>
public sealed class StructureCorpusTests
{
    [Test]
    public void Pride_and_Prejudice_has_61_chapters_and_a_sane_shape()
    {
        var document = Corpus.Load(Corpus.PrideAndPrejudice);
        var node = new StructureNode(new NodeDefinition { Id = "structure", Type = StructureNode.TypeName });
        var result = StructureNode.Analyse(document, new ManuscriptRequirements { Genre = "romance", TargetLength = 120_000 });

        Assert.That(node.Validate(result), Is.EqualTo(ResultValidation.Valid));
        Assert.That(result.Metrics[M.Chapters], Is.EqualTo(61));
        Assert.That(result.Metrics[M.BodyChapters], Is.EqualTo(61));
        // wc -w counts 127,359 for the whole file; the index leaves out front matter, headings and captions.
        Assert.That(result.Metrics[M.Words], Is.InRange(115_000, 127_359));
        Assert.That(result.Metrics[M.MedianChapterWords], Is.InRange(1_500, 2_500));
        Assert.That(result.Series[M.ChapterWordsSeries], Has.Count.EqualTo(61));
        Assert.That(result.Series[M.ChapterWordsSeries].Sum(), Is.EqualTo(result.Metrics[M.Words]));
        Assert.That(result.Score, Is.InRange(0.0, 1.0));

        // Over 110,000 words is past Writer's Digest's "too long" for adult commercial fiction such as romance.
        Assert.That(result.Findings.Select(f => f.Rule), Does.Contain(StructureRules.OverGenre));

        // Chapter 18 (the Netherfield ball) is by far the longest chapter, well over twice the median.
        var longest = result.Findings.Single(f => f.Rule == StructureRules.LongChapter && f.Location?.Chapter == 18);
        Assert.That(longest.Message, Does.StartWith("Chapter 18 has "));
        foreach (var finding in result.Findings.Where(f => f.Location?.Chapter is not null))
        {
            var location = finding.Location!;
            Assert.That(document.Text.Substring(location.Offset, location.Length), Does.StartWith("CHAPTER").IgnoreCase, finding.Message);
            Assert.That(location.Paragraph, Is.Null, "a chapter finding is about the whole chapter");
        }
        TestContext.Out.WriteLine(result.Summary);
    }
}
