using Orchestrator.Manuscripts.Genres;

namespace Orchestrator.Manuscripts.Tests.Structure;

public sealed class GenreNormsTests
{
    [TestCase("fantasy", "fantasy")]
    [TestCase("science-fiction", "science-fiction")]
    [TestCase("thriller", "thriller")]
    [TestCase("mystery", "mystery")]
    [TestCase("romance", "romance")]
    [TestCase("literary", "literary")]
    [TestCase("historical", "historical")]
    [TestCase("young-adult", "young-adult")]
    [TestCase("middle-grade", "middle-grade")]
    [TestCase("sci-fi", "science-fiction")]
    [TestCase("SciFi", "science-fiction")]
    [TestCase("Science Fiction", "science-fiction")]
    [TestCase("science_fiction", "science-fiction")]
    [TestCase("YA", "young-adult")]
    [TestCase("young adult", "young-adult")]
    [TestCase("mg", "middle-grade")]
    [TestCase("Middle Grade", "middle-grade")]
    [TestCase("Literary Fiction", "literary")]
    [TestCase("  literary   fiction ", "literary")]
    [TestCase("Historical Fiction", "historical")]
    [TestCase("FANTASY", "fantasy")]
    [TestCase("fantasy fiction", "fantasy")]
    public void Finds_genres_and_aliases_case_insensitively(string name, string expectedKey)
    {
        Assert.That(GenreNorms.TryGet(name, out var norm), Is.True);
        Assert.That(norm.Key, Is.EqualTo(expectedKey));
    }

    [TestCase("space opera")]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase(null)]
    [TestCase("fiction")]
    public void Unknown_or_blank_genres_are_not_found(string? name)
    {
        Assert.That(GenreNorms.TryGet(name, out _), Is.False);
    }

    [Test]
    public void Known_lists_the_eleven_canonical_genres_in_order()
    {
        Assert.That(GenreNorms.Known, Is.EqualTo(new[]
        {
            "fantasy", "science-fiction", "thriller", "mystery", "romance", "horror", "adventure", "literary", "historical", "young-adult",
            "middle-grade",
        }));
    }

    [Test]
    public void Every_norm_is_a_sane_range_with_its_typical_value_inside_and_a_source()
    {
        foreach (var norm in GenreNorms.All)
        {
            Assert.That(norm.MinWords, Is.GreaterThanOrEqualTo(20_000), norm.Key);
            Assert.That(norm.MaxWords, Is.GreaterThan(norm.MinWords), norm.Key);
            Assert.That(norm.TypicalWords, Is.InRange(norm.MinWords, norm.MaxWords), norm.Key);
            Assert.That(norm.Source, Does.Contain("Writer's Digest"), norm.Key);
        }
    }

    [Test]
    public void The_quoted_figures_are_the_ones_in_the_table()
    {
        // Writer's Digest: adult commercial fiction under 70,000 is too short, 110,000 or above too long.
        Assert.That(GenreNorms.TryGet("thriller", out var thriller), Is.True);
        Assert.That((thriller.MinWords, thriller.MaxWords, thriller.TypicalWords), Is.EqualTo((70_000, 110_000, 85_000)));
        // Writer's Digest: YA 55,000–79,999; middle grade 20,000–55,000.
        Assert.That(GenreNorms.TryGet("ya", out var ya), Is.True);
        Assert.That((ya.MinWords, ya.MaxWords), Is.EqualTo((55_000, 80_000)));
        Assert.That(GenreNorms.TryGet("mg", out var mg), Is.True);
        Assert.That((mg.MinWords, mg.MaxWords), Is.EqualTo((20_000, 55_000)));
        // Fantasy tops out at BookEnds' 120,000.
        Assert.That(GenreNorms.TryGet("fantasy", out var fantasy), Is.True);
        Assert.That(fantasy.MaxWords, Is.EqualTo(120_000));
    }

    [Test]
    public void Contains_is_inclusive_at_both_edges()
    {
        Assert.That(GenreNorms.TryGet("romance", out var romance), Is.True);
        Assert.That(romance.Contains(70_000), Is.True);
        Assert.That(romance.Contains(110_000), Is.True);
        Assert.That(romance.Contains(69_999), Is.False);
        Assert.That(romance.Contains(110_001), Is.False);
    }
}
