using System.Text.RegularExpressions;
using Orchestrator.Engine.Findings;
using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Manuscripts.Requirements;
using Orchestrator.Manuscripts.Text;
using Orchestrator.Manuscripts.Themes;
using M = Orchestrator.Manuscripts.Themes.ThemesMetrics;

namespace Orchestrator.Manuscripts.Tests.Themes;

/// <summary>
/// The themes node on the novels of the development corpus (<see cref="Corpus"/>: ignored when the corpus is missing,
/// failed on CI): what any reader of these books would name as their themes must come out strong.
/// </summary>
public sealed class ThemesCorpusTests
{
    private static readonly ThemesNode Node = new(new NodeDefinition { Id = "themes", Type = ThemesNode.TypeName });

    private static Finding[] Rule(NodeResult result, string rule) => result.Findings.Where(f => f.Rule == rule).ToArray();

    private static string[] Strongest(NodeResult result, int count) =>
        ThemeLexicons.Known.OrderByDescending(k => result.Metrics[M.ThemeIntensity(k)]).Take(count).ToArray();

    private static bool IsStrong(NodeResult result, string theme) =>
        result.Metrics[M.ThemeIntensity(theme)] >= ThemesOptions.Default.StrongIntensity
        && result.Metrics[M.ThemeCoverage(theme)] >= ThemesOptions.Default.StrongCoverage;

    private static string[] Detected(NodeResult result) =>
        Rule(result, ThemesRules.Detected).Select(f => Regex.Match(f.Message, "^The text carries (.+?) strongly").Groups[1].Value).ToArray();

    [Test]
    public void Pride_and_Prejudice_is_about_love_family_and_class_and_reads_as_romance()
    {
        var document = Corpus.Load(Corpus.PrideAndPrejudice);
        var result = ThemesNode.Analyse(document, new ManuscriptRequirements { Genre = "romance", Themes = ["love", "class"] });

        Assert.That(Node.Validate(result), Is.EqualTo(ResultValidation.Valid));
        Assert.That(Strongest(result, 3), Is.EquivalentTo(new[] { "family", "love", "class" }));
        Assert.That(Rule(result, ThemesRules.RequestedCarried), Has.Length.EqualTo(2));
        Assert.That(result.Metrics[M.ThemeCoverage("love")], Is.GreaterThan(0.8));
        Assert.That(Detected(result), Does.Contain("family"));

        var best = Rule(result, ThemesRules.BestGenreFit).Single();
        Assert.That(best.Message, Does.StartWith("The vocabulary fits romance best"));
        Assert.That(best.IsStrength, Is.True);
        Assert.That(Rule(result, ThemesRules.PoorGenreFit), Is.Empty);
        Assert.That(result.Series[M.ThemeSeries("love")], Has.Count.EqualTo(61));
        Assert.That(result.Score, Is.GreaterThan(0.9));
        AssertLocatedEvidence(document, result);
        TestContext.Out.WriteLine(result.Summary);
    }

    [Test]
    public void Moby_Dick_carries_death_faith_and_power_and_fits_romance_poorly()
    {
        var document = Corpus.Load(Corpus.MobyDick);
        var result = ThemesNode.Analyse(document, new ManuscriptRequirements { Genre = "romance" });
        var pride = ThemesNode.Analyse(Corpus.Load(Corpus.PrideAndPrejudice));

        Assert.That(Strongest(result, 3), Is.EquivalentTo(new[] { "death", "faith", "power" }));
        foreach (var theme in new[] { "death", "faith", "power" })
            Assert.That(IsStrong(result, theme), Is.True, theme);
        Assert.That(Detected(result), Is.SupersetOf(new[] { "death", "faith", "power" }));
        Assert.That(Detected(result), Does.Not.Contain("love"));

        Assert.That(result.Metrics[M.GenreFit("romance")], Is.LessThan(ThemesOptions.Default.PoorFit));
        Assert.That(result.Metrics[M.GenreFit("romance")], Is.LessThan(pride.Metrics[M.GenreFit("romance")] / 2));
        var poor = Rule(result, ThemesRules.PoorGenreFit).Single();
        Assert.That(poor.Message, Does.StartWith("The text's vocabulary fits romance poorly: fit 0."));
        Assert.That(Rule(result, ThemesRules.BestGenreFit).Single().Message, Does.Not.Contain("fits romance best"));
        AssertLocatedEvidence(document, result);
        TestContext.Out.WriteLine(result.Summary);
    }

    [Test]
    public void Frankenstein_carries_death_family_and_revenge()
    {
        var document = Corpus.Load(Corpus.Frankenstein);
        var result = ThemesNode.Analyse(document);

        foreach (var theme in new[] { "death", "family", "revenge" })
            Assert.That(IsStrong(result, theme), Is.True, theme);
        Assert.That(Detected(result), Is.SupersetOf(new[] { "death", "family", "revenge" }));
        Assert.That(Rule(result, ThemesRules.Detected).All(f => f.IsStrength), Is.True); // no themes requested
        // Revenge drives the second half: its strongest chapter is late in the book.
        var revenge = Rule(result, ThemesRules.Detected).Single(f => f.Message.StartsWith("The text carries revenge", StringComparison.Ordinal));
        Assert.That(revenge.Message, Does.Match(@"strongest in Chapter (1[5-9]|2[0-4]) "));
        Assert.That(result.Metrics[M.WeakThemes], Is.Zero);
        AssertLocatedEvidence(document, result);
        TestContext.Out.WriteLine(result.Summary);
    }

    /// <summary>
    /// The "reads most like" verdict on books of clear genre: distinctive words (outside the Dale–Chall familiar list) and
    /// spread through the book decide, not the love and family words every novel has.
    /// </summary>
    [TestCase(Corpus.Frankenstein, "horror", "science fiction")]
    [TestCase(Corpus.Alice, "fantasy", "middle grade")]
    [TestCase(Corpus.MobyDick, "literary fiction", "adventure")]
    [TestCase(Corpus.PrideAndPrejudice, "romance", "literary fiction")]
    public void Reads_most_like_its_shelf(string book, string one, string other)
    {
        var result = ThemesNode.Analyse(Corpus.Load(book));

        var best = Rule(result, ThemesRules.BestGenreFit).Single();
        var verdict = Regex.Match(best.Message, "^The vocabulary fits (.+?) best: score (0\\.\\d\\d) \\(([0-9.]+) distinctive").Groups;
        Assert.That(verdict[1].Value, Is.EqualTo(one).Or.EqualTo(other), best.Message);
        Assert.That(result.Summary, Does.Contain("reads most like " + verdict[1].Value));
        var key = Orchestrator.Manuscripts.Genres.GenreNorms.All.Single(n => n.Name == verdict[1].Value).Key;
        Assert.That(double.Parse(verdict[3].Value, System.Globalization.CultureInfo.InvariantCulture),
            Is.EqualTo(result.Metrics[M.GenreDistinctiveIntensity(key)]).Within(0.05));
        TestContext.Out.WriteLine(best.Message);
    }

    /// <summary>Every located finding with evidence points at text that begins with its evidence (white space normalised).</summary>
    private static void AssertLocatedEvidence(ManuscriptDocument document, NodeResult result)
    {
        foreach (var finding in result.Findings.Where(f => f.Location?.Chapter is not null && f.Evidence is not null))
        {
            var located = Regex.Replace(document.Text.Substring(finding.Location!.Offset, finding.Location.Length), @"\s+", " ").Trim();
            Assert.That(located, Does.StartWith(finding.Evidence!.TrimEnd('…')), finding.Message);
        }
    }
}
