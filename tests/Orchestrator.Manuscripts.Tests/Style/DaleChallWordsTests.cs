using Orchestrator.Manuscripts.Readability;

namespace Orchestrator.Manuscripts.Tests.Style;

public sealed class DaleChallWordsTests
{
    [Test]
    public void The_list_is_the_new_Dale_Chall_list_of_2942_words() =>
        Assert.That(DaleChallWords.List.Count, Is.EqualTo(2942));

    [TestCase("boy")]
    [TestCase("Boy")]
    [TestCase("boys")]
    [TestCase("boy's")]
    [TestCase("boy’s")]
    [TestCase("played")]
    [TestCase("liked")]
    [TestCase("stopped")]
    [TestCase("running")]
    [TestCase("making")]
    [TestCase("babies")]
    [TestCase("carried")]
    [TestCase("happier")]
    [TestCase("happiest")]
    [TestCase("taller")]
    [TestCase("bow-wow")]
    [TestCase("don't")]
    [TestCase("don’t")]
    [TestCase("shouldn't")]
    [TestCase("I'm")]
    [TestCase("far-off")]
    [TestCase("1813")]
    public void Listed_words_and_their_regular_inflections_are_familiar(string word) =>
        Assert.That(DaleChallWords.IsFamiliar(word), Is.True, word);

    [TestCase("countenance")]
    [TestCase("civility")]
    [TestCase("sadly")]
    [TestCase("extraordinary")]
    [TestCase("well-countenanced")]
    public void Unlisted_words_and_unlisted_derivations_are_not(string word) =>
        Assert.That(DaleChallWords.IsFamiliar(word), Is.False, word);
}
