namespace Orchestrator.Manuscripts.Pacing;

/// <summary>
/// The raw counts of one stretch of text (a chapter, a scene, the whole book), gathered in the node's single
/// pass, and the pacing figures derived from them. A stretch without sentences or words gives zeros.
/// </summary>
internal struct PaceCounts
{
    public int Words;
    public int Sentences;
    public int Paragraphs;

    /// <summary>Characters of the paragraphs (their spans), the denominator of the dialogue ratio.</summary>
    public long Characters;

    /// <summary>Characters inside quoted speech (<see cref="Text.DialogueMap.ParagraphDialogueChars"/>).</summary>
    public long DialogueCharacters;

    public int ActionVerbs;

    /// <summary>Sentences of at most <see cref="PacingOptions.ShortSentenceWords"/> words.</summary>
    public int ShortSentences;

    /// <summary>Sentences with an exclamation mark.</summary>
    public int Exclamations;

    /// <summary>Sentences with a question mark.</summary>
    public int Questions;

    /// <summary>Share of the characters that are quoted speech, in [0,1].</summary>
    public readonly double DialogueRatio => Characters > 0 ? Math.Min(1, DialogueCharacters / (double)Characters) : 0;

    public readonly double MeanSentenceWords => Sentences > 0 ? Words / (double)Sentences : 0;

    public readonly double MeanParagraphWords => Paragraphs > 0 ? Words / (double)Paragraphs : 0;

    /// <summary>Action verbs per 1,000 words.</summary>
    public readonly double ActionDensity => Words > 0 ? ActionVerbs * 1000.0 / Words : 0;

    public readonly double ShortShare => Sentences > 0 ? ShortSentences / (double)Sentences : 0;

    public readonly double ExclamationShare => Sentences > 0 ? Exclamations / (double)Sentences : 0;

    public readonly double QuestionShare => Sentences > 0 ? Questions / (double)Sentences : 0;

    public void Add(in PaceCounts other)
    {
        Words += other.Words;
        Sentences += other.Sentences;
        Paragraphs += other.Paragraphs;
        Characters += other.Characters;
        DialogueCharacters += other.DialogueCharacters;
        ActionVerbs += other.ActionVerbs;
        ShortSentences += other.ShortSentences;
        Exclamations += other.Exclamations;
        Questions += other.Questions;
    }
}
