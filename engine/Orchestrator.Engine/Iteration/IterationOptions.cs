namespace Orchestrator.Engine.Iteration;

/// <summary>
/// Iteration settings that are not (yet) pipeline settings; the lead maps them to
/// <c>settings.plateauEpsilon</c> and <c>settings.plateauIterations</c> in the schema.
/// </summary>
public sealed record IterationOptions
{
    public static readonly IterationOptions Default = new();

    /// <summary>An improvement of the quality larger than this counts as progress. Default 0.005.</summary>
    public double PlateauEpsilon { get; init; } = 0.005;

    /// <summary>Iterations without progress that make a plateau. Default 2.</summary>
    public int PlateauIterations { get; init; } = 2;

    internal void Validate()
    {
        if (!double.IsFinite(PlateauEpsilon) || PlateauEpsilon < 0)
            throw new ArgumentOutOfRangeException(nameof(PlateauEpsilon), PlateauEpsilon, "plateauEpsilon must be a finite number >= 0");
        if (PlateauIterations < 1)
            throw new ArgumentOutOfRangeException(nameof(PlateauIterations), PlateauIterations, "plateauIterations must be >= 1");
    }
}
