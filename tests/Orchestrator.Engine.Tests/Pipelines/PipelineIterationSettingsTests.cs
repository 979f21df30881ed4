using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Engine.Tests.Pipelines;

/// <summary>The settings that drive the iteration controller: maxActionFailures, plateauEpsilon, plateauIterations, cascadeReruns.</summary>
public sealed class PipelineIterationSettingsTests
{
    private readonly Orchestrator.Engine.Nodes.NodeRegistry _registry = TestRegistry.Create();

    [Test]
    public void Every_iteration_setting_is_read()
    {
        var pipeline = PipelineLoader.Parse("""
            { "name": "p",
              "settings": { "maxActionFailures": 0, "plateauEpsilon": 0.02, "plateauIterations": 4, "cascadeReruns": false },
              "nodes": [ { "id": "a", "type": "style" } ] }
            """, _registry);

        Assert.That(pipeline.Settings.MaxActionFailures, Is.Zero);
        Assert.That(pipeline.Settings.PlateauEpsilon, Is.EqualTo(0.02));
        Assert.That(pipeline.Settings.PlateauIterations, Is.EqualTo(4));
        Assert.That(pipeline.Settings.CascadeReruns, Is.False);
        Assert.That(pipeline.Settings.MaxIterations, Is.EqualTo(5), "the settings not written keep their defaults");
    }

    [Test]
    public void Omitted_iteration_settings_take_their_defaults()
    {
        var pipeline = PipelineLoader.Parse("""
            { "name": "p", "settings": { "maxIterations": 3 }, "nodes": [ { "id": "a", "type": "style" } ] }
            """, _registry);

        Assert.That(pipeline.Settings.MaxActionFailures, Is.EqualTo(2));
        Assert.That(pipeline.Settings.PlateauEpsilon, Is.EqualTo(0.005));
        Assert.That(pipeline.Settings.PlateauIterations, Is.EqualTo(2));
        Assert.That(pipeline.Settings.CascadeReruns, Is.True);
    }

    [Test]
    public void The_bounds_themselves_are_accepted()
    {
        var pipeline = PipelineLoader.Parse("""
            { "name": "p",
              "settings": { "maxActionFailures": 100, "plateauEpsilon": 0, "plateauIterations": 1 },
              "nodes": [ { "id": "a", "type": "style" } ] }
            """, _registry);

        Assert.That(pipeline.Settings.MaxActionFailures, Is.EqualTo(100));
        Assert.That(pipeline.Settings.PlateauEpsilon, Is.Zero);
        Assert.That(pipeline.Settings.PlateauIterations, Is.EqualTo(1));
    }

    [Test]
    public void Out_of_range_values_are_reported_at_their_json_path_with_the_allowed_range()
    {
        var problems = PipelineLoader.Validate("""
            { "name": "p",
              "settings": { "maxActionFailures": 101, "plateauEpsilon": -0.001, "plateauIterations": 0, "cascadeReruns": "yes" },
              "nodes": [ { "id": "a", "type": "style" } ] }
            """, _registry);

        Assert.That(problems, Is.EqualTo(new[]
        {
            new PipelineProblem("$.settings.maxActionFailures", "must be between 0 and 100 (got 101)"),
            new PipelineProblem("$.settings.plateauEpsilon", "must be between 0 and 1 (got -0.001)"),
            new PipelineProblem("$.settings.plateauIterations", "must be between 1 and 1000 (got 0)"),
            new PipelineProblem("$.settings.cascadeReruns", "must be a boolean, not a string"),
        }));
    }

    [Test]
    public void Fractions_where_a_count_is_expected_and_an_epsilon_of_a_percent_written_as_5_are_reported()
    {
        var problems = PipelineLoader.Validate("""
            { "name": "p",
              "settings": { "maxActionFailures": -1, "plateauEpsilon": 5, "plateauIterations": 2.5 },
              "nodes": [ { "id": "a", "type": "style" } ] }
            """, _registry);

        Assert.That(problems, Is.EqualTo(new[]
        {
            new PipelineProblem("$.settings.maxActionFailures", "must be between 0 and 100 (got -1)"),
            new PipelineProblem("$.settings.plateauEpsilon", "must be between 0 and 1 (got 5)"),
            new PipelineProblem("$.settings.plateauIterations", "must be a whole number between 1 and 1000 (got 2.5)"),
        }));
    }

    [Test]
    public void A_misspelt_iteration_setting_suggests_the_right_name()
    {
        var problems = PipelineLoader.Validate("""
            { "name": "p", "settings": { "plateauIteration": 3 }, "nodes": [ { "id": "a", "type": "style" } ] }
            """, _registry);

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0].Path, Is.EqualTo("$.settings.plateauIteration"));
        Assert.That(problems[0].Message, Does.StartWith("unknown property 'plateauIteration', did you mean 'plateauIterations'?"));
    }
}
