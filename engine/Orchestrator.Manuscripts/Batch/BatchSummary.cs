namespace Orchestrator.Manuscripts.Batch;

/// <summary>A batch as it ended: one result per discovered manuscript, in discovery order, and the totals.</summary>
public sealed record BatchSummary(string Folder, string Pipeline, IReadOnlyList<BatchResult> Manuscripts, double ElapsedSeconds)
{
    public int Count(BatchStatus status) => Manuscripts.Count(m => m.Status == status);

    public bool AllDone => Manuscripts.All(m => BatchStatusText.IsDone(m.Status));

    public bool Interrupted => Manuscripts.Any(m => m.Status is BatchStatus.Interrupted or BatchStatus.NotStarted);

    /// <summary>Words of the manuscripts analysed by this run (new and resumed sessions, not the skipped ones).</summary>
    public long WordsAnalysed => Manuscripts.Where(m => m.Status is BatchStatus.Succeeded or BatchStatus.Resumed).Sum(m => (long)(m.Words ?? 0));
}
