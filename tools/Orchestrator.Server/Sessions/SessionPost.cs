using Orchestrator.Manuscripts.Text;
using Orchestrator.Server.Uploads;

namespace Orchestrator.Server.Sessions;

/// <summary>A checked post of one manuscript: its fields, the upload, its SHA-256, the document loaded from it (the loader accepted it), and the client's Idempotency-Key.</summary>
public sealed record SessionPost(SessionRequest Fields, Upload Upload, string ContentHash, ManuscriptDocument Document, string? IdempotencyKey);
