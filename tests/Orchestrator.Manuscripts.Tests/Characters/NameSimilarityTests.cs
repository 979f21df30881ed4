using Orchestrator.Manuscripts.Characters;

namespace Orchestrator.Manuscripts.Tests.Characters;

public sealed class NameSimilarityTests
{
    [TestCase("Philips", "Phillips")]
    [TestCase("Catherine", "Katherine")]
    [TestCase("Lizzy", "Lizzie")]
    [TestCase("Mr. Philips", "Mr. Phillips")]
    [TestCase("Agatha", "Agahta")]
    public void Near_misses(string a, string b)
    {
        Assert.That(NameSimilarity.AreNearMisses(a, b), Is.True);
        Assert.That(NameSimilarity.AreNearMisses(b, a), Is.True);
    }

    [TestCase("Mr. Bennet", "Mrs. Bennet")] // titles differ: two people
    [TestCase("Mr. Philips", "Mrs. Phillips")]
    [TestCase("Ann", "Anne")] // too short to judge
    [TestCase("Elizabeth", "Elizabeth")]
    [TestCase("Darcy", "Bingley")]
    [TestCase("Maria", "Mary")]
    [TestCase("Lydia", "Lucas")]
    public void Not_near_misses(string a, string b) => Assert.That(NameSimilarity.AreNearMisses(a, b), Is.False);
}
