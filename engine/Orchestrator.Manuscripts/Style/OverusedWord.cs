namespace Orchestrator.Manuscripts.Style;

/// <summary>How often one word of the <see cref="OverusedWordNorms"/> table is used, against its norm.</summary>
/// <param name="Word">The word (lower case).</param>
/// <param name="Count">Its occurrences, dialogue included.</param>
/// <param name="Per1000">Occurrences per 1,000 words.</param>
/// <param name="Expected">The norm: occurrences per 1,000 words of published fiction.</param>
/// <param name="Threshold">The rate above which it is overused: max(factor × expected, expected + minimum excess).</param>
/// <param name="FirstSentence">The sentence of its first occurrence, or -1.</param>
public sealed record OverusedWord(string Word, int Count, double Per1000, double Expected, double Threshold, int FirstSentence)
{
    public bool IsOverused => Per1000 > Threshold;
}
