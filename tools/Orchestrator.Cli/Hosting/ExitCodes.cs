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
    /// <summary>A session cannot be resumed: unknown id, nothing valid left of its state, driven by another live process, or its input/pipeline changed (without --force).</summary>
    public const int SessionUnavailable = 5;
    /// <summary>Interrupted by Ctrl-C or SIGTERM.</summary>
    public const int Interrupted = 130;
}
