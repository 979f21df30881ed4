using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Manuscripts.Style;
using Orchestrator.Manuscripts.Text;
using M = Orchestrator.Manuscripts.Style.StyleMetrics;

namespace Orchestrator.Manuscripts.Tests.Style;

/// <summary>
/// The style node on the four novels of the development corpus (<see cref="Corpus"/>; ignored when the corpus is
/// missing, failed on CI).
/// </summary>
public sealed class StyleCorpusTests
{
    private static readonly string[] Books = [Corpus.Alice, Corpus.Frankenstein, Corpus.PrideAndPrejudice, Corpus.MobyDick];

    private static readonly string[] NarrationOnlyRules =
    [
        StyleRules.FilterWord, StyleRules.Hedge, StyleRules.Passive, StyleRules.Adverb, StyleRules.ThereIsOpening,
        StyleRules.RepeatedOpening, StyleRules.Echo, StyleRules.StickySentence,
    ];

    private static readonly StyleNode Node = new(new NodeDefinition { Id = "style", Type = StyleNode.TypeName });

    private static string Text(ManuscriptDocument doc, StyleDetection d) => doc.Text.Substring(d.Span.Start, d.Span.Length);

    [Test]
    public void Pride_and_Prejudice_reads_like_classic_fiction_and_every_finding_points_at_its_words()
    {
        var doc = Corpus.Load(Corpus.PrideAndPrejudice);
        var result = StyleNode.Analyse(doc);

        Assert.That(Node.Validate(result), Is.EqualTo(ResultValidation.Valid));
        Assert.That(result.Labels[M.ChapterLabels], Has.Count.EqualTo(61));
        foreach (var series in M.ChapterSeries) Assert.That(result.Series[series], Has.Count.EqualTo(61), series);

        // Long sentences (21 words on average) of mostly short words: plain-English reading ease, high-school grade.
        Assert.That(result.Metrics[M.FleschReadingEase], Is.InRange(55.0, 70.0));
        Assert.That(result.Metrics[M.FleschKincaidGrade], Is.InRange(8.0, 11.5));
        Assert.That(result.Metrics[M.GunningFog], Is.InRange(9.0, 14.0));
        Assert.That(result.Metrics[M.Smog], Is.InRange(9.0, 14.0));
        Assert.That(result.Metrics[M.ColemanLiau], Is.InRange(7.0, 11.0));
        Assert.That(result.Metrics[M.Ari], Is.InRange(8.0, 12.0));
        Assert.That(result.Metrics[M.DaleChall], Is.InRange(6.0, 8.5));
        Assert.That(result.Metrics[M.MeanSentenceWords], Is.InRange(19.0, 23.0));
        Assert.That(result.Score, Is.InRange(0.8, 1.0), result.Summary);

        foreach (var finding in result.Findings.Where(f => f.Location?.Chapter is not null))
        {
            var location = finding.Location!;
            var chapter = doc.Chapters[location.Chapter!.Value - 1];
            Assert.That(location.Offset, Is.InRange(chapter.Span.Start, chapter.Span.End), finding.Message);
            Assert.That(location.Length, Is.GreaterThan(0), finding.Message);
            Assert.That(finding.Evidence, Is.Not.Empty.And.Length.LessThanOrEqualTo(201), finding.Message);
            if (finding.Rule is not (StyleRules.ReadabilityChapter or StyleRules.Overused or StyleRules.LongParagraph))
            {
                // The quoted words of the message are the words at the location.
                var words = string.Join(" ", doc.Text.Substring(location.Offset, location.Length).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                if (finding.Rule is not (StyleRules.LongSentence or StyleRules.StickySentence))
                    Assert.That(finding.Message, Does.Contain($"\"{words}\""), finding.Message);
            }
        }

        var scan = StyleScanner.Scan(doc);
        var tagAdverbs = scan.Detections.Where(d => d.Rule == StyleRules.TagAdverb).Select(d => Text(doc, d)).ToArray();
        Assert.That(tagAdverbs, Does.Contain("replied Elizabeth archly").And.Contain("said Elizabeth, impatiently"));
        Assert.That(scan.Detections.Where(d => d.Rule == StyleRules.Cliche).Select(d => Text(doc, d)), Does.Contain("light as a feather"));
        TestContext.Out.WriteLine(result.Summary);
    }

    [TestCaseSource(nameof(Books))]
    public void Narration_only_rules_never_flag_words_inside_quoted_speech(string book)
    {
        var doc = Corpus.Load(book);
        var scan = StyleScanner.Scan(doc);

        Assert.That(doc.Dialogue.DialogueChars, Is.GreaterThan(doc.Text.Length / 20), "the book has quoted speech");
        Assert.That(scan.NarrationWords, Is.LessThan(scan.Words));
        foreach (var d in scan.Detections.Where(d => NarrationOnlyRules.Contains(d.Rule)))
            Assert.That(doc.Dialogue.IsInDialogue(d.Span.Start), Is.False, $"{d.Rule}: \"{Text(doc, d)}\" at {d.Span.Start}");
        foreach (var d in scan.Detections.Where(d => d.Rule is StyleRules.SaidBookism or StyleRules.TagAdverb))
            Assert.That(doc.Dialogue.IsInDialogue(d.Span.Start), Is.False, $"{d.Rule}: \"{Text(doc, d)}\" is a tag, outside the quotes");
        Assert.That(Node.Validate(StyleNode.Analyse(doc, scan)), Is.EqualTo(ResultValidation.Valid));
    }

    [Test]
    public void Alice_is_the_easiest_read_of_the_four()
    {
        var scores = Books.ToDictionary(b => b, b => StyleScanner.Scan(Corpus.Load(b)).Readability);
        foreach (var (book, r) in scores)
            TestContext.Out.WriteLine($"{book}: ease {r.FleschReadingEase:F1}, grade {r.FleschKincaidGrade:F1}, fog {r.GunningFog:F1}, " +
                                      $"SMOG {r.Smog:F1}, CLI {r.ColemanLiau:F1}, ARI {r.AutomatedReadabilityIndex:F1}, Dale–Chall {r.DaleChall:F2}");

        var alice = scores[Corpus.Alice];
        foreach (var other in Books.Where(b => b != Corpus.Alice))
        {
            Assert.That(alice.FleschReadingEase, Is.GreaterThan(scores[other].FleschReadingEase + 10), other);
            Assert.That(alice.FleschKincaidGrade, Is.LessThan(scores[other].FleschKincaidGrade - 2), other);
            Assert.That(alice.DaleChall, Is.LessThan(scores[other].DaleChall), other);
        }
    }
}
