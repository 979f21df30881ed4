namespace Orchestrator.Server.Batches;

/// <summary>
/// The JSON of <c>GET /api/batches/{id}</c>: the fields of <c>batch</c>'s <c>summary.json</c> (folder, pipeline,
/// elapsedSeconds, totals, manuscripts), and the server's own: id, status (<c>running</c> until every manuscript has
/// stopped, then <c>done</c>), progress, and the notes of discovery.
/// </summary>
public sealed record BatchView(
    string Id,
    string Status,
    BatchProgress Progress,
    string Folder,
    string Pipeline,
    DateTimeOffset PostedAt,
    double ElapsedSeconds,
    BatchTotals Totals,
    IReadOnlyList<BatchManuscriptView> Manuscripts,
    IReadOnlyList<string> Notes);

/// <summary>Manuscripts stopped (whatever the outcome) out of all.</summary>
public sealed record BatchProgress(int Done, int Total);

/// <summary><c>summary.json</c>'s totals, and the manuscripts still queued or running.</summary>
public sealed record BatchTotals(
    int Manuscripts, int Succeeded, int Resumed, int SkippedAlreadyDone, int Failed, int Interrupted, int NotStarted,
    long WordsAnalysed, int Queued, int Running);

/// <summary>
/// One row of <c>summary.json</c>. <see cref="Status"/> is one of <c>batch</c>'s (succeeded, resumed,
/// skipped-already-done, failed, interrupted) or, while the batch runs, <c>queued</c> or <c>running</c>;
/// <see cref="Reports"/> is the API path of the session's report.
/// </summary>
public sealed record BatchManuscriptView(
    string File,
    string Status,
    string? Title,
    int? Words,
    int? Chapters,
    string EncodingNote,
    double? Quality,
    IReadOnlyList<string> TopRecommendations,
    double DurationSeconds,
    string SessionId,
    string Reports,
    string? Error);
