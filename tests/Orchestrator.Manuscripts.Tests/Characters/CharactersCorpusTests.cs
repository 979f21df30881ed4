using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Manuscripts.Characters;
using M = Orchestrator.Manuscripts.Characters.CharactersMetrics;

namespace Orchestrator.Manuscripts.Tests.Characters;

/// <summary>
/// The characters node on the real novels of the development corpus: the top ten must be dominated by the real
/// main characters, with no obvious non-persons (places, days, titles alone, book furniture) among them.
/// </summary>
public sealed class CharactersCorpusTests
{
    /// <summary>Capitalised words that must never be a top-ten character on their own.</summary>
    private static readonly string[] NonPersons =
    [
        "Chapter", "Project", "Gutenberg", "Lord", "Lady", "Sir", "Mr", "Mrs", "Miss", "Captain", "God", "Heaven", "I", "Oh",
        "Monday", "Sunday", "March", "May", "England", "London", "Pemberley", "Longbourn", "Netherfield", "Meryton", "Rosings",
        "Hertfordshire", "Derbyshire", "Ingolstadt", "Pequod", "Whale", "Sperm", "White Whale", "Indian",
        "English", "French", "Christian", "Majesty", "Ladyship",
    ];

    private static NodeResult Run(string book, out string[] top10)
    {
        var document = Corpus.Load(book);
        var result = CharactersNode.Analyse(document);
        var node = new CharactersNode(new NodeDefinition { Id = "characters", Type = CharactersNode.TypeName });
        Assert.That(node.Validate(result), Is.EqualTo(ResultValidation.Valid));
        top10 = result.Labels[M.CastLabels].Take(10).ToArray();
        TestContext.Out.WriteLine($"{book}: {result.Summary}");
        var mentions = result.Series[M.CastMentionsSeries];
        var lines = result.Series[M.CastLinesSeries];
        for (var i = 0; i < top10.Length; i++)
            TestContext.Out.WriteLine($"{i + 1,2}. {top10[i]} ({mentions[i]} mentions, {lines[i]} lines) [{result.Labels[M.CastVariantsLabels][i]}]");
        foreach (var finding in result.Findings.Where(f => f.Rule is CharactersRules.Narrator or CharactersRules.Protagonist or CharactersRules.Silent))
            TestContext.Out.WriteLine($"{finding.Rule}: {finding.Message} [{finding.Evidence}]");
        return result;
    }

    /// <summary>A cast name is a real character when any of its words (title aside) is one of the known names.</summary>
    private static bool IsKnown(string name, IEnumerable<string> known) =>
        name.Split(' ').Any(word => known.Contains(word, StringComparer.Ordinal));

    private static void AssertDominated(string[] top10, string[] known, int atLeast = 8)
    {
        Assert.That(top10, Has.Length.EqualTo(10));
        var real = top10.Where(n => IsKnown(n, known)).ToArray();
        Assert.That(real, Has.Length.GreaterThanOrEqualTo(atLeast),
            $"top ten: {string.Join(", ", top10)}; not known: {string.Join(", ", top10.Except(real))}");
        foreach (var name in top10)
            Assert.That(NonPersons, Does.Not.Contain(name), $"'{name}' is not a person");
        Assert.That(top10, Is.Unique);
    }

    [Test]
    public void Pride_and_Prejudice()
    {
        var result = Run(Corpus.PrideAndPrejudice, out var top10);

        AssertDominated(top10, ["Elizabeth", "Darcy", "Bennet", "Jane", "Bingley", "Wickham", "Collins", "Lydia", "Catherine",
            "Gardiner", "Charlotte", "Kitty", "Lucas", "Lizzy", "Georgiana", "Fitzwilliam", "Mary", "Philips"], atLeast: 9);
        Assert.That(top10[0], Is.EqualTo("Elizabeth"));
        Assert.That(top10[1], Is.EqualTo("Mr. Darcy"));
        Assert.That(top10, Does.Contain("Jane").And.Contain("Mr. Bingley").And.Contain("Wickham").And.Contain("Lady Catherine")
            .And.Contain("Mrs. Bennet").And.Contain("Mr. Collins").And.Contain("Lydia"));

        // Variants of one person are merged; two people of one family are not.
        var variants = result.Labels[M.CastVariantsLabels];
        Assert.That(variants[0].Split(" | "), Does.Contain("Lizzy").And.Contain("Elizabeth Bennet").And.Contain("Miss Elizabeth"));
        Assert.That(variants[1].Split(" | "), Does.Contain("Darcy"));
        var cast = result.Labels[M.CastLabels];
        Assert.That(cast, Does.Contain("Mr. Bennet").And.Contain("Mrs. Bennet").And.Contain("Miss Bingley"));
        Assert.That(cast.Count(n => n is "Darcy" or "Bingley" or "Elizabeth Bennet" or "Lizzy"), Is.Zero);

        // Elizabeth leads; she speaks most and shares most paragraphs with Darcy.
        Assert.That(result.Series[M.CastLinesSeries][0], Is.EqualTo(result.Series[M.CastLinesSeries].Max()));
        Assert.That(result.Labels[M.PairLabels][0], Is.EqualTo("Elizabeth + Mr. Darcy"));
        Assert.That(result.Findings.Select(f => f.Rule), Does.Contain(CharactersRules.Protagonist));
        Assert.That(result.Metrics[M.Characters], Is.InRange(30, 80));
    }

    [Test]
    public void Alice()
    {
        var result = Run(Corpus.Alice, out var top10);

        AssertDominated(top10, ["Alice", "Queen", "King", "Hatter", "Gryphon", "Mock", "Rabbit", "Duchess", "Dormouse", "Cat",
            "Caterpillar", "Mouse", "Hare", "Bill", "Dinah", "Pigeon", "Dodo", "Knave"], atLeast: 10);
        Assert.That(top10[0], Is.EqualTo("Alice"));
        Assert.That(top10, Does.Contain("Queen").And.Contain("King").And.Contain("Mock Turtle").And.Contain("Hatter")
            .And.Contain("Gryphon").And.Contain("White Rabbit").And.Contain("Duchess"));
        // Alice speaks more than anyone, in every chapter.
        Assert.That(result.Series[M.CastChaptersSeries][0], Is.EqualTo(12));
        Assert.That(result.Series[M.CastLinesSeries][0], Is.GreaterThan(100));
    }

    [Test]
    public void Frankenstein()
    {
        var result = Run(Corpus.Frankenstein, out var top10);

        AssertDominated(top10, ["Victor", "Frankenstein", "Elizabeth", "Clerval", "Henry", "Justine", "William", "Felix", "Agatha",
            "Safie", "Lacey", "Walton", "Ernest", "Krempe", "Waldman", "Kirwin", "Margaret", "Caroline", "Beaufort", "Moritz"], atLeast: 9);
        // First person: Victor, addressed by name in conversation with him, is the narrator and leads. Walton's letters
        // frame the book, but they never name him as a speaker does, so no frame is found and his "I" counts for Victor
        // (the protagonist either way).
        Assert.That(result.Metrics[M.FirstPersonNarration], Is.EqualTo(1));
        Assert.That(result.Metrics[M.FrameNarrator], Is.Zero);
        Assert.That(top10[0], Is.EqualTo("Victor"));
        Assert.That(result.Findings.Single(f => f.Rule == CharactersRules.Narrator).Message,
            Does.StartWith("Told in the first person by Victor, named by others in conversation"));
        Assert.That(result.Findings.Single(f => f.Rule == CharactersRules.Protagonist).Message,
            Does.StartWith("A clear protagonist: Victor narrates the book in the first person"));
        Assert.That(top10[1..3], Does.Contain("Elizabeth"));
        Assert.That(top10, Does.Contain("Clerval").And.Contain("Justine").And.Contain("Felix").And.Contain("Victor"));
        // Henry Clerval is one person.
        Assert.That(result.Labels[M.CastVariantsLabels][Array.IndexOf(top10, "Clerval")].Split(" | "), Does.Contain("Henry"));
    }

    [Test]
    public void Moby_Dick()
    {
        var result = Run(Corpus.MobyDick, out var top10);

        AssertDominated(top10, ["Ahab", "Queequeg", "Starbuck", "Stubb", "Flask", "Pip", "Tashtego", "Daggoo", "Peleg", "Bildad",
            "Fedallah", "Moby", "Ishmael", "Steelkilt", "Perth"]);
        // Told in the first person by Ishmael, who names himself ("Call me Ishmael", "I, Ishmael,") and tells the whole
        // book: no frame narrator hands over, so by the issue's rule the narrator is the protagonist; Ahab, the most
        // named other character, comes second.
        Assert.That(result.Metrics[M.FirstPersonNarration], Is.EqualTo(1));
        Assert.That(result.Metrics[M.FrameNarrator], Is.Zero);
        Assert.That(top10[0], Is.EqualTo("Ishmael"));
        Assert.That(top10[1], Is.EqualTo("Ahab"));
        Assert.That(result.Metrics[M.NarratorReferences], Is.GreaterThan(1_500));
        Assert.That(result.Series[M.CastLinesSeries][0], Is.GreaterThan(40), "\"said I\" and \"I said\" are Ishmael's lines");
        var narrator = result.Findings.Single(f => f.Rule == CharactersRules.Narrator);
        Assert.That(narrator.Message, Does.StartWith("Told in the first person by Ishmael, named in their own words"));
        Assert.That(narrator.Evidence, Is.EqualTo("Call me Ishmael."));
        Assert.That(result.Findings.Single(f => f.Rule == CharactersRules.Protagonist).Message,
            Does.StartWith("A clear protagonist: Ishmael narrates the book in the first person"));
        Assert.That(result.Findings.Where(f => f.Rule == CharactersRules.Silent).Select(f => f.Message), Has.None.Contain("Ishmael"));
        Assert.That(top10, Does.Contain("Starbuck").And.Contain("Stubb").And.Contain("Queequeg").And.Contain("Flask")
            .And.Contain("Moby Dick"));
        // Captain Ahab and Ahab are one person; the whale never speaks.
        Assert.That(result.Labels[M.CastVariantsLabels][1].Split(" | "), Does.Contain("Captain Ahab"));
        Assert.That(result.Series[M.CastLinesSeries][Array.IndexOf(top10, "Moby Dick")], Is.Zero);
    }
}
