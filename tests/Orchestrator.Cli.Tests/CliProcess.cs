using System.Diagnostics;

namespace Orchestrator.Cli.Tests;

/// <summary>Runs the real `orchestrator` executable in a child process, in a scratch folder.</summary>
internal sealed class CliProcess : IDisposable
{
    public string WorkDir { get; } = Directory.CreateTempSubdirectory("orchestrator-cli-").FullName;
    public string DataDir => Path.Combine(WorkDir, "data");

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Sample => Path.Combine(RepoRoot, "samples", "the-lighthouse-keepers-daughter.md");

    public async Task<CliResult> RunAsync(params string[] args)
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
        start.ArgumentList.Add(cli);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.ArgumentList.Add("--data");
        start.ArgumentList.Add(DataDir);

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
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

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
