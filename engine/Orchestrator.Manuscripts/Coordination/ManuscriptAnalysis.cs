using Orchestrator.Engine.Sessions;
using Orchestrator.Manuscripts.Reports;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Coordination;

/// <summary>The outcome of processing one manuscript: the engine's session result and the report built from it.</summary>
/// <param name="Document">What the last iteration analysed: the input, or its revised text when a revising node changed it.</param>
public sealed record ManuscriptAnalysis(ManuscriptDocument Document, SessionResult Session, AnalysisReport Report)
{
    public string SessionId => Session.SessionId;

    /// <summary>The input as loaded (the same as <see cref="Document"/> unless the session revised it).</summary>
    public ManuscriptDocument? Input { get; init; }

    /// <summary>Where the session's reports go, as recorded in it (null: the caller decides).</summary>
    public string? ReportFolder { get; init; }

    /// <summary>
    /// When the run went on with an earlier session of the same input, pipeline and requirements (resumed an unfinished
    /// one, or reused a finished one), that session's status as found; null when the run started a new session.
    /// </summary>
    public Engine.State.SessionStateStatus? Continued { get; init; }

    /// <summary>Whether the session revised the text (then <see cref="Document"/> is the revised text).</summary>
    public bool Revised => Input is not null && !ReferenceEquals(Input, Document) && Input.ContentHash != Document.ContentHash;
}
