using Orchestrator.Manuscripts.Genres;
using Orchestrator.Manuscripts.Themes;

namespace Orchestrator.Manuscripts.Tests.Themes;

public sealed class LexiconTests
{
    [TestCase("betray", new[] { "betray", "betrays", "betrayed", "betraying" })]
    [TestCase("love", new[] { "love", "loves", "loved", "loving" })]
    [TestCase("bury", new[] { "bury", "buries", "buried", "burying" })]
    [TestCase("die", new[] { "die", "dies", "died", "dying" })]
    [TestCase("kiss", new[] { "kiss", "kisses", "kissed", "kissing" })]
    [TestCase("free", new[] { "free", "frees", "freed", "freeing" })]
    [TestCase("hero", new[] { "hero", "heros", "heroes", "heroed", "heroing" })]
    [TestCase("grab", new[] { "grab", "grabs", "grabed", "grabing", "grabbed", "grabbing" })]
    [TestCase("open", new[] { "open", "opens", "opened", "opening", "openned", "openning" })]
    [TestCase("Wed", new[] { "wed", "weds", "weded", "weding", "wedded", "wedding" })]
    [TestCase("pray", new[] { "pray", "prays", "prayed", "praying" })]
    public void Inflections_are_the_regular_forms(string stem, string[] forms)
    {
        Assert.That(Inflections.Of(stem), Is.EquivalentTo(forms));
    }

    [Test]
    public void The_fifteen_themes_of_the_issue_are_built_in_with_40_to_80_entries_each()
    {
        Assert.That(ThemeLexicons.Known, Is.EqualTo(new[]
        {
            "heroism", "friendship", "love", "betrayal", "death", "family", "power", "freedom", "identity", "revenge",
            "redemption", "war", "coming-of-age", "faith", "class",
        }));
        foreach (var lexicon in ThemeLexicons.All)
        {
            Assert.That(lexicon.Stems, Has.Count.InRange(40, 80), lexicon.Key);
            Assert.That(lexicon.Stems, Is.Unique, lexicon.Key);
            Assert.That(lexicon.Words.Count, Is.GreaterThan(lexicon.Stems.Count * 3), lexicon.Key); // inflections were added
        }
    }

    [Test]
    public void Every_genre_of_the_genre_table_has_a_lexicon_in_the_same_order()
    {
        Assert.That(GenreLexicons.All.Select(l => l.Key), Is.EqualTo(GenreNorms.Known));
        Assert.That(GenreLexicons.All.Select(l => l.Name), Is.EqualTo(GenreNorms.All.Select(n => n.Name)));
        foreach (var lexicon in GenreLexicons.All)
        {
            Assert.That(lexicon.Stems, Has.Count.InRange(50, 100), lexicon.Key);
            Assert.That(lexicon.Stems, Is.Unique, lexicon.Key);
        }
    }

    [TestCase("love", "love")]
    [TestCase("  Coming of Age ", "coming-of-age")]
    [TestCase("coming_of_age", "coming-of-age")]
    [TestCase("growing up", "coming-of-age")]
    [TestCase("Vengeance", "revenge")]
    [TestCase("religion", "faith")]
    [TestCase("social class", "class")]
    public void Requested_themes_resolve_by_key_or_alias(string requested, string key)
    {
        Assert.That(ThemeLexicons.TryGet(requested, out var lexicon), Is.True);
        Assert.That(lexicon.Key, Is.EqualTo(key));
    }

    [TestCase("time travel")]
    [TestCase("")]
    [TestCase(null)]
    public void Unknown_themes_do_not_resolve(string? requested)
    {
        Assert.That(ThemeLexicons.TryGet(requested, out _), Is.False);
    }

    [TestCase("sci-fi", "science-fiction")]
    [TestCase("YA", "young-adult")]
    [TestCase("Literary Fiction", "literary")]
    [TestCase("crime", "mystery")]
    public void Genres_resolve_through_the_genre_table_aliases(string requested, string key)
    {
        Assert.That(GenreLexicons.TryGet(requested, out var lexicon), Is.True);
        Assert.That(lexicon.Key, Is.EqualTo(key));
    }

    [Test]
    public void The_index_matches_case_possessives_hyphenated_parts_and_several_lexicons()
    {
        var themes = ThemeLexicons.All;
        var index = new LexiconIndex(themes);
        ulong Bit(string key) => 1UL << themes.ToList().FindIndex(l => l.Key == key);

        Assert.That(index.Match("FATHER"), Is.EqualTo(Bit("family")));
        Assert.That(index.Match("father’s"), Is.EqualTo(Bit("family")));
        Assert.That(index.Match("father's"), Is.EqualTo(Bit("family")));
        Assert.That(index.Match("brother-in-law"), Is.EqualTo(Bit("family")));
        Assert.That(index.Match("betrayed"), Is.EqualTo(Bit("betrayal")));
        Assert.That(index.Match("orphan"), Is.EqualTo(Bit("family") | Bit("death")));
        Assert.That(index.Match("enemies"), Is.EqualTo(Bit("revenge") | Bit("war")));
        Assert.That(index.Match("the"), Is.Zero);
        Assert.That(index.Match("dare"), Is.Zero); // "I dare say" is left out on purpose
        Assert.That(LexiconIndex.Members(Bit("family") | Bit("death")).ToArray(),
            Is.EqualTo(new[] { themes.ToList().FindIndex(l => l.Key == "death"), themes.ToList().FindIndex(l => l.Key == "family") }));
    }
}
