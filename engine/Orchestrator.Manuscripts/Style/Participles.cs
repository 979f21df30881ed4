using Orchestrator.Manuscripts.Lexicons;

namespace Orchestrator.Manuscripts.Style;

/// <summary>
/// What counts as a past participle after a form of "to be" (the passive check): every word of four letters
/// or more ending in -ed (other than the <see cref="NotParticiples"/>), plus the <see cref="Irregular"/>
/// participles.
/// </summary>
public static class Participles
{
    public static WordSet Irregular { get; } = WordSet.Parse("""
        done gone seen taken given known shown thrown grown drawn flown blown sworn torn worn born borne broken
        spoken chosen frozen stolen woven written driven ridden risen hidden bitten beaten eaten fallen forgotten
        forgiven gotten begotten shaken forsaken mistaken undertaken overtaken awoken woken made said paid laid
        sold told held found bound wound ground brought bought caught taught sought thought fought built sent spent
        lent bent meant kept slept swept wept crept felt dealt left lost met led fed bred fled shed sped read bled
        struck stuck hung flung slung swung wrung sung rung sprung stung spun won shone shod shot got hit hurt cut
        put set shut split spread cast cost let quit rid burst thrust upset beset forbidden understood withstood
        overcome become run begun drunk sunk shrunk swum slain lain dug clung hewn sewn sown mown strewn swollen
        stricken smitten trodden wrought beheld upheld withheld foretold overheard heard dreamt learnt burnt spelt
        spilt knelt leapt spoilt bid agreed freed decreed guaranteed disagreed overseen foreseen undone outdone
        misled mislaid overthrown withdrawn
        """);

    /// <summary>Words ending in -ed that are not participles (nouns, adjectives, -eed verbs).</summary>
    public static WordSet NotParticiples { get; } = WordSet.Parse("""
        need deed indeed feed seed speed breed weed reed steed creed heed greed bleed proceed exceed succeed
        hundred sacred naked wicked kindred rugged ragged crooked wretched hatred aged beloved learned dogged jagged
        rugged shred sled bed red embed
        """);
}
