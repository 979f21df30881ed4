using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Engine.Tests.Pipelines;

public sealed class PipelineLoaderTests
{
    private const string DesignSample = """
        {
          "$schema": "../pipeline.schema.json",
          "name": "novel", "version": 2,
          "settings": { "maxIterations": 7, "qualityThreshold": 0.85, "maxConcurrentActions": 3,
                        "actionTimeout": "00:04:00", "enableRetries": false, "maxRetriesPerAction": 2,
                        "retryBackoff": "00:00:02.5", "actionSpacing": "00:00:00", "sessionTimeout": "1.00:30:00" },
          "nodes": [
            { "id": "structure",   "type": "structure" },
            { "id": "style",       "type": "style",      "dependsOn": ["structure"], "parallelism": 4, "boundedCapacity": 16,
              "timeout": "00:00:30", "retries": 1, "priority": 5, "weight": 0.25, "estimatedDuration": "00:00:20",
              "options": { "longSentenceWords": 40 } },
            { "id": "characters",  "type": "characters", "dependsOn": ["structure"] },
            { "id": "pacing",      "type": "pacing",     "dependsOn": ["structure", "style"] },
            { "id": "themes",      "type": "themes",     "dependsOn": ["structure"] },
            { "id": "consistency", "type": "consistency","dependsOn": ["characters", "style"] },
            { "id": "recommendations", "type": "recommendations",
              "dependsOn": ["style", "characters", "pacing", "themes", "consistency"] }
          ],
          "rules": { "select": "rules/select.csx", "stop": "Quality >= Settings.QualityThreshold", "timeout": "00:00:02" }
        }
        """;

    private readonly Orchestrator.Engine.Nodes.NodeRegistry _registry = TestRegistry.Create();

    [Test]
    public void A_valid_pipeline_becomes_the_model_with_every_value_read()
    {
        var pipeline = PipelineLoader.Parse(DesignSample, _registry);

        Assert.That(pipeline.Name, Is.EqualTo("novel"));
        Assert.That(pipeline.Version, Is.EqualTo(2));
        Assert.That(pipeline.SourcePath, Is.Null);
        Assert.That(pipeline.Settings, Is.EqualTo(new PipelineSettings
        {
            MaxIterations = 7,
            QualityThreshold = 0.85,
            MaxConcurrentActions = 3,
            ActionTimeout = TimeSpan.FromMinutes(4),
            EnableRetries = false,
            MaxRetriesPerAction = 2,
            RetryBackoff = TimeSpan.FromSeconds(2.5),
            ActionSpacing = TimeSpan.Zero,
            SessionTimeout = TimeSpan.FromHours(24.5),
        }));
        Assert.That(pipeline.Nodes.Select(n => n.Id), Is.EqualTo(new[]
            { "structure", "style", "characters", "pacing", "themes", "consistency", "recommendations" }));

        var style = pipeline.FindNode("style")!;
        Assert.That(style.Type, Is.EqualTo("style"));
        Assert.That(style.DependsOn, Is.EqualTo(new[] { "structure" }));
        Assert.That(style.Parallelism, Is.EqualTo(4));
        Assert.That(style.BoundedCapacity, Is.EqualTo(16));
        Assert.That(style.Timeout, Is.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(style.Retries, Is.EqualTo(1));
        Assert.That(style.Priority, Is.EqualTo(5));
        Assert.That(style.Weight, Is.EqualTo(0.25));
        Assert.That(style.EstimatedDuration, Is.EqualTo(TimeSpan.FromSeconds(20)));
        Assert.That(style.Options.GetInt("longSentenceWords", 0), Is.EqualTo(40));

        Assert.That(pipeline.Rules, Is.EqualTo(new RulesDefinition
        {
            Select = "rules/select.csx",
            Stop = "Quality >= Settings.QualityThreshold",
            Timeout = TimeSpan.FromSeconds(2),
        }));
    }

    [Test]
    public void Omitted_values_take_the_defaults()
    {
        var pipeline = PipelineLoader.Parse("""{ "name": "tiny", "nodes": [ { "id": "only", "type": "style" } ] }""", _registry);

        Assert.That(pipeline.Version, Is.EqualTo(1));
        Assert.That(pipeline.Settings, Is.EqualTo(new PipelineSettings()));
        Assert.That(pipeline.Rules, Is.Null);
        var node = pipeline.Nodes.Single();
        Assert.That(node.DependsOn, Is.Empty);
        Assert.That(node.Parallelism, Is.EqualTo(1));
        Assert.That(node.BoundedCapacity, Is.Null);
        Assert.That(node.Timeout, Is.Null);
        Assert.That(node.Retries, Is.Null);
        Assert.That(node.Priority, Is.Zero);
        Assert.That(node.Weight, Is.EqualTo(1.0));
        Assert.That(node.EstimatedDuration, Is.Null);
        Assert.That(node.Options.IsEmpty, Is.True);
    }

    [Test]
    public void Comments_trailing_commas_and_whole_numbers_written_with_a_fraction_are_accepted()
    {
        var pipeline = PipelineLoader.Parse("""
            {
              // the smallest pipeline
              "name": "tiny",
              "nodes": [ { "id": "only", "type": "style", "parallelism": 3.0, }, ],
            }
            """, _registry);

        Assert.That(pipeline.Nodes[0].Parallelism, Is.EqualTo(3));
    }

    [Test]
    public void Load_reads_the_file_keeps_its_full_path_and_keeps_rule_paths_as_written()
    {
        var directory = Directory.CreateTempSubdirectory("pipeline-tests-");
        try
        {
            var file = Path.Combine(directory.FullName, "novel.json");
            File.WriteAllText(file, DesignSample);

            var pipeline = PipelineLoader.Load(file, _registry);

            Assert.That(pipeline.SourcePath, Is.EqualTo(Path.GetFullPath(file)));
            Assert.That(pipeline.Rules!.Select, Is.EqualTo("rules/select.csx"));
            Assert.That(pipeline.Nodes, Has.Count.EqualTo(7));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Test]
    public void Load_of_a_file_that_is_not_utf8_says_so_and_where_and_takes_a_bom()
    {
        var file = Path.Combine(Path.GetTempPath(), $"latin1-pipeline-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllBytes(file, [.. "{ \"name\": \"caf"u8, 0xE9, .. "\", \"nodes\": [] }"u8]);
            var error = Assert.Throws<PipelineValidationException>(() => PipelineLoader.Load(file, _registry))!;
            Assert.That(error.Problems.Select(p => p.ToString()), Is.EqualTo(new[] { "$: the file is not UTF-8 text (an invalid byte 0xE9 at offset 14); save it as UTF-8" }));
            Assert.That(error.Message, Does.Contain(file));

            File.WriteAllBytes(file, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(DesignSample)]);
            Assert.That(PipelineLoader.Load(file, _registry).Nodes, Has.Count.EqualTo(7), "a UTF-8 BOM is fine");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void Load_of_a_missing_file_says_which_file()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-pipeline-{Guid.NewGuid():N}.json");

        var error = Assert.Throws<FileNotFoundException>(() => PipelineLoader.Load(missing, _registry));

        Assert.That(error.FileName, Is.EqualTo(missing));
        Assert.That(error.Message, Does.Contain(missing));
    }

    [Test]
    public void A_schema_violation_is_reported_at_its_path()
    {
        var problems = Problems("""
            { "name": "p", "nodes": [
              { "id": "a", "type": "style" },
              { "id": "b", "type": "style", "colour": "red" } ] }
            """);

        Assert.That(problems, Is.EqualTo(new[]
        {
            new PipelineProblem("$.nodes[1].colour",
                "unknown property 'colour' (allowed: id, type, dependsOn, parallelism, boundedCapacity, timeout, retries, priority, weight, estimatedDuration, options)"),
        }));
    }

    [Test]
    public void Missing_required_properties_wrong_types_and_bad_ids_are_schema_problems()
    {
        var problems = Problems("""
            { "nodes": [
              { "id": "a" },
              { "id": "2nd", "type": "style", "dependsOn": "a" },
              { "id": "c", "type": "style", "settings": {} } ],
              "setings": { } }
            """);

        Assert.That(problems, Is.EqualTo(new[]
        {
            new PipelineProblem("$", "missing required property 'name'"),
            new PipelineProblem("$.nodes[0]", "missing required property 'type'"),
            new PipelineProblem("$.nodes[1].id", "'2nd' does not match the pattern ^[A-Za-z][A-Za-z0-9_-]*$"),
            new PipelineProblem("$.nodes[1].dependsOn", "must be an array, not a string"),
            new PipelineProblem("$.nodes[2].settings",
                "unknown property 'settings' (allowed: id, type, dependsOn, parallelism, boundedCapacity, timeout, retries, priority, weight, estimatedDuration, options)"),
            new PipelineProblem("$.setings",
                "unknown property 'setings', did you mean 'settings'? (allowed: $schema, name, version, settings, nodes, rules)"),
        }));
    }

    [Test]
    public void An_empty_node_list_is_a_schema_problem()
    {
        Assert.That(Problems("""{ "name": "p", "nodes": [] }"""),
            Is.EqualTo(new[] { new PipelineProblem("$.nodes", "must not be empty") }));
    }

    [Test]
    public void A_dependency_listed_twice_is_a_schema_problem()
    {
        Assert.That(Problems("""
            { "name": "p", "nodes": [ { "id": "a", "type": "style" }, { "id": "b", "type": "style", "dependsOn": ["a", "a"] } ] }
            """),
            Is.EqualTo(new[] { new PipelineProblem("$.nodes[1].dependsOn", "'a' is listed more than once") }));
    }

    [Test]
    public void A_duplicate_id_points_at_the_second_node_and_names_the_first()
    {
        Assert.That(Problems("""
            { "name": "p", "nodes": [ { "id": "a", "type": "style" }, { "id": "b", "type": "style" }, { "id": "a", "type": "pacing" } ] }
            """),
            Is.EqualTo(new[] { new PipelineProblem("$.nodes[2].id", "duplicate id 'a': already used by $.nodes[0]") }));
    }

    [Test]
    public void An_unknown_type_lists_the_known_types()
    {
        var registry = TestRegistry.Create("pacing", "style");

        var problems = PipelineLoader.Validate("""
            { "name": "p", "nodes": [ { "id": "a", "type": "stlye" }, { "id": "b", "type": "grammar" } ] }
            """, registry);

        Assert.That(problems, Is.EqualTo(new[]
        {
            new PipelineProblem("$.nodes[0].type", "unknown node type 'stlye', did you mean 'style'? (known: pacing, style)"),
            new PipelineProblem("$.nodes[1].type", "unknown node type 'grammar' (known: pacing, style)"),
        }));
    }

    [Test]
    public void A_missing_dependency_is_reported_at_its_entry()
    {
        Assert.That(Problems("""
            { "name": "p", "nodes": [
              { "id": "structure", "type": "structure" },
              { "id": "style", "type": "style", "dependsOn": ["structure", "strcture", "grammar"] } ] }
            """),
            Is.EqualTo(new[]
            {
                new PipelineProblem("$.nodes[1].dependsOn[1]",
                    "depends on 'strcture', which is not a node of this pipeline; did you mean 'structure'?"),
                new PipelineProblem("$.nodes[1].dependsOn[2]", "depends on 'grammar', which is not a node of this pipeline"),
            }));
    }

    [Test]
    public void A_node_depending_on_itself_is_reported_once_and_not_as_a_cycle()
    {
        Assert.That(Problems("""
            { "name": "p", "nodes": [ { "id": "a", "type": "style" }, { "id": "b", "type": "style", "dependsOn": ["a", "b"] } ] }
            """),
            Is.EqualTo(new[] { new PipelineProblem("$.nodes[1].dependsOn[1]", "node 'b' depends on itself") }));
    }

    [Test]
    public void A_cycle_is_reported_with_its_path_at_the_dependency_that_closes_it()
    {
        var problems = Problems("""
            { "name": "p", "nodes": [
              { "id": "structure", "type": "structure" },
              { "id": "style", "type": "style", "dependsOn": ["structure", "pacing"] },
              { "id": "characters", "type": "characters", "dependsOn": ["structure"] },
              { "id": "pacing", "type": "pacing", "dependsOn": ["structure", "style"] } ] }
            """);

        Assert.That(problems, Is.EqualTo(new[] { new PipelineProblem("$.nodes[1].dependsOn[1]", "cycle: style -> pacing -> style") }));
    }

    [Test]
    public void A_longer_cycle_starts_at_the_node_written_first_and_follows_the_flow_of_work()
    {
        // c runs before a, a before b, b before c.
        var problems = Problems("""
            { "name": "p", "nodes": [
              { "id": "a", "type": "style", "dependsOn": ["c"] },
              { "id": "b", "type": "style", "dependsOn": ["a"] },
              { "id": "c", "type": "style", "dependsOn": ["b"] } ] }
            """);

        Assert.That(problems, Is.EqualTo(new[] { new PipelineProblem("$.nodes[0].dependsOn[0]", "cycle: a -> b -> c -> a") }));
    }

    [Test]
    public void Independent_cycles_are_all_reported()
    {
        var problems = Problems("""
            { "name": "p", "nodes": [
              { "id": "a", "type": "style", "dependsOn": ["b"] },
              { "id": "b", "type": "style", "dependsOn": ["a"] },
              { "id": "ok", "type": "style", "dependsOn": ["a"] },
              { "id": "x", "type": "style", "dependsOn": ["z"] },
              { "id": "y", "type": "style", "dependsOn": ["x"] },
              { "id": "z", "type": "style", "dependsOn": ["y"] } ] }
            """);

        Assert.That(problems, Is.EqualTo(new[]
        {
            new PipelineProblem("$.nodes[0].dependsOn[0]", "cycle: a -> b -> a"),
            new PipelineProblem("$.nodes[3].dependsOn[0]", "cycle: x -> y -> z -> x"),
        }));
    }

    [Test]
    public void Durations_that_do_not_parse_or_are_zero_where_time_must_pass_are_reported()
    {
        var problems = Problems("""
            { "name": "p",
              "settings": { "actionTimeout": "5 minutes", "retryBackoff": "00:00:00", "sessionTimeout": "00:61:00" },
              "nodes": [ { "id": "a", "type": "style", "timeout": "00:00:00", "estimatedDuration": "90" } ],
              "rules": { "stop": "true", "timeout": "1.25:00:00" } }
            """);

        Assert.That(problems, Is.EqualTo(new[]
        {
            new PipelineProblem("$.settings.actionTimeout", "'5 minutes' is not a duration: write hh:mm:ss or d.hh:mm:ss (e.g. 00:05:00)"),
            new PipelineProblem("$.settings.sessionTimeout", "'00:61:00' is not a duration: write hh:mm:ss or d.hh:mm:ss (e.g. 00:05:00)"),
            new PipelineProblem("$.nodes[0].timeout", "must be more than zero"),
            new PipelineProblem("$.nodes[0].estimatedDuration", "'90' is not a duration: write hh:mm:ss or d.hh:mm:ss (e.g. 00:05:00)"),
            new PipelineProblem("$.rules.timeout", "'1.25:00:00' is not a duration: write hh:mm:ss or d.hh:mm:ss (e.g. 00:05:00)"),
        }));
    }

    [Test]
    public void Durations_outside_what_the_runtime_accepts_are_reported_with_the_range()
    {
        var problems = Problems("""
            { "name": "p",
              "settings": { "actionTimeout": "2.00:00:00", "retryBackoff": "1.00:00:01", "sessionTimeout": "400.00:00:00" },
              "nodes": [ { "id": "a", "type": "style", "timeout": "00:00:00.0000001" } ],
              "rules": { "stop": "true", "timeout": "1.00:00:00" } }
            """);

        Assert.That(problems.Where(p => !p.Message.StartsWith("does not match", StringComparison.Ordinal)), Is.EqualTo(new[]
        {
            new PipelineProblem("$.settings.actionTimeout", "must be from 00:00:00.0100000 to 1.00:00:00 (got 2.00:00:00)"),
            new PipelineProblem("$.settings.retryBackoff", "must be from 00:00:00 to 1.00:00:00 (got 1.00:00:01)"),
            new PipelineProblem("$.settings.sessionTimeout", "must be from 00:00:00 to 365.00:00:00 (got 400.00:00:00)"),
            new PipelineProblem("$.nodes[0].timeout", "must be from 00:00:00.0100000 to 1.00:00:00 (got 00:00:00.0000001)"),
        }));
    }

    [Test]
    public void Numbers_out_of_range_or_not_whole_say_the_allowed_range()
    {
        var problems = Problems("""
            { "name": "p", "version": 0,
              "settings": { "maxIterations": 1001, "qualityThreshold": 1.5, "maxRetriesPerAction": -1 },
              "nodes": [ { "id": "a", "type": "style", "parallelism": 65, "priority": -101, "weight": 100.5, "retries": 2.5, "boundedCapacity": 0 } ] }
            """);

        Assert.That(problems, Is.EqualTo(new[]
        {
            new PipelineProblem("$.version", "must be at least 1 (got 0)"),
            new PipelineProblem("$.settings.maxIterations", "must be between 1 and 1000 (got 1001)"),
            new PipelineProblem("$.settings.qualityThreshold", "must be between 0 and 1 (got 1.5)"),
            new PipelineProblem("$.settings.maxRetriesPerAction", "must be between 0 and 100 (got -1)"),
            new PipelineProblem("$.nodes[0].parallelism", "must be between 1 and 64 (got 65)"),
            new PipelineProblem("$.nodes[0].priority", "must be between -100 and 100 (got -101)"),
            new PipelineProblem("$.nodes[0].weight", "must be between 0 and 100 (got 100.5)"),
            new PipelineProblem("$.nodes[0].retries", "must be a whole number between 0 and 100 (got 2.5)"),
            new PipelineProblem("$.nodes[0].boundedCapacity", "must be between 1 and 100000 (got 0)"),
        }));
    }

    [Test]
    public void Several_problems_are_reported_together_in_document_order_one_line_each()
    {
        const string json = """
            { "name": "p",
              "settings": { "maxConcurrentActions": 0 },
              "nodes": [
                { "id": "style", "type": "style", "dependsOn": ["pacing"] },
                { "id": "pacing", "type": "pacing", "dependsOn": ["style", "ghost"], "timeout": "soon" },
                { "id": "extra", "type": "grammar", "flavour": 1 } ] }
            """;

        var error = Assert.Throws<PipelineValidationException>(() => PipelineLoader.Parse(json, _registry, "pipelines/broken.json"));

        Assert.That(error.SourcePath, Is.EqualTo("pipelines/broken.json"));
        Assert.That(error.Problems.Select(p => p.Path), Is.EqualTo(new[]
        {
            "$.settings.maxConcurrentActions",
            "$.nodes[0].dependsOn[0]",
            "$.nodes[1].dependsOn[1]",
            "$.nodes[1].timeout",
            "$.nodes[2].type",
            "$.nodes[2].flavour",
        }));
        Assert.That(error.Message.Split(Environment.NewLine), Is.EqualTo(new[]
        {
            "pipelines/broken.json: $.settings.maxConcurrentActions: must be between 1 and 1024 (got 0)",
            "pipelines/broken.json: $.nodes[0].dependsOn[0]: cycle: style -> pacing -> style",
            "pipelines/broken.json: $.nodes[1].dependsOn[1]: depends on 'ghost', which is not a node of this pipeline",
            "pipelines/broken.json: $.nodes[1].timeout: 'soon' is not a duration: write hh:mm:ss or d.hh:mm:ss (e.g. 00:05:00)",
            "pipelines/broken.json: $.nodes[2].type: unknown node type 'grammar' (known: characters, consistency, pacing, recommendations, structure, style, themes)",
            "pipelines/broken.json: $.nodes[2].flavour: unknown property 'flavour' (allowed: id, type, dependsOn, parallelism, boundedCapacity, timeout, retries, priority, weight, estimatedDuration, options)",
        }));
    }

    [Test]
    public void A_json_syntax_error_is_one_problem_with_line_and_column()
    {
        var error = Assert.Throws<PipelineValidationException>(() => PipelineLoader.Parse("""
            {
              "name": "p",
              "nodes": [ { "id": "a" "type": "style" } ]
            }
            """, _registry, "broken.json"));

        Assert.That(error.Problems, Has.Count.EqualTo(1));
        Assert.That(error.Problems[0].Path, Is.EqualTo("$"));
        Assert.That(error.Problems[0].Message, Does.StartWith("invalid JSON at line 3, column 26: "));
        Assert.That(error.Message, Does.StartWith("broken.json: $: invalid JSON at line 3, column 26: "));
    }

    [Test]
    public void A_property_written_twice_is_a_syntax_problem()
    {
        var problems = Problems("""
            { "name": "p", "nodes": [ { "id": "a", "type": "style" } ], "name": "q" }
            """);

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0].Message, Does.StartWith("invalid JSON at line 1, column "));
        Assert.That(problems[0].Message, Does.Contain("name"));
    }

    [Test]
    public void An_empty_text_is_a_syntax_problem()
    {
        var problems = Problems("   ");

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0].Message, Does.StartWith("invalid JSON at line 1, column 4: "));
    }

    [Test]
    public void A_pipeline_from_a_string_is_named_as_such_in_the_message()
    {
        var error = Assert.Throws<PipelineValidationException>(() =>
            PipelineLoader.Parse("""{ "name": "p", "nodes": [ { "id": "a", "type": "nope" } ] }""", _registry));

        Assert.That(error.SourcePath, Is.Null);
        Assert.That(error.Message, Does.StartWith("<pipeline>: $.nodes[0].type: unknown node type 'nope'"));
    }

    private IReadOnlyList<PipelineProblem> Problems(string json) => PipelineLoader.Validate(json, _registry);
}
