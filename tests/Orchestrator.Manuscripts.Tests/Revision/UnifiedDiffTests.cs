using System.Diagnostics;
using Orchestrator.Manuscripts.Revision;

namespace Orchestrator.Manuscripts.Tests.Revision;

public sealed class UnifiedDiffTests
{
    [Test]
    public void A_small_diff_is_written_as_diff_u_writes_it()
    {
        const string old = "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n";
        const string @new = "one\ntwo\nTHREE\nfour\nfive\nsix\nseven\neight\nnine\nten\neleven\n";
        Assert.That(UnifiedDiff.Create(old, @new, "a/n.txt", "b/n.txt"), Is.EqualTo(
            "--- a/n.txt\n+++ b/n.txt\n" +
            "@@ -1,6 +1,6 @@\n one\n two\n-three\n+THREE\n four\n five\n six\n" +
            "@@ -8,3 +8,4 @@\n eight\n nine\n ten\n+eleven\n"));
    }

    [Test]
    public void Close_changes_share_a_hunk_and_context_can_be_zero()
    {
        const string old = "a\nb\nc\nd\ne\n";
        const string @new = "a\nB\nc\nD\ne\n";
        Assert.That(UnifiedDiff.Create(old, @new, "a", "b"), Is.EqualTo("--- a\n+++ b\n@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n-d\n+D\n e\n"));
        Assert.That(UnifiedDiff.Create(old, @new, "a", "b", context: 0), Is.EqualTo("--- a\n+++ b\n@@ -2 +2 @@\n-b\n+B\n@@ -4 +4 @@\n-d\n+D\n"));
    }

    [Test]
    public void Empty_ranges_and_a_missing_last_line_break()
    {
        Assert.That(UnifiedDiff.Create("", "new\n", "a", "b"), Is.EqualTo("--- a\n+++ b\n@@ -0,0 +1 @@\n+new\n"));
        Assert.That(UnifiedDiff.Create("x\ny", "x\ny\n", "a", "b"), Is.EqualTo(
            "--- a\n+++ b\n@@ -1,2 +1,2 @@\n x\n-y\n\\ No newline at end of file\n+y\n"));
        Assert.That(UnifiedDiff.Create("same\n", "same\n", "a", "b"), Is.Empty);
    }

    [Test]
    public void Repeated_lines_give_a_minimal_diff()
    {
        var old = string.Concat(Enumerable.Repeat("\n", 5)) + "x\n" + string.Concat(Enumerable.Repeat("\n", 5));
        var @new = string.Concat(Enumerable.Repeat("\n", 4)) + "x\n" + string.Concat(Enumerable.Repeat("\n", 6));
        var diff = UnifiedDiff.Create(old, @new, "a", "b");
        Assert.That(diff.Split('\n').Count(l => l.StartsWith('-') && !l.StartsWith("---")), Is.EqualTo(1));
        Assert.That(diff.Split('\n').Count(l => l.StartsWith('+') && !l.StartsWith("+++")), Is.EqualTo(1));
        Assert.That(PatchRoundTrip(old, @new, diff), Is.EqualTo(@new));
    }

    [Test]
    public void A_revision_diff_applies_with_patch()
    {
        var old = string.Join("\n\n", Enumerable.Range(1, 200).Select(i =>
            i % 17 == 0 ? $"Paragraph {i} had the the grey  sky -- and then..." : $"Paragraph {i} is plain prose, line {i}.")) + "\n";
        var revised = Revised.Of(old);
        Assert.That(revised.Edits, Is.Not.Empty);
        var diff = UnifiedDiff.Create(old, revised.Text, "a/book.txt", "b/book.txt");
        Assert.That(diff, Does.Contain("-Paragraph 17 had the the grey  sky -- and then...\n+Paragraph 17 had the grey sky—and then…\n"));
        Assert.That(PatchRoundTrip(old, revised.Text, diff), Is.EqualTo(revised.Text));
    }

    [Test]
    public void Random_edits_round_trip_through_patch()
    {
        var random = new Random(7);
        var lines = Enumerable.Range(0, 2000).Select(i => random.Next(4) == 0 ? "" : $"line {random.Next(300)}").ToList();
        var old = string.Join("\n", lines);
        for (var k = 0; k < 150; k++)
        {
            var at = random.Next(lines.Count);
            switch (random.Next(3))
            {
                case 0: lines.RemoveAt(at); break;
                case 1: lines.Insert(at, $"new {k}"); break;
                default: lines[at] = lines[at] + " changed"; break;
            }
        }
        var @new = string.Join("\n", lines) + "\n";
        var diff = UnifiedDiff.Create(old, @new, "a/f", "b/f");
        Assert.That(PatchRoundTrip(old, @new, diff), Is.EqualTo(@new));
    }

    /// <summary>Writes the old text, applies the diff with patch (else git apply), and returns what is left.</summary>
    internal static string PatchRoundTrip(string oldText, string newText, string diff)
    {
        var folder = Directory.CreateTempSubdirectory("revise-diff-");
        try
        {
            var file = Path.Combine(folder.FullName, "book.txt");
            File.WriteAllText(file, oldText);
            var patchFile = Path.Combine(folder.FullName, "change.diff");
            File.WriteAllText(patchFile, diff);
            var (tool, arguments) = File.Exists("/usr/bin/patch") || File.Exists("/bin/patch")
                ? ("patch", new[] { "--quiet", "--batch", "--fuzz=0", file, patchFile })
                : ("git", new[] { "apply", "--unidiff-zero", "-p1", "--directory=.", patchFile });
            var info = new ProcessStartInfo(tool) { WorkingDirectory = folder.FullName, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in arguments) info.ArgumentList.Add(argument);
            using var process = Process.Start(info)!;
            var errors = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.That(process.ExitCode, Is.Zero, $"{tool} failed: {errors}");
            return File.ReadAllText(file);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
