namespace Orchestrator.Server.Sessions;

/// <summary>A report file as a backend holds it: a file on this machine (<see cref="Path"/>) or bytes read from elsewhere (<see cref="Bytes"/>).</summary>
public sealed record ReportContent(string? Path, byte[]? Bytes)
{
    public IResult ToResult(string contentType) => Path is not null ? Results.File(Path, contentType) : Results.Bytes(Bytes ?? [], contentType);
}
