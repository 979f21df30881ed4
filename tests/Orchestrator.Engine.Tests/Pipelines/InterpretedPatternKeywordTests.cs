using System.Text.Json;
using System.Text.RegularExpressions;
using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Engine.Tests.Pipelines;

public sealed class InterpretedPatternKeywordTests
{
    [Test]
    public void A_pattern_becomes_an_interpreted_ECMAScript_regex()
    {
        using var value = JsonDocument.Parse("\"^[A-Za-z][A-Za-z0-9_-]*$\"");

        var regex = (Regex)new InterpretedPatternKeyword().ValidateKeywordValue(value.RootElement)!;

        Assert.That(regex.Options, Is.EqualTo(RegexOptions.ECMAScript));
        Assert.That(regex.IsMatch("style_2"), Is.True);
        Assert.That(regex.IsMatch("2nd"), Is.False);
        // ECMAScript classes: \d is ASCII digits only, as JSON Schema asks.
        Assert.That(new InterpretedPatternKeyword().ValidateKeywordValue(JsonDocument.Parse("\"^\\\\d+$\"").RootElement) is Regex d && !d.IsMatch("٣"), Is.True);
    }

    [Test]
    public void The_pipeline_schema_checks_each_of_its_patterns_with_it()
    {
        // A pipeline name, a duration and a node id: three patterns of the schema, each refused by the schema alone.
        using var pipeline = JsonDocument.Parse("""
            { "name": "1bad", "settings": { "actionTimeout": "1:2:3" },
              "nodes": [ { "id": "2nd", "type": "structure" } ] }
            """);

        var problems = PipelineSchema.Validate(pipeline.RootElement);

        Assert.That(problems.Select(p => p.Path), Is.SupersetOf(new[] { "$.name", "$.settings.actionTimeout", "$.nodes[0].id" }));
    }
}
