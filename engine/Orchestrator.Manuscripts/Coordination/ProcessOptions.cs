namespace Orchestrator.Manuscripts.Coordination;

/// <summary>How <see cref="NovelCoordinator.ProcessManuscriptAsync(string, Requirements.ManuscriptRequirements, ProcessOptions, CancellationToken)"/> treats earlier sessions and where reports go.</summary>
public sealed record ProcessOptions
{
    public static ProcessOptions Default { get; } = new();

    /// <summary>
    /// Resume an unfinished session of the same input (same path and content), pipeline (same file and rules)
    /// and requirements instead of starting a new one: the same command line finishes an interrupted run.
    /// Default true; false always starts a new session.
    /// </summary>
    public bool ResumeUnfinished { get; init; } = true;

    /// <summary>
    /// Reuse a finished session of the same input, pipeline and requirements instead of analysing again (its
    /// report is rebuilt from its state; nothing runs). Default false: a run analyses anew. Batches set it, so a
    /// re-run of a batch skips what it already did.
    /// </summary>
    public bool ReuseCompleted { get; init; }

    /// <summary>Where the caller will write the reports (recorded in the session so a resume writes them there too).</summary>
    public string? ReportFolder { get; init; }

    /// <summary>
    /// The id a new session gets (a host that answers with the id before the session starts, e.g. the server's
    /// queue); null: a new id. Must pass <see cref="Engine.State.SessionStore.IsValidSessionId"/>.
    /// </summary>
    public string? SessionId { get; init; }
}

/// <summary>How <see cref="NovelCoordinator.ResumeProcessingAsync"/> treats changes since the session began.</summary>
public sealed record ResumeOptions
{
    public static ResumeOptions Default { get; } = new();

    /// <summary>Go on even though the input or the pipeline changed: what the change touched runs again.</summary>
    public bool Force { get; init; }

    /// <summary>Where the reports go from now on (null: where the session's first run put them).</summary>
    public string? ReportFolder { get; init; }
}
