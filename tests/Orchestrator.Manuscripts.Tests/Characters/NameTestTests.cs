using Orchestrator.Manuscripts.Characters;

namespace Orchestrator.Manuscripts.Tests.Characters;

/// <summary>The statistical name test of <see cref="TokenTable"/> on hand-made word statistics: where its thresholds lie.</summary>
public sealed class NameTestTests
{
    private static TokenStats Word(int capitalised, int lower = 0, int initial = 0) =>
        new() { Capitalised = capitalised, Lower = lower, Initial = initial };

    [Test]
    public void A_word_never_capitalised_mid_sentence_is_not_a_name() =>
        Assert.That(TokenTable.IsName(Word(capitalised: 0, initial: 40)), Is.False);

    [Test]
    public void Lower_case_uses_up_to_a_quarter_are_free()
    {
        Assert.That(TokenTable.IsName(Word(capitalised: 30, lower: 10)), Is.True); // 25%
        Assert.That(TokenTable.IsName(Word(capitalised: 30, lower: 11)), Is.False); // 27%, no person evidence
    }

    [Test]
    public void Up_to_half_lower_case_needs_person_evidence()
    {
        var mouse = Word(capitalised: 29, lower: 13) with { Attributions = 10 };
        Assert.That(TokenTable.IsName(mouse), Is.True);
        Assert.That(TokenTable.IsName(mouse with { Lower = 30 }), Is.False); // over half: a common word whatever it does
    }

    [Test]
    public void A_word_mostly_after_prepositions_of_place_is_a_place()
    {
        var longbourn = Word(capitalised: 88) with { AfterLocative = 71, AfterStrongLocative = 32 };
        Assert.That(TokenTable.IsName(longbourn), Is.False);
        Assert.That(TokenTable.IsName(Word(capitalised: 88) with { AfterLocative = 10, AfterStrongLocative = 5 }), Is.True);
        // A title before a fifth of its uses makes it a person after all (Lady Lucas of Lucas Lodge).
        Assert.That(TokenTable.IsName(longbourn with { AfterTitle = 20 }), Is.True);
    }

    [Test]
    public void A_word_mostly_after_the_must_act_to_be_a_person()
    {
        var pequod = Word(capitalised: 168) with { AfterThe = 152, Attributions = 2 };
        Assert.That(TokenTable.IsName(pequod), Is.False);
        var hatter = Word(capitalised: 55) with { AfterThe = 52, Attributions = 34 };
        Assert.That(TokenTable.IsName(hatter), Is.True);
    }
}
