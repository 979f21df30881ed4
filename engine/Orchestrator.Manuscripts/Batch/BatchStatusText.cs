namespace Orchestrator.Manuscripts.Batch;

/// <summary>The words the summary uses for a <see cref="BatchStatus"/>.</summary>
public static class BatchStatusText
{
    /// <summary>The status as the summary writes it.</summary>
    public static string Of(BatchStatus status) => status switch
    {
        BatchStatus.Succeeded => "succeeded",
        BatchStatus.Resumed => "resumed",
        BatchStatus.SkippedAlreadyDone => "skipped-already-done",
        BatchStatus.Failed => "failed",
        BatchStatus.Interrupted => "interrupted",
        BatchStatus.NotStarted => "not-started",
        _ => status.ToString(),
    };

    /// <summary>Whether the manuscript has its analysis (this run or an earlier one).</summary>
    public static bool IsDone(BatchStatus status) => status is BatchStatus.Succeeded or BatchStatus.Resumed or BatchStatus.SkippedAlreadyDone;
}
