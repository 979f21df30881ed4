using System.Text.Json;
using Orchestrator.Engine.Findings;
using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Manuscripts.Revision;
using Orchestrator.Manuscripts.Text;
using M = Orchestrator.Manuscripts.Revision.RevisionMetrics;

namespace Orchestrator.Manuscripts.Tests.Revision;

public sealed class ReviseNodeTests
{
    private const string Messy =
        "Chapter 1\n\nShe walked to the the door  and looked out . The grey sky was gray and grey -- it was late...\n\n\n" +
        "\"Don't go,\" he said. 'Tis the season , she thought.   \n\nChapter 2\n\nThey had had enough. The colour was a colour, not a color.";

    private static ReviseNode Node(string optionsJson = "{}") => new(new NodeDefinition
    {
        Id = "revise",
        Type = ReviseNode.TypeName,
        Options = new NodeOptions(JsonDocument.Parse(optionsJson).RootElement),
    });

    private static Task<NodeResult> RunAsync(ManuscriptDocument document, string options = "{}") =>
        Node(options).RunAsync(new NodeContext
        {
            SessionId = "test",
            Iteration = 1,
            Attempt = 1,
            Subject = document,
            Upstream = new Dictionary<string, NodeResult>(),
        }, CancellationToken.None);

    private static ManuscriptDocument Doc(string text) => TextIndexer.Build(text, "Test", "hash");

    [Test]
    public async Task The_node_revises_with_the_default_house_style()
    {
        var document = Doc(Messy);
        var result = await RunAsync(document);
        Assert.That(TextRevision.Apply(document.Text, result.Edits), Is.EqualTo(
            "Chapter 1\n\nShe walked to the door and looked out. The grey sky was grey and grey—it was late…\n\n" +
            "\"Don't go,\" he said. 'Tis the season, she thought.\n\nChapter 2\n\nThey had had enough. The colour was a colour, not a colour."));
        Assert.Multiple(() =>
        {
            Assert.That(result.Metrics[M.EditsOf(RevisionRules.LexicalIllusion)], Is.EqualTo(1));
            Assert.That(result.Metrics[M.EditsOf(RevisionRules.Spelling)], Is.EqualTo(2));
            Assert.That(result.Metrics[M.EditsOf(RevisionRules.Whitespace)], Is.EqualTo(5));
            Assert.That(result.Metrics[M.EditsOf(RevisionRules.Ellipsis)], Is.EqualTo(1));
            Assert.That(result.Metrics[M.EditsOf(RevisionRules.Dash)], Is.EqualTo(1));
            Assert.That(result.Metrics[M.EditsOf(RevisionRules.Quotes)], Is.EqualTo(0));
            Assert.That(result.Metrics[M.Total], Is.EqualTo(10));
            Assert.That(result.Edits, Has.Count.EqualTo(10));
            Assert.That(Node().Validate(result).IsValid, Is.True);
        });
    }

    [Test]
    public async Task Score_summary_and_one_finding_per_rule_with_an_example()
    {
        var document = Doc(Messy);
        var result = await RunAsync(document);
        var words = document.WordCount;
        Assert.That(result.Metrics[M.Words], Is.EqualTo(words));
        Assert.That(result.Score, Is.EqualTo(Math.Max(0, 1 - 10 * 1000.0 / words / 20)).Within(1e-9));
        Assert.That(result.Summary, Does.StartWith("10 mechanical edits ("));
        Assert.That(result.Summary, Does.Contain("1 repeated word, 2 spellings, 5 white space, 1 ellipsis, 1 dash"));

        Assert.That(result.Findings.Select(f => f.Rule), Is.EqualTo(new[]
        {
            "revise.lexical-illusion", "revise.spelling", "revise.whitespace", "revise.ellipsis", "revise.dash",
        }));
        Assert.That(result.Findings.Select(f => f.Severity), Is.All.EqualTo(Severity.Info));
        var illusion = result.Findings[0];
        Assert.That(illusion.Location, Is.EqualTo(new TextLocation(1, 1, Messy.IndexOf("the door", StringComparison.Ordinal), 4)));
        Assert.That(illusion.Evidence, Is.EqualTo("\"She walked to the the door  and looked out . The…\" → \"She walked to the door  and looked out . The…\""));
        Assert.That(result.Findings[2].Evidence, Does.Contain("door··and").And.Contain("door·and"));
    }

    [Test]
    public async Task A_clean_text_scores_1_with_a_strength()
    {
        var result = await RunAsync(Doc("She walked to the door and looked out. The sky was grey—it was late…"));
        Assert.That(result.Score, Is.EqualTo(1));
        Assert.That(result.Edits, Is.Empty);
        Assert.That(result.Summary, Is.EqualTo("nothing to revise"));
        Assert.That(result.Findings.Single().Rule, Is.EqualTo(RevisionRules.Clean));
        Assert.That(result.Findings.Single().IsStrength, Is.True);
    }

    [Test]
    public async Task Each_rule_can_be_turned_off()
    {
        var document = Doc(Messy);
        var result = await RunAsync(document,
            """{ "lexicalIllusions": false, "spelling": false, "whitespace": false, "ellipsis": "keep", "dashes": "keep", "quotes": "keep" }""");
        Assert.That(result.Edits, Is.Empty);
        Assert.That(result.Findings.Single().Message, Does.Contain("turned off"));
        Assert.That(result.Findings.Single().IsStrength, Is.False);
    }

    [Test]
    public async Task House_style_options_are_read()
    {
        var document = Doc("She paused--then went on... \"Don't,\" she said.");
        var result = await RunAsync(document, """{ "dashes": "spaced-en", "ellipsis": "dots", "quotes": "curly" }""");
        Assert.That(TextRevision.Apply(document.Text, result.Edits), Is.EqualTo("She paused – then went on... “Don’t,” she said."));
    }

    [TestCase("""{ "dashes": "long" }""", "option 'dashes' must be one of 'em', 'spaced-en', 'keep' (got 'long')")]
    [TestCase("""{ "ellipsis": "Character" }""", "option 'ellipsis' must be one of 'character', 'dots', 'keep' (got 'Character')")]
    [TestCase("""{ "quotes": "smart" }""", "option 'quotes' must be one of 'curly', 'straight', 'keep' (got 'smart')")]
    [TestCase("""{ "quotes": 1 }""", "option 'quotes' must be a string")]
    [TestCase("""{ "spelling": "yes" }""", "option 'spelling' must be true or false")]
    public void A_bad_option_is_invalid_input(string options, string message)
    {
        var error = Assert.ThrowsAsync<InvalidNodeInputException>(() => RunAsync(Doc("Text."), options));
        Assert.That(error!.Message, Is.EqualTo(message));
    }

    [Test]
    public void Validation_refuses_overlapping_or_unsorted_edits()
    {
        var node = Node();
        var metrics = M.Declared.ToDictionary(m => m, _ => 0.0);
        NodeResult With(params TextEdit[] edits) => new() { Score = 1, Metrics = metrics, Edits = edits };
        Assert.That(node.Validate(With(new TextEdit(0, 2, "", "dash"), new TextEdit(2, 1, "x", "dash"))).IsValid, Is.True);
        Assert.That(node.Validate(With(new TextEdit(0, 3, "", "dash"), new TextEdit(2, 1, "x", "dash"))).IsValid, Is.False);
        Assert.That(node.Validate(With(new TextEdit(5, 1, "", "dash"), new TextEdit(2, 1, "x", "dash"))).IsValid, Is.False);
    }

    [Test]
    public void The_node_type_is_registered()
    {
        var registry = NovelNodeTypes.CreateRegistry();
        Assert.That(registry.Create(new NodeDefinition { Id = "r", Type = "revise" }), Is.InstanceOf<ReviseNode>());
    }
}
