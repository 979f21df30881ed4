using static Orchestrator.Manuscripts.Tests.Text.Indexing;

namespace Orchestrator.Manuscripts.Tests.Text;

/// <summary>
/// Sentence boundaries at dotted abbreviations, ellipses, quotes and brackets (our own cases, written for the
/// classes the sentence-splitting "golden rules" cover, not copied from them).
/// </summary>
[TestFixture]
public sealed class SentenceBoundaryTests
{
    [TestCase("We flew back to the U.S. She stayed behind.", "We flew back to the U.S.", "She stayed behind.")]
    [TestCase("They moved to the E.U. But the rules changed.", "They moved to the E.U.", "But the rules changed.")]
    [TestCase("The shop opens at 9 a.m. The queue forms early.", "The shop opens at 9 a.m.", "The queue forms early.")]
    [TestCase("The U.S. Navy sent a ship.", "The U.S. Navy sent a ship.")]
    [TestCase("He joined the U.N. Security Council in May.", "He joined the U.N. Security Council in May.")]
    [TestCase("By 10 p.m. Harold had gone home.", "By 10 p.m. Harold had gone home.")]
    [TestCase("She cited a paper, e.g. The Lancet piece.", "She cited a paper, e.g. The Lancet piece.")]
    [TestCase("It came from the U.S.A. in a crate.", "It came from the U.S.A. in a crate.")]
    public void A_dotted_abbreviation_ends_a_sentence_only_before_a_sentence_opener(string paragraph, params string[] sentences) =>
        Assert.That(Index(paragraph).SentenceTexts(), Is.EqualTo(sentences));

    [TestCase("She paused . . . then went on.", "She paused . . . then went on.")]
    [TestCase("The rest is . . . I can't say.", "The rest is . . . I can't say.")]
    [TestCase("It was … Well, never mind.", "It was … Well, never mind.")]
    [TestCase("The note read: “Meet me [...] Tuesday.” She burned it.", "The note read: “Meet me [...] Tuesday.”", "She burned it.")]
    [TestCase("It was over. . . . Nobody spoke.", "It was over. . . .", "Nobody spoke.")]
    [TestCase("It ended badly. . . .", "It ended badly. . . .")]
    [TestCase("I waited... Nobody came.", "I waited...", "Nobody came.")]
    public void An_ellipsis_inside_a_sentence_does_not_split_it(string paragraph, params string[] sentences) =>
        Assert.That(Index(paragraph).SentenceTexts(), Is.EqualTo(sentences));

    [TestCase("He said, “Run.” Nobody moved.", "He said, “Run.”", "Nobody moved.")]
    [TestCase("He wrote “Done.” and left.", "He wrote “Done.” and left.")]
    [TestCase("‘Is it?’ ‘Yes.’", "‘Is it?’", "‘Yes.’")]
    [TestCase("She left (it was late.) Then he followed.", "She left (it was late.)", "Then he followed.")]
    [TestCase("(Nobody came.) (Nobody ever did.)", "(Nobody came.)", "(Nobody ever did.)")]
    [TestCase("He teaches (he once sailed.) at the school.", "He teaches (he once sailed.) at the school.")]
    [TestCase("\"Stop!\" \"Why?\" she asked.", "\"Stop!\"", "\"Why?\" she asked.")]
    public void Quotes_and_brackets_around_a_sentence_end_stay_with_it(string paragraph, params string[] sentences) =>
        Assert.That(Index(paragraph).SentenceTexts(), Is.EqualTo(sentences));
}
