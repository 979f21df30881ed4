namespace Orchestrator.Manuscripts.Style;

/// <summary>
/// Hedges and weasel phrases of several words: the writer props up a claim with an opinion marker ("I would argue"),
/// an unnamed crowd ("some people", "experts say") or vague filler ("things and stuff"). Matched in narration by
/// <see cref="PhraseMatcher"/> (inflected forms too); the single-word hedges are <see cref="HedgeWords"/>.
/// </summary>
public static class HedgePhrases
{
    public static IReadOnlyList<string> Phrases { get; } =
    [
        "i would argue", "i would suggest", "i would say", "i tend to think", "i tend to believe", "it could be argued",
        "it can be argued", "it might be said", "it seems that", "it appears that", "it would seem", "some people",
        "many people", "most people", "some say", "people say", "it is said", "it is believed", "it is thought",
        "it has been said", "experts say", "experts believe", "studies show", "research shows", "critics say",
        "things and stuff", "and stuff", "and things like that", "or something like that", "or something", "and so on and so forth",
        "to some extent", "to a certain extent", "in a sense", "in a way", "for the most part", "more or less", "so to speak",
    ];
}
