using Orchestrator.Library.Chunking;
using Orchestrator.Manuscripts.Loading;

namespace Orchestrator.Library.Tests;

/// <summary>Adding, replacing, removing and listing documents; the library version; chunks and their locations.</summary>
[TestFixture]
public sealed class LibraryStoreTests
{
    private const string Bible = """
        # Series Bible

        ## Chapter 1. People

        The keeper of the light is Elinor Vance. Elinor Vance's eyes are grey. Everyone on the island knows Elinor.

        Her brother is Tobias Vance. Tobias was thirty when the storm came.

        ## Chapter 2. Places

        The island is called Skellan. The ferry from Skellan runs twice a week, weather allowing.
        """;

    [Test]
    public async Task Adding_the_same_content_twice_changes_nothing_and_a_changed_file_replaces_its_chunks()
    {
        using var folder = new TempFolder();
        var file = folder.Write("bible.md", Bible);
        await using var library = await Open(folder);
        var empty = library.Version;

        var first = await library.AddAsync(file, CancellationToken.None);
        var afterAdd = library.Version;
        var again = await library.AddAsync(file, CancellationToken.None);

        Assert.That(first.Single().Outcome, Is.EqualTo(AddOutcome.Added));
        Assert.That(again.Single().Outcome, Is.EqualTo(AddOutcome.Unchanged));
        Assert.That(afterAdd, Is.Not.EqualTo(empty));
        Assert.That(library.Version, Is.EqualTo(afterAdd), "an unchanged add keeps the version");

        File.WriteAllText(file, Bible.Replace("twice a week", "every day", StringComparison.Ordinal));
        var changed = await library.AddAsync(file, CancellationToken.None);
        Assert.That(changed.Single().Outcome, Is.EqualTo(AddOutcome.Replaced));
        Assert.That(library.Version, Is.Not.EqualTo(afterAdd));

        var documents = await library.ListAsync(CancellationToken.None);
        Assert.That(documents.Select(d => d.Name), Is.EqualTo(new[] { "bible.md" }));
        var hits = await library.SearchAsync("ferry every day", 5, CancellationToken.None);
        Assert.That(hits.Any(h => h.Text.Contains("every day", StringComparison.Ordinal)), Is.True);
        Assert.That(hits.Any(h => h.Text.Contains("twice a week", StringComparison.Ordinal)), Is.False, "the old chunks are gone");
    }

    [Test]
    public async Task The_same_content_under_another_name_is_not_added_twice()
    {
        using var folder = new TempFolder();
        await using var library = await Open(folder);
        await library.AddAsync(folder.Write("bible.md", Bible), CancellationToken.None);
        var copy = await library.AddAsync(folder.Write("copy.md", Bible), CancellationToken.None);
        Assert.That(copy.Single(), Is.EqualTo(new AddResult("copy.md", AddOutcome.Unchanged, copy.Single().Chunks, copy.Single().Words, "bible.md")));
    }

    [Test]
    public async Task Removing_a_document_drops_its_chunks_and_facts_and_changes_the_version()
    {
        using var folder = new TempFolder();
        await using var library = await Open(folder);
        await library.AddAsync(folder.Write("bible.md", Bible), CancellationToken.None);
        await library.AddAsync(folder.Write("notes.txt", "Skellan lighthouse was built in 1821 by the Northern Board."), CancellationToken.None);
        var before = library.Version;

        Assert.That(await library.RemoveAsync("bible.md", CancellationToken.None), Is.EqualTo(1));
        Assert.That(await library.RemoveAsync("bible.md", CancellationToken.None), Is.Zero);
        Assert.That(library.Version, Is.Not.EqualTo(before));
        var facts = await library.FactsAsync(CancellationToken.None);
        Assert.That(facts.Names.Select(n => n.Form), Does.Not.Contain("Elinor"));
        Assert.That(facts.Traits, Is.Empty);
        var hits = await library.SearchAsync("Elinor Vance keeper", 5, CancellationToken.None);
        Assert.That(hits, Is.Empty);
    }

    [Test]
    public async Task Search_hits_carry_document_chapter_paragraph_and_text()
    {
        using var folder = new TempFolder();
        await using var library = await Open(folder);
        await library.AddAsync(folder.Write("bible.md", Bible), CancellationToken.None);

        var hit = (await library.SearchAsync("ferry weather", 1, CancellationToken.None)).Single();

        Assert.That(hit.Document, Is.EqualTo("bible.md"));
        Assert.That(hit.Chapter, Is.EqualTo(2));
        Assert.That(hit.ChapterHeading, Does.Contain("Places"));
        Assert.That((hit.FirstParagraph, hit.LastParagraph), Is.EqualTo((1, 1)));
        Assert.That(hit.Text, Does.StartWith("The island is called Skellan."));
        Assert.That(hit.Score, Is.GreaterThan(0));
    }

    [Test]
    public async Task Facts_hold_the_names_and_stated_traits_with_their_places()
    {
        using var folder = new TempFolder();
        await using var library = await Open(folder);
        await library.AddAsync(folder.Write("bible.md", Bible), CancellationToken.None);

        var facts = await library.FactsAsync(CancellationToken.None);

        Assert.That(facts.Names.Select(n => n.Form), Is.SupersetOf(new[] { "Elinor", "Vance", "Tobias", "Skellan" }));
        Assert.That(facts.Traits.Select(t => (t.Subject, t.Attribute, t.Value, t.Place.ToString())), Is.EqualTo(new[]
        {
            ("Elinor Vance", "eyes", "grey", "bible.md, chapter 1, paragraph 1"),
            ("Tobias", "age", "thirty", "bible.md, chapter 1, paragraph 2"),
        }));
    }

    [Test]
    public async Task A_library_that_does_not_exist_is_not_created_by_a_search()
    {
        using var folder = new TempFolder();
        var path = folder.Library("missing");
        var error = Assert.ThrowsAsync<LibraryException>(() => LibraryStore.OpenAsync("missing", path, LibraryOptions.Default, CancellationToken.None));
        Assert.That(error!.Message, Does.StartWith(path).And.Contain("no such library"));
        Assert.That(File.Exists(path), Is.False);
    }

    [Test]
    public async Task Chunks_are_whole_paragraphs_of_one_chapter_and_overlap_by_a_short_paragraph()
    {
        var document = await ManuscriptLoader.LoadAsync(Corpus.PathOf(Corpus.PrideAndPrejudice), CancellationToken.None);
        var chunks = ParagraphChunker.Split(document, ChunkingOptions.Default);

        Assert.That(chunks, Has.Count.GreaterThan(300));
        foreach (var chunk in chunks)
        {
            var chapter = document.Chapters[chunk.Chapter - 1];
            var first = document.Paragraphs[chapter.FirstParagraph + chunk.FirstParagraph - 1];
            var last = document.Paragraphs[chapter.FirstParagraph + chunk.LastParagraph - 1];
            if (first == last && first.WordCount > ChunkingOptions.Default.MaxWords)
            {
                // A long paragraph is cut on its sentences.
                Assert.That(document.Slice(first.Span).ToString(), Does.Contain(chunk.Text), $"chunk {chunk.Ordinal} is a run of sentences of its paragraph");
                continue;
            }
            Assert.That(chunk.Text, Does.StartWith(document.Slice(first.Span).ToString()), $"chunk {chunk.Ordinal} starts at its first paragraph");
            Assert.That(chunk.Text, Does.EndWith(document.Slice(last.Span).ToString()), $"chunk {chunk.Ordinal} ends at its last paragraph");
            Assert.That(chunk.Words, Is.LessThanOrEqualTo(ChunkingOptions.Default.MaxWords), $"chunk {chunk.Ordinal}");
        }
        var words = chunks.Sum(c => c.Words);
        Assert.That(words, Is.GreaterThan(document.WordCount * 0.99).And.LessThan(document.WordCount * 1.6), "every word is in a chunk; overlap adds a share");
        Assert.That(chunks.Zip(chunks.Skip(1)).Count(p => p.First.Chapter == p.Second.Chapter && p.Second.FirstParagraph == p.First.LastParagraph),
            Is.GreaterThan(chunks.Count / 4), "a short last paragraph starts the next chunk too");
    }

    private static Task<LibraryStore> Open(TempFolder folder) =>
        LibraryStore.OpenAsync("series", folder.Library("series"), new LibraryOptions { Create = true }, CancellationToken.None);
}
