namespace Orchestrator.Server.Uploads;

/// <summary>A manuscript as posted: its file name (whose extension picks the format) and its bytes.</summary>
public sealed record Upload(string FileName, byte[] Bytes);
