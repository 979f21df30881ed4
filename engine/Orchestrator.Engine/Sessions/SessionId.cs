using System.Security.Cryptography;

namespace Orchestrator.Engine.Sessions;

/// <summary>Readable, sortable, unique session ids: <c>novel_20261125_143022_7f3a</c> (pipeline, UTC time, random).</summary>
public static class SessionId
{
    /// <summary>
    /// How many ids a new session draws before giving up: the random part has 65,536 values a second, so a batch starting
    /// 60 sessions a second draws one already taken about once in 2,000 sessions, and eight in a row never.
    /// </summary>
    public const int Draws = 8;

    public static string New(string pipelineName, DateTimeOffset now)
    {
        Span<char> safe = stackalloc char[Math.Min(pipelineName.Length, 40)];
        for (var i = 0; i < safe.Length; i++)
            safe[i] = char.IsAsciiLetterOrDigit(pipelineName[i]) || pipelineName[i] is '-' ? char.ToLowerInvariant(pipelineName[i]) : '-';
        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2));
        return $"{safe}_{now.UtcDateTime:yyyyMMdd_HHmmss}_{suffix}";
    }
}
