namespace Orchestrator.Manuscripts.Style;

/// <summary>
/// Wordy phrases and the plain word that says the same, in the spirit of plain-English guides (the Plain English
/// Campaign's A–Z of alternative words, Strunk &amp; White's "omit needless words"); the list is this project's own.
/// Matched anywhere in narration by <see cref="PhraseMatcher"/>, inflected forms too ("made a decision").
/// </summary>
public static class WordyPhrases
{
    /// <summary>Phrase (lower case) and its plain alternative.</summary>
    public static IReadOnlyList<(string Phrase, string Plain)> Table { get; } =
    [
        ("in order to", "to"), ("in order that", "so that"), ("due to the fact that", "because"), ("owing to the fact that", "because"),
        ("in view of the fact that", "because"), ("in light of the fact that", "because"), ("on account of the fact that", "because"),
        ("despite the fact that", "although"), ("in spite of the fact that", "although"), ("regardless of the fact that", "although"),
        ("at this point in time", "now"), ("at the present time", "now"), ("at this moment in time", "now"), ("in this day and age", "today"),
        ("in the near future", "soon"), ("at some point in the future", "later"), ("in the event that", "if"), ("on the occasion that", "when"),
        ("until such time as", "until"), ("for the purpose of", "to, for"), ("with the exception of", "except"), ("in the absence of", "without"),
        ("in close proximity to", "near"), ("in the vicinity of", "near"), ("a large number of", "many"), ("a great number of", "many"),
        ("a small number of", "a few"), ("the majority of", "most"), ("the vast majority of", "most"), ("a sufficient number of", "enough"),
        ("prior to", "before"), ("subsequent to", "after"), ("with regard to", "about"), ("with reference to", "about"),
        ("in relation to", "about"), ("in connection with", "about"), ("on the subject of", "about"), ("by means of", "by"),
        ("is able to", "can"), ("has the ability to", "can"), ("has the capacity to", "can"), ("is unable to", "cannot"),
        ("make a decision", "decide"), ("come to a decision", "decide"), ("come to the conclusion", "conclude"),
        ("give consideration to", "consider"), ("take into consideration", "consider"), ("make an attempt", "try"),
        ("make reference to", "refer to"), ("make mention of", "mention"), ("conduct an investigation", "investigate"),
        ("put an end to", "end"), ("in a timely manner", "promptly"), ("on a daily basis", "daily"), ("on a regular basis", "regularly"),
        ("at all times", "always"), ("whether or not", "whether"), ("as a matter of fact", "in fact"), ("the fact that", "that"),
        ("it is important to note that", "(cut it)"), ("it should be noted that", "(cut it)"), ("for all intents and purposes", "in effect"),
        ("in the process of", "(cut it)"), ("along the lines of", "like"), ("in the course of", "during"), ("during the course of", "during"),
        ("at a later date", "later"), ("in excess of", "more than"), ("in the amount of", "of"), ("with the result that", "so"),
    ];
}
