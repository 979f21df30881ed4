using System.Diagnostics;

namespace Orchestrator.Cli.Tests;

/// <summary>Runs the real `orchestrator` executable in a child process, in a scratch folder.</summary>
internal sealed class CliProcess : IDisposable
{
    public string WorkDir { get; } = Directory.CreateTempSubdirectory("orchestrator-cli-").FullName;
    public string DataDir => Path.Combine(WorkDir, "data");

    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Variables set in the child's environment.</summary>
    public Dictionary<string, string> Environment { get; } = [];

    public static string Sample => Path.Combine(RepoRoot, "samples", "the-lighthouse-keepers-daughter.md");

    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var child = Start(args);
        return await child.WaitAsync();
    }

    /// <summary>Starts the CLI without waiting for it, for tests that signal or kill it while it runs.</summary>
    public CliChild Start(params string[] args)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "orchestrator.dll");
        Assert.That(File.Exists(cli), Is.True, $"the CLI was not built beside the tests: {cli}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = WorkDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in Environment) start.Environment[name] = value;
        start.ArgumentList.Add(cli);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.ArgumentList.Add("--data");
        start.ArgumentList.Add(DataDir);
        return new CliChild(Process.Start(start)!);
    }

    public string Write(string name, string text)
    {
        var path = Path.Combine(WorkDir, name);
        File.WriteAllText(path, text);
        return path;
    }

    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(WorkDir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(WorkDir, recursive: true); } catch (IOException) { }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Orchestrator.Dataflow.sln"))) return dir.FullName;
        throw new InvalidOperationException("cannot find the repository root (Orchestrator.Dataflow.sln) above " + AppContext.BaseDirectory);
    }
}

/// <summary>A running `orchestrator` child: its output is drained as it comes, so it never blocks on a full pipe.</summary>
internal sealed class CliChild : IDisposable
{
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    public CliChild(Process process)
    {
        Process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public Process Process { get; }

    public async Task<CliResult> WaitAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        await Process.WaitForExitAsync(cts.Token);
        return new CliResult(Process.ExitCode, await _stdout, await _stderr);
    }

    public void Dispose()
    {
        if (!Process.HasExited) Process.Kill(entireProcessTree: true);
        Process.Dispose();
    }
}

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
