using System.Text.RegularExpressions;
using Orchestrator.Engine.Findings;
using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Manuscripts.Pacing;
using Orchestrator.Manuscripts.Text;
using M = Orchestrator.Manuscripts.Pacing.PacingMetrics;

namespace Orchestrator.Manuscripts.Tests.Pacing;

/// <summary>
/// The pacing node on the novels of the development corpus (<see cref="Corpus"/>: ignored when the corpus is missing,
/// failed on CI). The expected figures were read off the books: Pride and Prejudice opens with Mrs Bennet speaking in its
/// third paragraph; Frankenstein opens with a letter without speech; Moby-Dick talks far less than Austen.
/// </summary>
public sealed class PacingCorpusTests
{
    private static readonly PacingNode Node = new(new NodeDefinition { Id = "pacing", Type = PacingNode.TypeName });

    private static Finding[] Rule(NodeResult result, string rule) => result.Findings.Where(f => f.Rule == rule).ToArray();

    [Test]
    public void Pride_and_Prejudice_has_a_prompt_hook_a_talkative_curve_and_a_flat_run_before_Lydia_elopes()
    {
        var document = Corpus.Load(Corpus.PrideAndPrejudice);
        var result = PacingNode.Analyse(document);

        Assert.That(Node.Validate(result), Is.EqualTo(ResultValidation.Valid));
        Assert.That(result.Series[M.TensionSeries], Has.Count.EqualTo(61));
        Assert.That(result.Metrics[M.DialogueRatio], Is.InRange(0.40, 0.50));
        Assert.That(result.Metrics[M.MeanSentenceWords], Is.InRange(18, 24));
        Assert.That(result.Metrics[M.HookWords], Is.EqualTo(71));

        var hook = Rule(result, PacingRules.EarlyHook).Single();
        Assert.That(hook.Evidence, Does.StartWith("“My dear Mr. Bennet,” said his lady to him one day"));
        Assert.That(hook.Location!.Chapter, Is.EqualTo(1));
        Assert.That(hook.Location.Paragraph, Is.EqualTo(3));

        // Chapters 42–45 (the Gardiners' tour and Pemberley, told mostly in narration) are the slowest run of the book.
        var flat = Rule(result, PacingRules.FlatStretch);
        Assert.That(flat.Select(f => f.Message), Has.Some.StartsWith("Chapter 42 to Chapter 45 are a flat stretch: 4 consecutive chapters"));
        Assert.That(result.Metrics[M.FlatStretches], Is.EqualTo(flat.Length));
        AssertLocatedEvidence(document, result);
        TestContext.Out.WriteLine(result.Summary);
    }

    [Test]
    public void Moby_Dick_has_less_dialogue_more_action_and_more_exposition_than_Pride_and_Prejudice()
    {
        var moby = PacingNode.Analyse(Corpus.Load(Corpus.MobyDick));
        var pride = PacingNode.Analyse(Corpus.Load(Corpus.PrideAndPrejudice));

        Assert.That(Node.Validate(moby), Is.EqualTo(ResultValidation.Valid));
        Assert.That(moby.Metrics[M.DialogueRatio], Is.LessThan(pride.Metrics[M.DialogueRatio] / 2));
        Assert.That(moby.Metrics[M.ActionDensity], Is.GreaterThan(pride.Metrics[M.ActionDensity] * 3));
        Assert.That(moby.Metrics[M.ExpositionShare], Is.GreaterThan(pride.Metrics[M.ExpositionShare] * 3));
        // More stretches than are listed one by one: the 20 longest plus a summary with the total.
        Assert.That(moby.Metrics[M.ExpositionStretches], Is.GreaterThan(20));
        Assert.That(Rule(moby, PacingRules.ExpositionStretch), Has.Length.EqualTo(20));
        Assert.That(Rule(moby, PacingRules.ExpositionSummary).Single().Message,
            Does.StartWith($"{moby.Metrics[M.ExpositionStretches]} exposition stretches in all"));
        Assert.That(moby.Score, Is.LessThan(pride.Score));
        AssertLocatedEvidence(Corpus.Load(Corpus.MobyDick), moby);
        TestContext.Out.WriteLine(moby.Summary);
    }

    [Test]
    public void Frankenstein_opens_with_a_letter_that_has_no_speech_and_no_action()
    {
        var result = PacingNode.Analyse(Corpus.Load(Corpus.Frankenstein));

        var hook = Rule(result, PacingRules.LateHook).Single();
        Assert.That(hook.Message, Does.Match(@"^Letter 1 \([0-9,]+ words\) has no speech and no action verb at all\.$"));
        Assert.That(hook.Severity, Is.EqualTo(Severity.Warning));
        Assert.That(hook.Location!.Chapter, Is.EqualTo(1));
        Assert.That(result.Metrics[M.HookWords], Is.EqualTo(Corpus.Load(Corpus.Frankenstein).Chapters[0].WordCount));
        Assert.That(result.Metrics[M.PenaltyHook], Is.EqualTo(0.15));
    }

    [Test]
    public void Alice_reaches_speech_in_its_first_paragraph()
    {
        var result = PacingNode.Analyse(Corpus.Load(Corpus.Alice));

        var hook = Rule(result, PacingRules.EarlyHook).Single();
        Assert.That(hook.Message, Does.StartWith("The opening reaches its first line of speech (paragraph 1 of Chapter 1 \"Down the Rabbit-Hole\")"));
        Assert.That(result.Metrics[M.HookWords], Is.InRange(30, 60));
        Assert.That(result.Metrics[M.ExclamationShare], Is.GreaterThan(0.2)); // Alice exclaims a great deal
    }

    /// <summary>Every located finding with evidence points at text that begins with its evidence (white space normalised).</summary>
    private static void AssertLocatedEvidence(ManuscriptDocument document, NodeResult result)
    {
        foreach (var finding in result.Findings.Where(f => f.Location?.Chapter is not null && f.Evidence is not null))
        {
            var located = Regex.Replace(document.Text.Substring(finding.Location!.Offset, finding.Location.Length), @"\s+", " ").Trim();
            Assert.That(located, Does.StartWith(finding.Evidence!.TrimEnd('…')), finding.Message);
            var paragraph = document.Locator.ParagraphAt(finding.Location.Offset);
            Assert.That(document.Paragraphs[paragraph].ChapterIndex + 1, Is.EqualTo(finding.Location.Chapter), finding.Message);
        }
    }
}
