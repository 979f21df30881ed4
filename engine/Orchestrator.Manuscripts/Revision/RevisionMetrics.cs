namespace Orchestrator.Manuscripts.Revision;

/// <summary>Names of the metrics of the <c>revise</c> node's result.</summary>
public static class RevisionMetrics
{
    /// <summary>Words of the body (the denominator of the rate).</summary>
    public const string Words = "words";

    /// <summary>Edits of all rules per 1,000 words: what the score is computed from.</summary>
    public const string EditsPer1000Words = "editsPer1000Words";

    /// <summary>Edits of all rules.</summary>
    public const string Total = "edits.total";

    /// <summary>The metric counting one rule's edits: <c>edits.</c> and the rule.</summary>
    public static string EditsOf(string rule) => "edits." + rule;

    /// <summary>Every metric a result carries.</summary>
    public static IReadOnlyList<string> Declared { get; } =
        [.. RevisionRules.All.Select(EditsOf), Total, Words, EditsPer1000Words];
}
