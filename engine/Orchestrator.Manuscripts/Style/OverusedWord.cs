namespace Orchestrator.Manuscripts.Style;

/// <summary>How often one word of the <see cref="OverusedWordNorms"/> table is used, against its norm.</summary>
/// <param name="Word">The word (lower case).</param>
/// <param name="Count">Its occurrences, dialogue included.</param>
/// <param name="Per1000">Occurrences per 1,000 words.</param>
/// <param name="Expected">The norm: expected occurrences per 1,000 words (<see cref="OverusedWordNorms"/> or the <c>overusedNorms</c> option).</param>
/// <param name="Threshold">The rate above which it is overused: max(factor × expected, expected + minimum excess).</param>
/// <param name="FirstSentence">The sentence of its first occurrence, or -1.</param>
/// <param name="MinCount">Fewest occurrences that can count as overuse (<c>minRateCount</c>): one "just" in a 20-word text is not 50 per 1,000.</param>
public sealed record OverusedWord(string Word, int Count, double Per1000, double Expected, double Threshold, int FirstSentence, int MinCount = 1)
{
    public bool IsOverused => Count >= MinCount && Per1000 > Threshold;
}
