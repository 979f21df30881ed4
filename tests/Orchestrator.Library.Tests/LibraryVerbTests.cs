using System.Text.Json;

namespace Orchestrator.Library.Tests;

/// <summary>The <c>library</c> verbs and <c>run --library</c>, end to end through the real executable.</summary>
[TestFixture]
public sealed class LibraryVerbTests
{
    private const string Bible = """
        # The Lighthouse Bible

        ## Chapter 1. People

        The keeper of the light is Elinor Vance. Elinor Vance's eyes are grey. Everyone on the island knows Elinor.
        """;

    [Test]
    public async Task Add_list_search_and_remove()
    {
        using var folder = new TempFolder();
        var bible = folder.Write("bible.md", Bible);

        var add = await LibraryCli.RunAsync(folder.Path, "library", "add", "series", bible);
        var again = await LibraryCli.RunAsync(folder.Path, "library", "add", "series", bible);
        var list = await LibraryCli.RunAsync(folder.Path, "library", "list");
        var search = await LibraryCli.RunAsync(folder.Path, "library", "search", "series", "keeper of the light", "--k", "2", "--format", "json");
        var removeMissing = await LibraryCli.RunAsync(folder.Path, "library", "remove", "series", "nothing.md");
        var remove = await LibraryCli.RunAsync(folder.Path, "library", "remove", "series");
        var gone = await LibraryCli.RunAsync(folder.Path, "library", "search", "series", "keeper");

        Assert.That((add.ExitCode, add.Stdout.Trim()), Is.EqualTo((0, "added bible.md: 1 chunks, 19 words")), add.Stderr);
        Assert.That((again.ExitCode, again.Stdout.Trim()), Is.EqualTo((0, "unchanged bible.md: already in the library with the same content")));
        Assert.That(list.Stdout, Does.Contain("series").And.Contain("none (lexical)"));
        Assert.That(search.ExitCode, Is.Zero, search.Stderr);
        var hits = JsonDocument.Parse(search.Stdout).RootElement;
        Assert.That(hits.GetArrayLength(), Is.EqualTo(1));
        Assert.That(hits[0].GetProperty("document").GetString(), Is.EqualTo("bible.md"));
        Assert.That(hits[0].GetProperty("chapter").GetInt32(), Is.EqualTo(1));
        Assert.That(hits[0].GetProperty("firstParagraph").GetInt32(), Is.EqualTo(1));
        Assert.That((removeMissing.ExitCode, removeMissing.Stderr), Is.EqualTo((9, $"error: {folder.Library("series")}: no document 'nothing.md' in library series (see: orchestrator library list series)\n")));
        Assert.That(remove.ExitCode, Is.Zero);
        Assert.That(File.Exists(folder.Library("series")), Is.False);
        Assert.That(gone.ExitCode, Is.EqualTo(9));
    }

    [Test]
    public async Task Run_with_a_library_checks_the_manuscript_against_it_and_a_missing_library_exits_9()
    {
        using var folder = new TempFolder();
        var manuscript = folder.Write("keeper.md", """
            # The Keeper

            ## Chapter 1

            The lamp was lit at dusk. At the top of the tower Elinore wound the clockwork, and the beam began to turn.
            That night, in the lamplight, Elinor's eyes were blue.
            """);
        await LibraryCli.RunAsync(folder.Path, "library", "add", "series", folder.Write("bible.md", Bible));

        var check = await LibraryCli.RunAsync(folder.Path, "check", manuscript, "--nodes", "consistency", "--library", "series");
        var missing = await LibraryCli.RunAsync(folder.Path, "run", manuscript, "--pipeline", "quick", "--library", "nosuch");

        Assert.That(check.ExitCode, Is.Zero, check.Stderr);
        Assert.That(check.Stdout, Does.Contain("consistency.library.name-variant").And.Contain("consistency.library.trait-conflict"));
        Assert.That(missing.ExitCode, Is.EqualTo(9));
        Assert.That(missing.Stderr.Trim(), Is.EqualTo($"error: {folder.Library("nosuch")}: no such library (see: orchestrator library list)"));
    }
}
