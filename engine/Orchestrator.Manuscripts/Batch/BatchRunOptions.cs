using Orchestrator.Manuscripts.Loading;
using Orchestrator.Manuscripts.Requirements;
using Serilog;

namespace Orchestrator.Manuscripts.Batch;

/// <summary>How a <see cref="BatchRunner"/> runs the manuscripts of a batch.</summary>
public sealed record BatchRunOptions
{
    /// <summary>Where each manuscript's reports go, in its own sub-folder (<see cref="BatchItem.OutputName"/>).</summary>
    public required string OutputFolder { get; init; }

    /// <summary>The coordinator's pipeline, as the summary names it.</summary>
    public required string PipelineName { get; init; }

    /// <summary>Sessions at once (each loads its manuscript only when it starts, so memory grows with this, not with the batch).</summary>
    public int Parallel { get; init; } = 1;

    /// <summary>How files are decoded; should equal the coordinator's <c>Loading</c>, which reloads them on resume.</summary>
    public ManuscriptLoadOptions Loading { get; init; } = ManuscriptLoadOptions.Default;

    public ManuscriptRequirements Requirements { get; init; } = ManuscriptRequirements.None;
    public ILogger Logger { get; init; } = Serilog.Core.Logger.None;
}
