namespace Orchestrator.Manuscripts.Pacing;

/// <summary>The stable rule ids of the findings the <c>pacing</c> node makes.</summary>
public static class PacingRules
{
    /// <summary>Several consecutive long paragraphs without speech (located at the stretch, its opening quoted).</summary>
    public const string ExpositionStretch = "pacing.exposition.stretch";

    /// <summary>More exposition stretches than are listed one by one: their total count and words.</summary>
    public const string ExpositionSummary = "pacing.exposition.summary";

    /// <summary>Several consecutive slow chapters (tension below the book's lower tercile, by default).</summary>
    public const string FlatStretch = "pacing.flat.stretch";

    /// <summary>The first chapter runs long before its first speech or action verb.</summary>
    public const string LateHook = "pacing.hook.late";

    /// <summary>Strength: the first chapter reaches speech or action within a few words.</summary>
    public const string EarlyHook = "pacing.hook.early";

    /// <summary>Little of the book is dialogue (below <c>dialogueMin</c>).</summary>
    public const string LowDialogue = "pacing.dialogue.low";

    /// <summary>Most of the book is dialogue (above <c>dialogueMax</c>).</summary>
    public const string HighDialogue = "pacing.dialogue.high";

    /// <summary>Strength: the tension curve varies across the book and has no flat stretch.</summary>
    public const string VariedCurve = "pacing.curve.varied";

    /// <summary>Every rule id, for documentation and filters.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        ExpositionStretch, ExpositionSummary, FlatStretch, LateHook, EarlyHook, LowDialogue, HighDialogue, VariedCurve,
    ];
}
