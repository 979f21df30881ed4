using Orchestrator.Engine.Sessions;
using Orchestrator.Manuscripts.Reports;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Coordination;

/// <summary>The outcome of processing one manuscript: the engine's session result and the report built from it.</summary>
public sealed record ManuscriptAnalysis(ManuscriptDocument Document, SessionResult Session, AnalysisReport Report)
{
    public string SessionId => Session.SessionId;
}
