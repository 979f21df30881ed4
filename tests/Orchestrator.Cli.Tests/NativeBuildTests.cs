using System.Diagnostics;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;
using Orchestrator.Manuscripts.Tests;

namespace Orchestrator.Cli.Tests;

/// <summary>
/// The native build as README's Native start makes it, packed as a .NET tool (<c>dotnet pack -c Release -p:Native=true</c>,
/// which publishes the folder <c>-p:Native=true</c> publishes and takes all of it) and installed into a scratch tool path,
/// once: it must say what the JIT build says on a whole novel, keep sessions the JIT build reads, and hand every command
/// line it leaves out to <c>orchestrator-jit</c> beside it with the same output and exit code.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class NativeBuildTests
{
    private static readonly TimeSpan PackPatience = TimeSpan.FromMinutes(20);
    private const string AllNodes = "structure,style,characters,pacing,themes,consistency";

    private string _scratch = null!;
    private string Native => Path.Combine(_scratch, "tool", "orchestrator");

    [OneTimeSetUp]
    public async Task PackAndInstallAsync()
    {
        _scratch = Directory.CreateTempSubdirectory("orchestrator-native-").FullName;
        var packages = Path.Combine(_scratch, "packages");
        await DotnetAsync(CliProcess.RepoRoot,
            "the native pack failed (it needs clang or gcc: Debian packages clang or gcc)",
            "pack", "tools/Orchestrator.Cli", "-c", "Release", "-p:Native=true", "-o", packages, "-nologo");
        await DotnetAsync(_scratch, "installing the native tool package failed",
            "tool", "install", "--tool-path", Path.Combine(_scratch, "tool"), "--add-source", packages, "Orchestrator.Dataflow.Cli");
        var installed = Path.GetDirectoryName(new FileInfo(Native).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Native)!;
        Assert.That(File.Exists(Path.Combine(installed, "orchestrator-jit")), Is.True,
            $"the installed tool lacks orchestrator-jit: {string.Join(", ", Directory.GetFiles(installed).Select(Path.GetFileName))}");
        Assert.That(File.Exists(Path.Combine(installed, "orchestrator.dbg")), Is.False, "the native symbols stay out of the package");
    }

    private static async Task DotnetAsync(string folder, string failure, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(PackPatience);
        await process.WaitForExitAsync(patience.Token);
        Assert.That(process.ExitCode, Is.Zero, $"{failure}:\n{await stdout}\n{await stderr}");
    }

    [OneTimeTearDown]
    public void Remove()
    {
        try { Directory.Delete(_scratch, recursive: true); } catch (IOException) { }
    }

    [Test]
    public async Task Check_of_a_whole_novel_prints_exactly_what_the_jit_build_prints()
    {
        using var cli = new CliProcess();
        var book = Corpus.PathOf(Corpus.PrideAndPrejudice);
        var jit = await cli.RunAsync("check", book, "--nodes", AllNodes, "--format", "json");
        var native = await RunNativeAsync(cli, "check", book, "--nodes", AllNodes, "--format", "json");

        Assert.That(jit.ExitCode, Is.Zero, jit.ToString());
        Assert.That(native.ExitCode, Is.Zero, native.ToString());
        Assert.That(native.Stderr, Does.Not.Contain("handoff:"), "a plain check is the native build's own");
        Assert.That(JsonNode.Parse(jit.Stdout)!["nodes"]!.AsArray(), Has.Count.EqualTo(6));
        Assert.That(native.Stdout, Is.EqualTo(jit.Stdout));
    }

    [Test]
    public async Task Run_writes_the_report_the_jit_build_writes_and_a_session_the_jit_build_reads()
    {
        using var cli = new CliProcess();
        var book = Corpus.PathOf(Corpus.Frankenstein);
        var pipeline = Path.Combine(CliProcess.RepoRoot, "pipelines", "novel.json");
        var jit = await cli.RunAsync("run", book, "--pipeline", pipeline, "--out", Path.Combine(cli.WorkDir, "jit"));
        var native = await RunNativeAsync(cli, "run", book, "--pipeline", pipeline, "--out", Path.Combine(cli.WorkDir, "native"));

        Assert.That(jit.ExitCode, Is.Zero, jit.ToString());
        Assert.That(native.ExitCode, Is.Zero, native.ToString());
        Assert.That(native.Stderr, Does.Not.Contain("handoff:"), "a run of the novel pipeline is the native build's own");
        Assert.That(Comparable(Path.Combine(cli.WorkDir, "native", "report.json")),
            Is.EqualTo(Comparable(Path.Combine(cli.WorkDir, "jit", "report.json"))));
        Assert.That(File.ReadAllText(Path.Combine(cli.WorkDir, "native", "report.md")), Does.Contain("Frankenstein"));

        // The session the native build kept is an ordinary one: the JIT build lists it as completed and shows it.
        var session = native.Stdout.Split('\n').Single(l => l.StartsWith("session ", StringComparison.Ordinal))["session ".Length..].Trim();
        var list = await cli.RunAsync("sessions", "list");
        Assert.That(list.Stdout, Does.Contain(session).And.Contain("Completed"), list.ToString());
        var show = await cli.RunAsync("sessions", "show", session);
        Assert.That(show.ExitCode, Is.Zero, show.ToString());
    }

    [Test]
    public async Task Rules_are_handed_to_the_jit_build_which_compiles_them()
    {
        using var cli = new CliProcess();
        var result = await RunNativeAsync(cli, "validate", Path.Combine(CliProcess.RepoRoot, "pipelines", "novel-revise.json"));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stderr, Does.Contain("handoff: the pipeline's rules"));
        Assert.That(result.Stdout, Does.Contain("rules compiled: select").And.Contain("skip-slow-when-late.csx"));
    }

    [Test]
    public async Task A_docx_manuscript_is_handed_to_the_jit_build_which_reads_it()
    {
        using var cli = new CliProcess();
        var docx = cli.Write("storm.docx", Docx("The storm came in from the west.", "It broke the mast and the boat drifted for three days."));
        var result = await RunNativeAsync(cli, "check", docx, "--nodes", "structure", "--format", "json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stderr, Does.Contain("handoff: a .docx manuscript"));
        Assert.That(JsonNode.Parse(result.Stdout)!["words"]!.GetValue<int>(), Is.EqualTo(18));
    }

    [Test]
    public async Task Verbs_it_leaves_out_and_mistakes_keep_the_jit_builds_output_and_exit_code()
    {
        using var cli = new CliProcess();
        var help = await RunNativeAsync(cli, "--help");
        Assert.That(help.ExitCode, Is.Zero, help.ToString());
        Assert.That(help.Stdout, Does.Contain("serve").And.Contain("sessions").And.Contain("library"), "the whole command's help");

        var missing = await RunNativeAsync(cli, "sessions", "show", "novel_20000101_000000_dead");
        Assert.That(missing.ExitCode, Is.EqualTo(5), missing.ToString());
        Assert.That(missing.Stderr, Does.Contain("handoff:"));

        var typo = await RunNativeAsync(cli, "runn", CliProcess.Sample);
        Assert.That(typo.ExitCode, Is.EqualTo(2), typo.ToString());
        Assert.That(typo.Stderr, Does.Contain("Unrecognized command or argument 'runn'"));

        // An llm node in a check: read from stdin by the JIT build, after the handoff.
        var llm = await RunNativeWithStdinAsync(cli, "A short text.", "check", "-", "--nodes", "llm");
        Assert.That(llm.Stderr, Does.Contain("handoff:").And.Contain("node 'llm': option 'prompt' is required"), llm.ToString());
    }

    [Test]
    public async Task Without_the_jit_build_beside_it_a_handoff_says_what_is_missing()
    {
        using var cli = new CliProcess();
        var alone = Path.Combine(cli.WorkDir, "alone");
        Directory.CreateDirectory(alone);
        File.Copy(Native, Path.Combine(alone, "orchestrator"));
        var result = await RunAsync(Path.Combine(alone, "orchestrator"), cli, null, "sessions", "list");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Stderr, Does.Contain("orchestrator-jit, which is missing"));
    }

    private static byte[] Docx(params string[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
            document.AddMainDocumentPart().Document = new W.Document(new W.Body(paragraphs.Select(p => new W.Paragraph(new W.Run(new W.Text(p))))));
        return stream.ToArray();
    }

    private Task<CliResult> RunNativeAsync(CliProcess cli, params string[] args) => RunAsync(Native, cli, null, args);

    private Task<CliResult> RunNativeWithStdinAsync(CliProcess cli, string stdin, params string[] args) => RunAsync(Native, cli, stdin, args);

    private static async Task<CliResult> RunAsync(string executable, CliProcess cli, string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = cli.WorkDir,
            RedirectStandardInput = stdin is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ORCHESTRATOR_TRACE_HANDOFF"] = "1";
        foreach (var a in args) start.ArgumentList.Add(a);
        start.ArgumentList.Add("--data");
        start.ArgumentList.Add(cli.DataDir);
        using var child = new CliChild(Process.Start(start)!);
        if (stdin is not null)
        {
            await child.Process.StandardInput.WriteAsync(stdin);
            child.Process.StandardInput.Close();
        }
        return await child.WaitAsync();
    }

    /// <summary>A report without what differs between two runs by nature: the session id, the start time and the timings.</summary>
    private static string Comparable(string reportJson)
    {
        var report = JsonNode.Parse(File.ReadAllText(reportJson))!.AsObject();
        report.Remove("session");
        report.Remove("timings");
        WithoutDurations(report);
        return report.ToJsonString();
    }

    private static void WithoutDurations(JsonNode? node)
    {
        if (node is JsonObject o)
        {
            o.Remove("durationMs");
            foreach (var (_, child) in o) WithoutDurations(child);
        }
        else if (node is JsonArray a)
        {
            foreach (var child in a) WithoutDurations(child);
        }
    }
}
