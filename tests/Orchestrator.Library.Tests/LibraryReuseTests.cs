using System.Text.Json;

namespace Orchestrator.Library.Tests;

/// <summary>
/// The library's version in the key a finished session is reused by: a batch re-run with the same library skips what
/// is done, and with a changed library analyses it again (the real executable, the real library file).
/// </summary>
[TestFixture]
public sealed class LibraryReuseTests
{
    [Test]
    public async Task A_batch_rerun_skips_with_the_same_library_and_analyses_again_when_the_library_changed()
    {
        using var folder = new TempFolder();
        var books = Directory.CreateDirectory(folder.File("books")).FullName;
        await File.WriteAllTextAsync(Path.Combine(books, "carrow.md"), """
            # Carrow

            ## Chapter 1

            Marren Hale climbed the steps of the Carrow light at dusk. Her eyes were blue. Tomas Reyne waited in the cottage below.

            ## Chapter 2

            Marren wiped the lens and watched the sea. Tomas said the generators could not fail, and Marren did not believe him.
            """);
        var bible = folder.Write("bible.md", "# Bible\n\n## Maren Hale\n\nMaren Hale keeps the Carrow light. Her eyes were grey.\n");
        var ferry = folder.Write("ferry.md", "# Ferry\n\n## The ferry\n\nThe mail ferry from Skellan runs twice a week.\n");
        Assert.That((await LibraryCli.RunAsync(folder.Path, "library", "add", "series", bible)).ExitCode, Is.Zero);

        var first = await BatchAsync(folder, books);
        var same = await BatchAsync(folder, books);
        Assert.That((await LibraryCli.RunAsync(folder.Path, "library", "add", "series", ferry)).ExitCode, Is.Zero);
        var changed = await BatchAsync(folder, books);
        var withoutLibrary = await BatchAsync(folder, books, library: false);

        Assert.Multiple(() =>
        {
            Assert.That(first.Status, Is.EqualTo("succeeded"));
            Assert.That(same.Status, Is.EqualTo("skipped-already-done"), "the same library: nothing runs");
            Assert.That(same.Session, Is.EqualTo(first.Session));
            Assert.That(changed.Status, Is.EqualTo("succeeded"), "a changed library: analysed again");
            Assert.That(changed.Session, Is.Not.EqualTo(first.Session));
            Assert.That(withoutLibrary.Status, Is.EqualTo("succeeded"), "no library is another key too");
        });
        var again = await BatchAsync(folder, books);
        Assert.That(again.Status, Is.EqualTo("skipped-already-done"), "and that analysis is reused while the library stays as it is");
        Assert.That(again.Session, Is.EqualTo(changed.Session));
    }

    /// <summary>The default pipeline: its consistency node reads the library.</summary>
    private static async Task<(string Status, string Session)> BatchAsync(TempFolder folder, string books, bool library = true)
    {
        var result = await LibraryCli.RunAsync(folder.Path, library ? ["batch", books, "--library", "series"] : ["batch", books]);
        Assert.That(result.ExitCode, Is.Zero, result.Stdout + result.Stderr);
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder.Path, "batches", "books", "summary.json")));
        var row = summary.RootElement.GetProperty("manuscripts")[0];
        return (row.GetProperty("status").GetString()!, row.GetProperty("sessionId").GetString()!);
    }
}
