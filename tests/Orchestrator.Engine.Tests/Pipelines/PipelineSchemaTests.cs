using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Engine.Tests.Pipelines;

public sealed class PipelineSchemaTests
{
    private static readonly string RepoRoot = FindRepoRoot();
    private static readonly JsonElement Schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot, "pipeline.schema.json"))).RootElement;

    [Test]
    public void The_embedded_schema_is_the_one_at_the_repository_root()
    {
        Assert.That(PipelineSchema.Text.ReplaceLineEndings("\n"),
            Is.EqualTo(File.ReadAllText(Path.Combine(RepoRoot, "pipeline.schema.json")).ReplaceLineEndings("\n")));
    }

    [Test]
    public void It_is_a_2020_12_schema_that_closes_every_object_but_options()
    {
        Assert.That(Schema.GetProperty("$schema").GetString(), Is.EqualTo("https://json-schema.org/draft/2020-12/schema"));
        Assert.That(Schema.GetProperty("additionalProperties").GetBoolean(), Is.False);
        foreach (var name in new[] { "settings", "node", "rules" })
            Assert.That(Schema.GetProperty("$defs").GetProperty(name).GetProperty("additionalProperties").GetBoolean(), Is.False, name);
        var options = Schema.GetProperty("$defs").GetProperty("node").GetProperty("properties").GetProperty("options");
        Assert.That(options.TryGetProperty("additionalProperties", out _), Is.False);
    }

    [Test]
    public void Every_property_has_a_description()
    {
        var properties = new List<string>();
        var undescribed = new List<string>();
        Walk(Schema, "#", properties, undescribed);

        Assert.That(properties, Has.Count.EqualTo(6 + 14 + 11 + 3), "root, settings (library among them), node and rules properties");
        Assert.That(undescribed, Is.Empty);
    }

    [Test]
    public void The_ranges_and_durations_the_validator_checks_are_the_schemas()
    {
        var numbers = new List<string>();
        var durations = new List<string>();
        foreach (var (scope, properties) in ScopedProperties())
            foreach (var property in properties.EnumerateObject())
            {
                var value = property.Value;
                if (value.TryGetProperty("$ref", out var reference) && reference.GetString() == "#/$defs/duration")
                    durations.Add($"{scope}.{property.Name}");
                else if (value.TryGetProperty("type", out var type) && type.GetString() is "integer" or "number")
                    numbers.Add($"{scope}.{property.Name} {type.GetString()} {Bound(value, "minimum")}..{Bound(value, "maximum")}");
            }

        Assert.That(PipelineLimits.Numbers.Select(r =>
                $"{r.Scope}.{r.Property} {(r.Integer ? "integer" : "number")} {r.Minimum}..{(r.Maximum >= int.MaxValue ? "" : r.Maximum)}"),
            Is.EquivalentTo(numbers));
        Assert.That(PipelineLimits.Durations.Select(d => $"{d.Scope}.{d.Property}"), Is.EquivalentTo(durations));
    }

    [Test]
    public void The_schemas_defaults_are_the_models_defaults()
    {
        var defs = Schema.GetProperty("$defs");
        var pipeline = new JsonObject
        {
            ["name"] = "defaults",
            ["version"] = Default(Schema.GetProperty("properties").GetProperty("version")),
            ["settings"] = Defaults(defs.GetProperty("settings")),
            ["nodes"] = new JsonArray(Defaults(defs.GetProperty("node"), new JsonObject { ["id"] = "a", ["type"] = "style" })),
            ["rules"] = Defaults(defs.GetProperty("rules")),
        };

        var parsed = PipelineLoader.Parse(pipeline.ToJsonString(), TestRegistry.Create());

        Assert.That(parsed.Version, Is.EqualTo(new PipelineDefinition { Name = "x", Nodes = [] }.Version));
        Assert.That(parsed.Settings, Is.EqualTo(new PipelineSettings()));
        var node = parsed.Nodes[0];
        var model = new NodeDefinition { Id = "a", Type = "style" };
        Assert.That(node.Parallelism, Is.EqualTo(model.Parallelism));
        Assert.That(node.Priority, Is.EqualTo(model.Priority));
        Assert.That(node.Weight, Is.EqualTo(model.Weight));
        Assert.That(node.DependsOn, Is.EqualTo(model.DependsOn));
        Assert.That(parsed.Rules!.Timeout, Is.EqualTo(new RulesDefinition().Timeout));
    }

    [TestCase("novel")]
    [TestCase("quick")]
    public void The_shipped_pipelines_conform(string name)
    {
        var file = Path.Combine(RepoRoot, "pipelines", name + ".json");
        Assume.That(File.Exists(file), Is.True, $"{file} is not there yet");

        using var document = JsonDocument.Parse(File.ReadAllText(file));

        Assert.That(PipelineSchema.Validate(document.RootElement), Is.Empty);
    }

    private static void Walk(JsonElement schema, string location, List<string> properties, List<string> undescribed)
    {
        if (schema.ValueKind != JsonValueKind.Object) return;
        foreach (var member in schema.EnumerateObject())
        {
            if (member.Name == "properties")
                foreach (var property in member.Value.EnumerateObject())
                {
                    var at = $"{location}/properties/{property.Name}";
                    properties.Add(at);
                    if (!property.Value.TryGetProperty("description", out var description) || string.IsNullOrWhiteSpace(description.GetString()))
                        undescribed.Add(at);
                    Walk(property.Value, at, properties, undescribed);
                }
            else if (member.Value.ValueKind == JsonValueKind.Object)
                Walk(member.Value, $"{location}/{member.Name}", properties, undescribed);
        }
    }

    private static IEnumerable<(PipelineLimits.Scope Scope, JsonElement Properties)> ScopedProperties()
    {
        var defs = Schema.GetProperty("$defs");
        yield return (PipelineLimits.Scope.Root, Schema.GetProperty("properties"));
        yield return (PipelineLimits.Scope.Settings, defs.GetProperty("settings").GetProperty("properties"));
        yield return (PipelineLimits.Scope.Node, defs.GetProperty("node").GetProperty("properties"));
        yield return (PipelineLimits.Scope.Rules, defs.GetProperty("rules").GetProperty("properties"));
    }

    private static string Bound(JsonElement property, string keyword) =>
        property.TryGetProperty(keyword, out var bound) ? bound.GetDouble().ToString(System.Globalization.CultureInfo.CurrentCulture) : "";

    private static JsonNode? Default(JsonElement property) =>
        property.TryGetProperty("default", out var value) ? JsonNode.Parse(value.GetRawText()) : null;

    private static JsonObject Defaults(JsonElement objectSchema, JsonObject? start = null)
    {
        var result = start ?? new JsonObject();
        foreach (var property in objectSchema.GetProperty("properties").EnumerateObject())
            if (Default(property.Value) is { } value)
                result[property.Name] = value;
        return result;
    }

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "pipeline.schema.json")) && File.Exists(Path.Combine(directory.FullName, "Directory.Packages.props")))
                return directory.FullName;
        throw new DirectoryNotFoundException("repository root (with pipeline.schema.json) not found above the test directory");
    }
}
