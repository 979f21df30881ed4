using System.Security.Cryptography;

namespace Orchestrator.Engine.Sessions;

/// <summary>Readable, sortable, unique session ids: <c>novel_20261125_143022_7f3a</c> (pipeline, UTC time, random).</summary>
public static class SessionId
{
    public static string New(string pipelineName, DateTimeOffset now)
    {
        Span<char> safe = stackalloc char[Math.Min(pipelineName.Length, 40)];
        for (var i = 0; i < safe.Length; i++)
            safe[i] = char.IsAsciiLetterOrDigit(pipelineName[i]) || pipelineName[i] is '-' ? char.ToLowerInvariant(pipelineName[i]) : '-';
        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2));
        return $"{safe}_{now.UtcDateTime:yyyyMMdd_HHmmss}_{suffix}";
    }
}
