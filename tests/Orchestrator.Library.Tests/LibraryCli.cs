using System.Diagnostics;

namespace Orchestrator.Library.Tests;

/// <summary>Runs the real <c>orchestrator</c> executable (built beside the tests) in a child process with a given data folder.</summary>
internal static class LibraryCli
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Process Start(string dataDirectory, params string[] args)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "orchestrator.dll");
        Assert.That(File.Exists(cli), Is.True, $"the CLI was not built beside the tests: {cli}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataDirectory,
        };
        start.ArgumentList.Add(cli);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.ArgumentList.Add("--data");
        start.ArgumentList.Add(dataDirectory);
        return Process.Start(start)!;
    }

    public static async Task<Result> RunAsync(string dataDirectory, params string[] args)
    {
        using var process = Start(dataDirectory, args);
        return await WaitAsync(process);
    }

    public static async Task<Result> WaitAsync(Process process)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
