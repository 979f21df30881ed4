using Orchestrator.Engine.Dataflow;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Engine.Scripting;
using Orchestrator.Manuscripts.Requirements;
using Orchestrator.Manuscripts.Rules;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Tests.Rules;

public sealed class NovelRuleGlobalsTests
{
    [Test]
    public void Manuscript_facts_are_the_counts_of_the_index()
    {
        var document = TextIndexer.Build("""
            BOOK ONE

            Chapter 1

            The sea was calm. The keeper lit the lamp.

            * * *

            Night came early.

            Chapter 2

            Morning, and the boat.

            BOOK TWO

            Chapter 3

            The end of the season.
            """, "The Keeper", "hash");

        var facts = ManuscriptFacts.From(document);

        Assert.That(facts, Is.EqualTo(new ManuscriptFacts("The Keeper", document.WordCount, 3, 4, 2)));
        Assert.That(facts.Words, Is.EqualTo(21), "9 + 3 + 4 + 5 words of prose; headings are not words");
    }

    [Test]
    public void The_engines_globals_are_copied_and_the_novels_added()
    {
        var nodes = new Dictionary<string, RuleNodeState> { ["style"] = new(ActionStatus.TimedOut, null, 2, "timed out", TimeSpan.FromSeconds(30), new Dictionary<string, double>()) };
        var engine = new RuleGlobals
        {
            Iteration = 3,
            Settings = new PipelineSettings { MaxIterations = 9 },
            Quality = 0.71,
            Scores = new Dictionary<string, double> { ["structure"] = 0.9 },
            Nodes = nodes,
            Candidates = [new RuleCandidate("style", 2.5, "timed out, 1 failure left", 3)],
            QualityHistory = [0.6, 0.7, 0.71],
            Elapsed = TimeSpan.FromMinutes(4),
        };
        var requirements = new ManuscriptRequirements { Genre = "thriller", TargetLength = 90_000, Themes = ["betrayal"] };
        var manuscript = new ManuscriptFacts("Dark Water", 87_500, 41, 120, 3);

        var globals = new NovelRuleGlobals(engine, requirements, manuscript);

        Assert.That(globals.Iteration, Is.EqualTo(3));
        Assert.That(globals.Settings.MaxIterations, Is.EqualTo(9));
        Assert.That(globals.Quality, Is.EqualTo(0.71));
        Assert.That(globals.Scores["structure"], Is.EqualTo(0.9));
        Assert.That(globals.Nodes, Is.SameAs(nodes));
        Assert.That(globals.Candidates.Single().Attempt, Is.EqualTo(3));
        Assert.That(globals.QualityHistory, Is.EqualTo(new[] { 0.6, 0.7, 0.71 }));
        Assert.That(globals.Elapsed, Is.EqualTo(TimeSpan.FromMinutes(4)));
        Assert.That(globals.Requirements, Is.SameAs(requirements));
        Assert.That(globals.Manuscript, Is.SameAs(manuscript));
    }
}
