namespace Orchestrator.Server.Uploads;

/// <summary>A post the server refuses before anything is written: the status (400, 413, 415) and the reason.</summary>
public sealed class UploadException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
