using Orchestrator.Engine.Findings;
using Orchestrator.Manuscripts.Consistency;
using static Orchestrator.Manuscripts.Tests.Consistency.ConsistencyDocs;
using M = Orchestrator.Manuscripts.Consistency.ConsistencyMetrics;

namespace Orchestrator.Manuscripts.Tests.Consistency;

public sealed class NarrationTests
{
    // 8 past markers (walked, opened, looked, waited, was, was, turned, said) and 8 third-person pronouns in narration
    // (She, He, They, She, he, She, him, them; "it" is not a person).
    private const string PastThird =
        "She walked to the door. He opened it and looked out. They waited for an hour. " +
        "She was tired and he was cold. She turned to him and said nothing to them.";

    // 8 present markers (walks, opens, is, is, seems, has, does, is) and 7 third-person pronouns.
    private const string PresentThird =
        "She walks to the door. He opens the gate. She is tired and he is cold. It seems late. " +
        "He has a lamp. She does not speak. The night is long and they wait.";

    // 8 first-person pronouns (I, I, my, We, I, my, me, I), 7 past markers.
    private const string PastFirst =
        "I walked to the door. I opened it and my hands shook. We waited for an hour. " +
        "I was tired and my feet hurt. Nobody spoke to me. I turned back.";

    private static readonly ConsistencyOptions Small = new() { MinTenseMarkers = 6, MinPovPronouns = 6 };

    [Test]
    public void A_present_tense_chapter_in_a_past_tense_book_is_a_shift()
    {
        var doc = Chapters(PastThird, PastThird, PresentThird, PastThird);
        var result = Run(doc, Small);

        Assert.That(result.Metrics[M.DominantTense], Is.EqualTo(1));
        Assert.That(result.Metrics[M.PastTenseMarkers], Is.EqualTo(24));
        Assert.That(result.Metrics[M.PresentTenseMarkers], Is.EqualTo(8));
        Assert.That(result.Metrics[M.PastTenseShare], Is.EqualTo(0.75));
        Assert.That(result.Metrics[M.TenseChaptersJudged], Is.EqualTo(4));
        Assert.That(result.Metrics[M.TenseShiftChapters], Is.EqualTo(1));
        var finding = result.Rule(ConsistencyRules.TenseShift).Single();
        Assert.That(finding.Message, Is.EqualTo(
            "Chapter 3 is narrated mostly in the present tense (past share 0.00: 0 past and 8 present markers in its narration), " +
            "while the book narrates in the past (past share 0.75)."));
        Assert.That(finding.Location!.Chapter, Is.EqualTo(3));
        Assert.That(finding.Evidence, Is.EqualTo("She walks to the door."));
        Assert.That(finding.Confidence, Is.LessThan(1));
        Assert.That(result.Series[M.PastTenseShareSeries], Is.EqualTo(new[] { 1.0, 1.0, 0.0, 1.0 }));
        Assert.That(result.Series[M.TenseMarkersSeries], Is.EqualTo(new[] { 8.0, 8.0, 8.0, 8.0 }));
        Assert.That(result.Metrics[M.PenaltyTense], Is.GreaterThan(0));
    }

    [Test]
    public void Speech_in_the_present_does_not_make_a_past_tense_chapter_present()
    {
        const string talk = "“I am here and he is there,” she said. “It is late, it is cold, and she has the key.” He nodded.";
        var result = Run(Chapters(PastThird, PastThird + " " + talk + " " + talk, PastThird), Small);

        Assert.That(result.Rule(ConsistencyRules.TenseShift), Is.Empty);
        Assert.That(result.Series[M.PastTenseShareSeries][1], Is.EqualTo(1.0));
    }

    [Test]
    public void A_participle_after_be_or_have_is_not_a_past_marker()
    {
        // is finished, has walked, had never walked: present, present, past (had) - the participles do not count.
        var result = Run("The work is finished. She has walked far. He had never walked so far.\n",
            new ConsistencyOptions { MinTenseMarkers = 1 });
        Assert.That(result.Metrics[M.PresentTenseMarkers], Is.EqualTo(2));
        Assert.That(result.Metrics[M.PastTenseMarkers], Is.EqualTo(1));
    }

    [Test]
    public void A_third_person_chapter_in_a_first_person_book_is_a_shift()
    {
        var doc = Chapters(PastFirst, PastFirst, PastThird, PastFirst);
        var result = Run(doc, Small);

        Assert.That(result.Metrics[M.DominantPov], Is.EqualTo(1));
        Assert.That(result.Metrics[M.FirstPersonPronouns], Is.EqualTo(24));
        Assert.That(result.Metrics[M.ThirdPersonPronouns], Is.EqualTo(8));
        Assert.That(result.Metrics[M.PovShiftChapters], Is.EqualTo(1));
        var finding = result.Rule(ConsistencyRules.PovShift).Single();
        Assert.That(finding.Message, Is.EqualTo(
            "Chapter 3 reads as third-person narration (first-person share 0.00: 0 first-person and 8 third-person pronouns outside speech), " +
            "while the book is told in the first person (share 0.75)."));
        Assert.That(finding.Evidence, Is.EqualTo("She walked to the door."));
        Assert.That(result.Series[M.FirstPersonShareSeries], Is.EqualTo(new[] { 1.0, 1.0, 0.0, 1.0 }));
        Assert.That(result.Rule(ConsistencyRules.TenseShift), Is.Empty);
    }

    [Test]
    public void A_first_person_chapter_in_a_third_person_book_is_a_shift()
    {
        var result = Run(Chapters(PastThird, PastFirst, PastThird, PastThird, PastThird), Small);

        Assert.That(result.Metrics[M.DominantPov], Is.EqualTo(3));
        Assert.That(result.Metrics[M.FirstPersonShare], Is.EqualTo(0.2));
        Assert.That(result.Rule(ConsistencyRules.PovShift).Single().Location!.Chapter, Is.EqualTo(2));
    }

    [Test]
    public void First_person_dialogue_does_not_make_a_third_person_chapter_first_person()
    {
        const string talk = "“I think my mother and I will go,” she said. “We need our coats, and you need me.”";
        var result = Run(Chapters(PastThird, PastThird + " " + talk + " " + talk, PastThird), Small);

        Assert.That(result.Rule(ConsistencyRules.PovShift), Is.Empty);
        Assert.That(result.Series[M.FirstPersonShareSeries][1], Is.EqualTo(0.0));
    }

    [Test]
    public void Chapters_with_too_little_evidence_are_not_judged_and_a_consistent_book_earns_strengths()
    {
        var result = Run(Chapters(PastThird, PastThird, "It rained.", PastThird), Small);

        Assert.That(result.Metrics[M.TenseChaptersJudged], Is.EqualTo(3));
        Assert.That(result.Metrics[M.TenseShiftChapters], Is.EqualTo(0));
        var strengths = result.Rule(ConsistencyRules.Consistent);
        Assert.That(strengths.Select(s => s.Message), Does.Contain(
            "The narration keeps to the past tense in all 3 chapters with enough evidence to judge (past share 1.00)."));
        Assert.That(strengths.Select(s => s.Message), Does.Contain(
            "The point of view holds: third-person narration in all 3 chapters with enough evidence to judge (first-person share 0.00)."));
        Assert.That(strengths, Has.All.Matches<Finding>(f => f.IsStrength && f.Severity == Severity.Info));
    }

    [Test]
    public void Without_enough_evidence_the_tense_and_point_of_view_are_unknown()
    {
        var result = Run("It rained.\n");
        Assert.That(result.Metrics[M.DominantTense], Is.EqualTo(0));
        Assert.That(result.Metrics[M.DominantPov], Is.EqualTo(0));
        Assert.That(result.Rule(ConsistencyRules.TenseShift), Is.Empty);
        Assert.That(result.Rule(ConsistencyRules.PovShift), Is.Empty);
    }
}
