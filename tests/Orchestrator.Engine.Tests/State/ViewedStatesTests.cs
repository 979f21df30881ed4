using Orchestrator.Engine.State;

namespace Orchestrator.Engine.Tests.State;

[TestFixture]
public sealed class ViewedStatesTests
{
    [Test]
    public void A_kept_state_is_found_at_its_version_only()
    {
        var viewed = new ViewedStates<long>(4);
        var state = StateSamples.Full("a");
        viewed.Keep("a", 3, state);

        Assert.That(viewed.Find("a", 3), Is.SameAs(state));
        Assert.That(viewed.Find("a", 4), Is.Null, "the stored state moved on");
        Assert.That(viewed.Find("b", 3), Is.Null);

        var newer = StateSamples.Full("a");
        viewed.Keep("a", 4, newer);
        Assert.That(viewed.Find("a", 4), Is.SameAs(newer));
        Assert.That(viewed.Find("a", 3), Is.Null, "one entry per session: the older one is replaced");
    }

    [Test]
    public void Past_its_capacity_the_least_recently_shown_goes_first()
    {
        var viewed = new ViewedStates<(DateTime, long)>(2);
        var t = new DateTime(2026, 12, 6, 0, 0, 0, DateTimeKind.Utc);
        viewed.Keep("a", (t, 10), StateSamples.Full("a"));
        viewed.Keep("b", (t, 20), StateSamples.Full("b"));
        Assert.That(viewed.Find("a", (t, 10)), Is.Not.Null, "a shown again: b is now the least recent");

        viewed.Keep("c", (t, 30), StateSamples.Full("c"));

        Assert.That(viewed.Find("b", (t, 20)), Is.Null);
        Assert.That(viewed.Find("a", (t, 10)), Is.Not.Null);
        Assert.That(viewed.Find("c", (t, 30)), Is.Not.Null);
        viewed.Forget("c");
        Assert.That(viewed.Find("c", (t, 30)), Is.Null);
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new ViewedStates<long>(0));
    }
}
