namespace Orchestrator.Manuscripts.Style;

/// <summary>The stable rule ids of the findings (and detections) of the <c>style</c> node.</summary>
public static class StyleRules
{
    /// <summary>The manuscript has no words to analyse.</summary>
    public const string Empty = "style.empty";

    /// <summary>Flesch reading ease of the book below the target band.</summary>
    public const string ReadabilityHard = "style.readability.hard";

    /// <summary>Flesch reading ease of the book above the target band.</summary>
    public const string ReadabilityEasy = "style.readability.easy";

    /// <summary>Strength: the book's reading ease is inside the target band.</summary>
    public const string ReadabilityInBand = "style.readability.in-band";

    /// <summary>A chapter much harder to read than the book as a whole.</summary>
    public const string ReadabilityChapter = "style.readability.chapter";

    /// <summary>A sentence longer than <c>longSentenceWords</c>.</summary>
    public const string LongSentence = "style.sentence.long";

    /// <summary>Sentence lengths vary little (monotonous rhythm); as a strength, they vary well.</summary>
    public const string SentenceVariety = "style.sentence.variety";

    /// <summary>A sentence made mostly of glue words.</summary>
    public const string StickySentence = "style.sentence.sticky";

    /// <summary>An -ly adverb in narration (dialogue tags are <see cref="TagAdverb"/>).</summary>
    public const string Adverb = "style.adverb";

    /// <summary>A form of "to be" followed by a past participle, in narration.</summary>
    public const string Passive = "style.passive";

    /// <summary>A weasel, filler or hedge word or phrase in narration ("really", "I would argue", "some people").</summary>
    public const string Hedge = "style.hedge";

    /// <summary>A cliché.</summary>
    public const string Cliche = "style.cliche";

    /// <summary>A narration sentence opening with "there is/are/was/were".</summary>
    public const string ThereIsOpening = "style.opening.there-is";

    /// <summary>Several consecutive sentences opening with the same word.</summary>
    public const string RepeatedOpening = "style.opening.repeated";

    /// <summary>The same word twice in a row ("the the", "that that"), across line breaks too; not legitimate doublings ("had had") or reduplicated names.</summary>
    public const string LexicalIllusion = "style.lexical-illusion";

    /// <summary>The same uncommon word again within a short window.</summary>
    public const string Echo = "style.echo";

    /// <summary>A filter word (saw, felt, heard, noticed...) in narration.</summary>
    public const string FilterWord = "style.filter-word";

    /// <summary>A said-bookism in a dialogue tag.</summary>
    public const string SaidBookism = "style.dialogue.said-bookism";

    /// <summary>An -ly adverb in a dialogue tag ("said softly").</summary>
    public const string TagAdverb = "style.dialogue.tag-adverb";

    /// <summary>A word used far more often than in published fiction.</summary>
    public const string Overused = "style.overused";

    /// <summary>A wordy phrase with a plain alternative ("in order to" → "to").</summary>
    public const string Wordy = "style.wordy";

    /// <summary>A redundant pair ("free gift", "PIN number").</summary>
    public const string Redundancy = "style.redundancy";

    /// <summary>A narration sentence opening with "So" or "But" (information only).</summary>
    public const string ConjunctionOpening = "style.opening.conjunction";

    /// <summary>A paragraph longer than <c>longParagraphWords</c>.</summary>
    public const string LongParagraph = "style.paragraph.long";

    /// <summary>A bracket without its partner in the same paragraph.</summary>
    public const string UnmatchedBracket = "style.bracket.unmatched";

    /// <summary>Every rule id, for documentation and filters.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Empty, ReadabilityHard, ReadabilityEasy, ReadabilityInBand, ReadabilityChapter, LongSentence, SentenceVariety,
        StickySentence, Adverb, Passive, Hedge, Cliche, ThereIsOpening, RepeatedOpening, LexicalIllusion, Echo, FilterWord,
        SaidBookism, TagAdverb, Overused, Wordy, Redundancy, ConjunctionOpening, LongParagraph, UnmatchedBracket,
    ];
}
