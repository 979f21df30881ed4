using System.Diagnostics;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Orchestrator.Cli.Tests;

/// <summary><c>orchestrator batch</c> end to end, in a child process: mixed inputs, bad files, re-runs, SIGKILL and SIGTERM midway.</summary>
[TestFixture]
public sealed class BatchVerbTests
{
    private CliProcess _cli = null!;

    [SetUp] public void SetUp() => _cli = new CliProcess();
    [TearDown] public void TearDown() => _cli.Dispose();

    private string In => Path.Combine(_cli.WorkDir, "in");
    private string Out => Path.Combine(_cli.WorkDir, "out");

    private string Put(string relative, byte[] bytes)
    {
        var path = Path.Combine(In, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Put(string relative, string text) => Put(relative, Encoding.UTF8.GetBytes(text));

    /// <summary>The issue's mix: .txt, .md, .docx, a chapter folder with unpadded names, Windows-1252, empty, binary, CRLF with BOM.</summary>
    private void MixedFolder()
    {
        Put("lighthouse.md", File.ReadAllBytes(CliProcess.Sample));
        Put("harbour.txt", "Chapter 1\n\nMara counted the boats twice. None of them were hers, and the wind was rising.\n\n"
            + "Chapter 2\n\nBy noon the rain had stopped. She walked to the market and bought bread and salt.\n");
        Put("salt-road.docx", Docx(("Title", "The Salt Road"), ("Heading1", "The Harbour"), (null, "Mara watched the tide go out."),
            ("Heading1", "The Crossing"), (null, "They left before dawn and did not look back.")));
        Put("storm/Chapter 1.txt", "The storm came in from the west. Nobody slept.\n");
        Put("storm/Chapter 10.txt", "In the end the sea was calm again, and so were they.\n");
        Put("storm/Chapter 2.txt", "Morning showed the damage: two boats gone, the pier split.\n");
        Put("legacy.txt", [.. "Chapter 1\n\nThe caf"u8, 0xE9, .. " on the corner was closed. She went home na"u8, 0xEF, .. "vely hopeful.\n"u8]);
        Put("empty.txt", "");
        Put("picture.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x0D, 0x0A, 0x1A, 0x00, 0x01]);
        Put("windows.txt", [0xEF, 0xBB, 0xBF, .. "Chapter 1\r\n\r\nShe opened the window.\r\nThe air was cold.\r\n\r\nChapter 2\r\n\r\nShe closed it again.\r\n"u8]);
    }

    [Test]
    public async Task A_mixed_folder_is_analysed_bad_files_fail_alone_and_a_rerun_skips_what_is_done()
    {
        MixedFolder();

        var first = await _cli.RunAsync("batch", In, "--pipeline", "quick", "--parallel", "2", "--out", Out);

        Assert.That(first.ExitCode, Is.EqualTo(8), first.ToString());
        var rows = Rows();
        Assert.Multiple(() =>
        {
            Assert.That(rows.Keys, Is.EqualTo(new[]
            {
                "empty.txt", "harbour.txt", "legacy.txt", "lighthouse.md", "picture.txt", "salt-road.docx", "storm/", "windows.txt",
            }));
            Assert.That(rows.Where(r => r.Value.Status == "succeeded").Select(r => r.Key), Is.EquivalentTo(new[]
            {
                "harbour.txt", "legacy.txt", "lighthouse.md", "salt-road.docx", "storm/", "windows.txt",
            }));
            Assert.That(rows["empty.txt"].Status, Is.EqualTo("failed"));
            Assert.That(rows["empty.txt"].Error, Is.EqualTo("the file is empty"));
            Assert.That(rows["picture.txt"].Error, Does.StartWith("a binary file, not text (NUL byte at offset 4"));
            Assert.That(rows["legacy.txt"].Encoding, Is.EqualTo("windows-1252 (not valid UTF-8)"));
            Assert.That(rows["windows.txt"].Encoding, Is.Empty, "UTF-8 with a BOM and CRLF is plain UTF-8");
            Assert.That(rows["windows.txt"].Chapters, Is.EqualTo(2));
            Assert.That(rows["salt-road.docx"].Chapters, Is.EqualTo(2));
            Assert.That(rows["salt-road.docx"].Words, Is.EqualTo(6 + 9));
            Assert.That(rows["storm/"].Chapters, Is.EqualTo(3));
            Assert.That(rows["lighthouse.md"].Chapters, Is.EqualTo(5));
            Assert.That(rows.Values.Where(r => r.Status == "succeeded").Select(r => r.Quality), Is.All.InRange(0.0, 1.0));
        });

        using (var storm = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "storm", "report.json"))))
        {
            var structure = storm.RootElement.GetProperty("nodes").EnumerateArray().First(n => n.GetProperty("id").GetString() == "structure");
            var words = structure.GetProperty("series").GetProperty("chapterWords").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            Assert.That(words, Is.EqualTo(new double[] { 9, 10, 12 }), "chapter 1, 2, 10 in that order: natural order, not text order");
        }
        foreach (var folder in new[] { "harbour", "legacy", "lighthouse", "salt-road", "storm", "windows" })
            Assert.That(File.Exists(Path.Combine(Out, folder, "report.html")), Is.True, folder);
        Assert.That(first.Stdout, Does.Contain("8 manuscript(s): 6 succeeded, 2 failed"));
        Assert.That(File.ReadAllLines(Path.Combine(Out, "summary.csv"))[0],
            Is.EqualTo("file,status,words,chapters,encoding,quality,recommendation1,recommendation2,recommendation3,durationSeconds,sessionId,error"));
        Assert.That(first.Stderr, Does.Contain("failed empty.txt: the file is empty"));

        var sessionsBefore = Directory.GetDirectories(Path.Combine(_cli.DataDir, "sessions")).Length;
        var second = await _cli.RunAsync("batch", In, "--pipeline", "quick", "--parallel", "2", "--out", Out);

        Assert.That(second.ExitCode, Is.EqualTo(8), second.ToString());
        var again = Rows();
        Assert.Multiple(() =>
        {
            Assert.That(again.Where(r => r.Value.Status == "skipped-already-done").Select(r => r.Key),
                Is.EquivalentTo(rows.Where(r => r.Value.Status == "succeeded").Select(r => r.Key)));
            Assert.That(again.Select(r => r.Value with { Status = "", Duration = 0 }), Is.EqualTo(rows.Select(r => r.Value with { Status = "", Duration = 0 })),
                "a skipped manuscript reports what its session found");
            Assert.That(Directory.GetDirectories(Path.Combine(_cli.DataDir, "sessions")), Has.Length.EqualTo(sessionsBefore), "nothing is analysed twice");
            Assert.That(second.Stdout, Does.Contain("6 skipped-already-done, 2 failed; 0 words analysed"));
        });
    }

    [Test]
    public async Task Strict_utf8_fails_the_file_naming_it_and_the_offset_of_its_first_bad_byte()
    {
        Put("fine.txt", "Chapter 1\n\nAll is well here.\n");
        Put("legacy.txt", [.. "Chapter 1\n\nThe caf"u8, 0xE9, .. " was closed.\n"u8]);

        var result = await _cli.RunAsync("batch", In, "--pipeline", "quick", "--encoding", "utf-8", "--out", Out);

        Assert.That(result.ExitCode, Is.EqualTo(8), result.ToString());
        var rows = Rows();
        Assert.That(rows["fine.txt"].Status, Is.EqualTo("succeeded"));
        Assert.That(rows["legacy.txt"].Status, Is.EqualTo("failed"));
        Assert.That(rows["legacy.txt"].Error, Is.EqualTo("not valid UTF-8 (first bad byte at offset 18)"));
        Assert.That(result.Stderr, Does.Contain("failed legacy.txt: not valid UTF-8 (first bad byte at offset 18)"));
    }

    [Test]
    public async Task A_folder_without_manuscripts_exits_3_and_a_bad_parallel_exits_2()
    {
        Directory.CreateDirectory(In);
        Put("notes.pdf", "not a manuscript");

        var none = await _cli.RunAsync("batch", In, "--out", Out);
        var bad = await _cli.RunAsync("batch", In, "--parallel", "0");

        Assert.That(none.ExitCode, Is.EqualTo(3), none.ToString());
        Assert.That(none.Stderr, Does.Contain("no manuscripts matching *.txt;*.md;*.docx"));
        Assert.That(bad.ExitCode, Is.EqualTo(2), bad.ToString());
    }

    [Test]
    public async Task Killed_with_SIGKILL_midway_the_rerun_finishes_without_redoing_anything_and_matches_an_uninterrupted_batch()
    {
        CorpusSlices(In);
        var reference = Path.Combine(_cli.WorkDir, "reference");
        CorpusSlices(reference);

        var killedAt = await KillAfterFirstManuscriptAsync(signal: null);
        var rerun = await _cli.RunAsync("batch", In, "--pipeline", "quick", "--out", Out);

        Assert.That(rerun.ExitCode, Is.Zero, rerun.ToString());
        var rows = Rows();
        Assert.Multiple(() =>
        {
            Assert.That(killedAt, Is.Not.Empty, "at least one manuscript had finished before the kill");
            Assert.That(killedAt.Select(f => rows[f].Status), Is.All.EqualTo("skipped-already-done"), "finished before the kill: reused, not analysed again");
            Assert.That(rows.Values.Select(r => r.Status), Is.All.AnyOf("succeeded", "resumed", "skipped-already-done"));
            Assert.That(rows.Values.Select(r => r.Status), Has.Some.AnyOf("succeeded", "resumed"), "the kill left work for the rerun");
            var inputs = Directory.GetDirectories(Path.Combine(_cli.DataDir, "sessions"))
                .Select(s => JsonDocument.Parse(File.ReadAllText(Path.Combine(s, "session.json"))).RootElement.GetProperty("inputPath").GetString())
                .ToArray();
            Assert.That(inputs, Is.Unique, "one session per manuscript: none was started twice");
            Assert.That(inputs, Has.Length.EqualTo(rows.Count));
        });

        // The same batch, never interrupted (other paths, so new sessions): the same findings for every manuscript.
        var referenceOut = Path.Combine(_cli.WorkDir, "reference-out");
        var uninterrupted = await _cli.RunAsync("batch", reference, "--pipeline", "quick", "--out", referenceOut);
        Assert.That(uninterrupted.ExitCode, Is.Zero, uninterrupted.ToString());
        var expected = Rows(referenceOut);
        Assert.That(rows.Select(r => r.Value with { Status = "", Duration = 0, Session = "" }),
            Is.EqualTo(expected.Select(r => r.Value with { Status = "", Duration = 0, Session = "" })));
    }

    [Test]
    public async Task SIGTERM_stops_cleanly_with_a_summary_and_exit_130_and_the_next_run_finishes_the_rest()
    {
        CorpusSlices(In);

        var finishedBefore = await KillAfterFirstManuscriptAsync(signal: "TERM");

        var stopped = Rows();
        Assert.Multiple(() =>
        {
            Assert.That(stopped.Values.Select(r => r.Status), Has.Some.AnyOf("interrupted", "not-started"));
            Assert.That(finishedBefore.Select(f => stopped[f].Status), Is.All.EqualTo("succeeded"));
        });

        var rerun = await _cli.RunAsync("batch", In, "--pipeline", "quick", "--out", Out);
        Assert.That(rerun.ExitCode, Is.Zero, rerun.ToString());
        var rows = Rows();
        Assert.That(rows.Values.Select(r => r.Status), Is.All.AnyOf("succeeded", "resumed", "skipped-already-done"));
        Assert.That(rows.Where(r => stopped[r.Key].Status == "succeeded").Select(r => r.Value.Status), Is.All.EqualTo("skipped-already-done"));
        // A manuscript stopped inside its session is resumed in that session; one stopped before its session had
        // anything stored (while loading) simply runs.
        var cancelled = rows.Where(r => stopped[r.Key].Status == "interrupted" && stopped[r.Key].Session != "").ToArray();
        Assert.That(cancelled.Select(r => (r.Value.Status, r.Value.Session)), Is.EqualTo(cancelled.Select(r => ("resumed", stopped[r.Key].Session))),
            "a session cancelled midway is resumed, not started again");
        Assert.That(rows.Where(r => stopped[r.Key].Status == "not-started").Select(r => r.Value.Status), Is.All.EqualTo("succeeded"));
    }

    /// <summary>
    /// Starts the batch, waits for the line saying the first manuscript finished (its reports are written by then), then
    /// stops it: SIGKILL (signal null), or the given signal through kill(1), after which it must exit 130 by itself.
    /// Returns the files finished by then.
    /// </summary>
    private async Task<string[]> KillAfterFirstManuscriptAsync(string? signal)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _cli.WorkDir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "orchestrator.dll"), "batch", In, "--pipeline", "quick", "--out", Out, "--data", _cli.DataDir })
            start.ArgumentList.Add(a);
        var lines = new List<string>();
        var finished = new List<string>();
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = start };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (lines)
            {
                lines.Add(e.Data);
                var match = System.Text.RegularExpressions.Regex.Match(e.Data, @"^\[[^\]]+\] succeeded (\S+):");
                if (match.Success) finished.Add(match.Groups[1].Value);
            }
            if (finished.Count > 0) first.TrySetResult();
        };
        process.Start();
        process.BeginErrorReadLine();
        var stdout = process.StandardOutput.ReadToEndAsync();
        await first.Task.WaitAsync(TimeSpan.FromMinutes(1));
        string[] done;
        lock (lines) done = [.. finished];
        if (signal is null)
        {
            process.Kill();
        }
        else
        {
            using var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        string log;
        lock (lines) log = string.Join("\n", lines);
        Assert.That(process.ExitCode, Is.EqualTo(signal is null ? 137 : 130),
            "killed by SIGKILL, or stopped cleanly by SIGTERM (a 0 means the batch ended first: give it more manuscripts)\n" + await stdout + log);
        if (signal is not null)
            Assert.That(log, Does.Contain("Run the same command again to finish the rest."));
        return done;
    }

    /// <summary>
    /// Sixteen manuscripts of about 7,000 words, cut at paragraph breaks from Pride and Prejudice, each a .txt file: after
    /// the first (which pays for JIT compilation) each takes a tenth of a second or so, which leaves time to interrupt.
    /// </summary>
    private static void CorpusSlices(string folder)
    {
        Directory.CreateDirectory(folder);
        var text = File.ReadAllText(CorpusFile("austen-pride-and-prejudice.txt")).ReplaceLineEndings("\n");
        int at = text.IndexOf("Chapter I.", StringComparison.Ordinal);
        for (int i = 1; i <= 16; i++)
        {
            int end = text.IndexOf("\n\n", Math.Min(at + 40_000, text.Length - 1), StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(folder, $"pride-{i:00}.txt"), text[at..end] + "\n");
            at = end + 2;
        }
    }

    private static string CorpusFile(string name)
    {
        for (var dir = new DirectoryInfo(CliProcess.RepoRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus", name);
            if (File.Exists(candidate)) return candidate;
        }
        const string message = "The development corpus (shared/corpus beside the repository) was not found.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) Assert.Fail(message);
        Assert.Ignore(message);
        return "";
    }

    private static byte[] Docx(params (string? Style, string Text)[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new W.Styles(
                new W.Style(new W.StyleName { Val = "Title" }) { Type = W.StyleValues.Paragraph, StyleId = "Title" },
                new W.Style(new W.StyleName { Val = "heading 1" }) { Type = W.StyleValues.Paragraph, StyleId = "Heading1" });
            main.Document = new W.Document(new W.Body(paragraphs.Select(p =>
            {
                var paragraph = new W.Paragraph(new W.Run(new W.Text(p.Text)));
                if (p.Style is not null) paragraph.PrependChild(new W.ParagraphProperties(new W.ParagraphStyleId { Val = p.Style }));
                return paragraph;
            })));
        }
        return stream.ToArray();
    }

    private sealed record Row(string Status, int? Words, int? Chapters, string Encoding, double? Quality, string Recommendations, double Duration, string Session, string? Error);

    private Dictionary<string, Row> Rows(string? folder = null)
    {
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder ?? Out, "summary.json")));
        var rows = new Dictionary<string, Row>();
        foreach (var m in summary.RootElement.GetProperty("manuscripts").EnumerateArray())
        {
            rows[m.GetProperty("file").GetString()!] = new Row(
                m.GetProperty("status").GetString()!,
                m.GetProperty("words").ValueKind == JsonValueKind.Null ? null : m.GetProperty("words").GetInt32(),
                m.GetProperty("chapters").ValueKind == JsonValueKind.Null ? null : m.GetProperty("chapters").GetInt32(),
                m.GetProperty("encodingNote").GetString()!,
                m.GetProperty("quality").ValueKind == JsonValueKind.Null ? null : m.GetProperty("quality").GetDouble(),
                string.Join(" | ", m.GetProperty("topRecommendations").EnumerateArray().Select(e => e.GetString())),
                m.GetProperty("durationSeconds").GetDouble(),
                m.GetProperty("sessionId").GetString() ?? "",
                m.GetProperty("error").GetString());
        }
        return rows;
    }
}
