using Orchestrator.Manuscripts.Structure;

namespace Orchestrator.Manuscripts.Tests.Structure;

public sealed class LengthDistributionTests
{
    [Test]
    public void Computes_mean_median_population_sd_and_cv()
    {
        var d = LengthDistribution.Of([2000, 4000, 6000, 8000]);

        Assert.That(d.Count, Is.EqualTo(4));
        Assert.That(d.Mean, Is.EqualTo(5000));
        Assert.That(d.Median, Is.EqualTo(5000));
        Assert.That(d.StdDev, Is.EqualTo(Math.Sqrt(5_000_000)).Within(1e-9));
        Assert.That(d.Cv, Is.EqualTo(Math.Sqrt(5_000_000) / 5000).Within(1e-12));
        Assert.That((d.Min, d.Max), Is.EqualTo((2000, 8000)));
    }

    [Test]
    public void Median_of_an_odd_count_is_the_middle_value_whatever_the_order()
    {
        Assert.That(LengthDistribution.Of([9000, 100, 3000]).Median, Is.EqualTo(3000));
    }

    [Test]
    public void Empty_and_all_zero_lists_give_zeros_not_NaN()
    {
        Assert.That(LengthDistribution.Of([]), Is.EqualTo(LengthDistribution.Empty));
        var zeros = LengthDistribution.Of([0, 0]);
        Assert.That(zeros.Cv, Is.EqualTo(0));
        Assert.That(zeros.Mean, Is.EqualTo(0));
    }
}
