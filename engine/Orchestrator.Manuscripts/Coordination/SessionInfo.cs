namespace Orchestrator.Manuscripts.Coordination;

/// <summary>What <see cref="NovelCoordinator.GetSessionInfo"/> tells of a stored session.</summary>
/// <param name="Status">Completed, CompletedWithErrors, Cancelled, Failed, Running (driven now) or Interrupted (Running on disk with no live holder).</param>
/// <param name="CompletedNodes">The nodes that stand Succeeded, in pipeline order.</param>
/// <param name="Iteration">The current (or last) iteration.</param>
/// <param name="Quality">The quality after the last finished iteration; null before one finished.</param>
/// <param name="StopReason">Why it stopped; null while it runs or when it was interrupted.</param>
/// <param name="Warnings">What loading had to work around (a corrupt session.json, a skipped snapshot).</param>
public sealed record SessionInfo(
    string SessionId,
    string Status,
    string PipelineName,
    string InputPath,
    IReadOnlyList<string> CompletedNodes,
    int Iteration,
    double? Quality,
    string? StopReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<string> Warnings);
