using Orchestrator.Manuscripts.Genres;
using Orchestrator.Manuscripts.Text;
using Orchestrator.Manuscripts.Themes;
using M = Orchestrator.Manuscripts.Themes.ThemesMetrics;

namespace Orchestrator.Manuscripts.Tests.Themes;

/// <summary>The "reads most like" verdict weighs distinctive words above familiar ones, and names a close runner-up.</summary>
public sealed class GenreVerdictTests
{
    private static ManuscriptDocument Book(string chapter, int chapters = 4) =>
        TextIndexer.Build(string.Concat(Enumerable.Range(1, chapters).Select(i => $"Chapter {i}\n\n{chapter}\n\n")), "Test", "hash");

    private static string Verdict(ManuscriptDocument document) =>
        ThemesNode.Analyse(document).Findings.Single(f => f.Rule == ThemesRules.BestGenreFit).Message;

    [Test]
    public void A_few_distinctive_words_outweigh_many_familiar_ones()
    {
        // Many familiar romance words (love, heart, kiss, dance, ball), a few distinctive horror ones (vampire, crypt, coffin).
        var document = Book("She loved him with all her heart, and they kissed and danced at the ball. Her heart was full of love. " +
                            "Below the house a vampire waited in the crypt beside his coffin. They went home late that night.");
        var result = ThemesNode.Analyse(document);

        Assert.That(result.Metrics[M.GenreIntensity("romance")], Is.GreaterThan(result.Metrics[M.GenreIntensity("horror")]));
        Assert.That(Verdict(document), Does.StartWith("The vocabulary fits horror best"));
    }

    [Test]
    public void A_close_runner_up_is_named()
    {
        var document = Book("The vampire left the crypt and the ghost followed the corpse. The expedition sailed for the island " +
                            "and the explorer read the compass. Then they slept.");

        Assert.That(Verdict(document), Does.Match("fits (horror|adventure) best: .*, with (horror|adventure) a close second"));
        Assert.That(ThemesNode.Analyse(document).Summary, Does.Match("reads most like (horror|adventure) or (horror|adventure)"));
    }

    [Test]
    public void Horror_and_adventure_have_cited_word_count_norms()
    {
        foreach (var genre in new[] { "horror", "adventure", "gothic", "action-adventure" })
        {
            Assert.That(GenreNorms.TryGet(genre, out var norm), Is.True, genre);
            Assert.That((norm.MinWords, norm.MaxWords), Is.EqualTo((70_000, 110_000)), genre);
            Assert.That(norm.Source, Does.Contain("Writer's Digest"));
        }
    }
}
