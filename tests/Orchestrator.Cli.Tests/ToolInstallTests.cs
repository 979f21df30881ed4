using System.Diagnostics;

namespace Orchestrator.Cli.Tests;

/// <summary>
/// The CLI as users of .NET tools install it: the package the test build packed (Orchestrator.Dataflow.Cli, see the
/// PackCliTool target) installed with <c>dotnet tool install</c> into a scratch tool path, then run as <c>orchestrator</c>.
/// </summary>
[TestFixture]
public sealed class ToolInstallTests
{
    private const string PackageId = "Orchestrator.Dataflow.Cli";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private string _scratch = null!;

    [SetUp] public void SetUp() => _scratch = Directory.CreateTempSubdirectory("orchestrator-tool-").FullName;

    [TearDown]
    public void TearDown()
    {
        try { Directory.Delete(_scratch, recursive: true); } catch (IOException) { }
    }

    [Test]
    public async Task The_packed_tool_installs_into_a_tool_path_and_checks_the_sample_with_its_shipped_pipelines()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "tool-package");
        var package = Directory.Exists(source) ? Directory.GetFiles(source, $"{PackageId}.*.nupkg").SingleOrDefault() : null;
        if (package is null)
            Assert.Fail($"no {PackageId} package in {source}: the test project's PackCliTool target packs it after each build (dotnet build tests/Orchestrator.Cli.Tests)");
        var version = Path.GetFileNameWithoutExtension(package!)[(PackageId.Length + 1)..];
        var tools = Path.Combine(_scratch, "tools");

        var install = await RunAsync("dotnet", _scratch, "tool", "install", PackageId, "--version", version,
            "--tool-path", tools, "--add-source", source);
        Assert.That(install.ExitCode, Is.Zero, $"dotnet tool install failed:\n{install}");

        var orchestrator = Path.Combine(tools, OperatingSystem.IsWindows() ? "orchestrator.exe" : "orchestrator");
        var check = await RunAsync(orchestrator, _scratch, "check", CliProcess.Sample, "--data", Path.Combine(_scratch, "data"));
        Assert.That(check.ExitCode, Is.Zero, check.ToString());
        Assert.That(check.Stdout, Does.Contain($"{CliProcess.Sample}:5:76: suggestion style.passive: Passive voice"), "findings one per line, as the built CLI prints them");

        // A pipeline named without a path is found among those shipped inside the package.
        var validate = await RunAsync(orchestrator, _scratch, "validate", "novel", "--data", Path.Combine(_scratch, "data"));
        Assert.That(validate.ExitCode, Is.Zero, validate.ToString());
        Assert.That(validate.Stdout + validate.Stderr, Does.Contain(Path.Combine(".store", PackageId.ToLowerInvariant())).IgnoreCase
            .And.Contain(Path.Combine("pipelines", "novel.json")));
    }

    private static async Task<CliResult> RunAsync(string file, string workDir, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        // The tool path is private to this test: no first-run banner, no telemetry, no global tool state touched.
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"'{file} {string.Join(' ', args)}' did not finish within {Patience.TotalSeconds} s");
        }
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
