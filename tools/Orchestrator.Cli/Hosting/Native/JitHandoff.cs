using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace Orchestrator.Cli.Hosting.Native;

/// <summary>
/// Native build only: replaces this process with the JIT build (<see cref="JitExecutable"/>, beside this one) running
/// the same command line, for what the native build leaves out. <c>execv</c> keeps the process id, the standard
/// streams, the current folder and the environment, so to the caller (a shell, a script, a test) it is one command
/// with one exit code. A handoff happens before the verb has written anything a user sees.
/// </summary>
public static partial class JitHandoff
{
    /// <summary>The JIT build's executable, beside the native one in a native publish.</summary>
    public const string JitExecutable = "orchestrator-jit";

    private static string[] _args = [];

    /// <summary>Keeps the command line that <see cref="Exec"/> hands on (Program's first step).</summary>
    public static void Remember(string[] args) => _args = args;

    /// <summary>Does not return: the JIT build takes over this process, or the command fails with exit 1 saying why it cannot.</summary>
    /// <param name="reason">Why (for ORCHESTRATOR_TRACE_HANDOFF=1, which prints it on stderr; tests use it).</param>
    [DoesNotReturn]
    public static void Exec(string reason)
    {
        var jit = Path.Combine(AppContext.BaseDirectory, JitExecutable);
        if (Environment.GetEnvironmentVariable("ORCHESTRATOR_TRACE_HANDOFF") == "1")
            Console.Error.WriteLine($"handoff: {reason}: {jit}");
        if (!File.Exists(jit))
        {
            Console.Error.WriteLine($"error: {reason} needs the full build of orchestrator, {jit}, which is missing: publish or pack it again (README: Native start)");
            Environment.Exit(ExitCodes.InternalError);
        }
        Console.Out.Flush();
        Console.Error.Flush();
        string?[] argv = [jit, .. _args, null];
        execv(jit, argv);
        var errno = Marshal.GetLastPInvokeError();
        Console.Error.WriteLine($"error: {reason} needs the full build of orchestrator, {jit}, which could not be started (errno {errno})");
        Environment.Exit(ExitCodes.InternalError);
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int execv(string path, string?[] argv);
}
