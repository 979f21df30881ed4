namespace Orchestrator.Cli.Hosting;

/// <summary>The process exit codes: part of the command's interface, documented in README.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>Unexpected internal error (a bug): the message and log say more.</summary>
    public const int InternalError = 1;
    /// <summary>Bad command line, or a pipeline file that is missing or invalid.</summary>
    public const int UsageOrInvalidPipeline = 2;
    /// <summary>The manuscript is missing, empty, binary, not decodable or of an unsupported format.</summary>
    public const int BadInput = 3;
    /// <summary>The run finished but some node failed, timed out, returned an invalid result or was skipped.</summary>
    public const int RunFailed = 4;
    /// <summary>No session with the given id in the data folder.</summary>
    public const int SessionNotFound = 5;
    /// <summary>The session exists but neither session.json nor any snapshot holds a valid state.</summary>
    public const int SessionCorrupt = 6;
    /// <summary>The session cannot be resumed now: another live process drives it, or its input or pipeline changed since it began (use --force).</summary>
    public const int SessionUnavailable = 7;
    /// <summary>A batch finished but some of its manuscripts failed (a bad file, a failed node or session); the summary is still written.</summary>
    public const int BatchPartialFailure = 8;
    /// <summary>A reference library (<c>library</c> verbs, <c>--library</c>, a pipeline's <c>library</c> setting) is missing, damaged, not a library, of a newer version, or lacks the named document.</summary>
    public const int LibraryUnavailable = 9;
    /// <summary><c>serve --cluster</c>, <c>cluster status</c>: the cluster's Redis cannot be reached, or the <c>--cluster</c> value is not <c>redis://HOST:PORT[,more]</c>.</summary>
    public const int ClusterUnavailable = 10;
    /// <summary>Interrupted by Ctrl-C or SIGTERM.</summary>
    public const int Interrupted = 130;
}
