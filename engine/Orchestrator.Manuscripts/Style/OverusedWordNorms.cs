namespace Orchestrator.Manuscripts.Style;

/// <summary>
/// Expected rates of words writers are told they overuse (intensifiers, fillers, "that", "then", stage directions
/// such as "looked", "nodded", "shrugged"), in uses per 1,000 words, for the <c>style.overused</c> check.
/// </summary>
/// <remarks>
/// <para>Source: the mean of the per-book rates in the four published novels of the development corpus
/// (<i>Alice's Adventures in Wonderland</i>, <i>Frankenstein</i>, <i>Pride and Prejudice</i>, <i>Moby-Dick</i>:
/// 441,000 words), counted by this node's own tokeniser (dialogue included), rounded to two decimals. They are
/// measured rather than quoted so they can be reproduced: <c>StyleCorpusTests</c> recomputes them.</para>
/// <para>Nineteenth-century prose rarely uses "really", "nodded" or "shrugged", so their norms are near zero;
/// the check's minimum excess (<c>overusedMinExcess</c>, 0.5 per 1,000 words by default) keeps contemporary
/// usage from being flagged unless it is frequent: "nodded" once every 2,000 words passes, once every 1,000
/// does not.</para>
/// </remarks>
public static class OverusedWordNorms
{
    /// <summary>One row: the word (lower case) and its expected uses per 1,000 words.</summary>
    public readonly record struct Norm(string Word, double ExpectedPer1000);

    public static IReadOnlyList<Norm> Table { get; } =
    [
        new("just", 0.84), new("very", 2.99), new("really", 0.37), new("suddenly", 0.30), new("that", 12.82), new("then", 2.36),
        new("quite", 0.78), new("rather", 0.52), new("actually", 0.06), new("began", 0.83), new("started", 0.08),
        new("seemed", 0.85), new("almost", 0.54), new("even", 0.87), new("somehow", 0.06), new("literally", 0.01),
        new("totally", 0.03), new("simply", 0.05), new("certainly", 0.36), new("perhaps", 0.49), new("like", 1.85),
        new("looked", 0.75), new("turned", 0.40), new("smiled", 0.07), new("nodded", 0.01), new("shrugged", 0.00),
        new("sighed", 0.05), new("grinned", 0.03),
    ];
}
