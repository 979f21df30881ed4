using System.Text.Json;
using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Engine.Tests.Pipelines;

[TestFixture]
public sealed class NodeOptionsTests
{
    private static NodeOptions Parse(string json) => new(JsonDocument.Parse(json).RootElement);

    [Test]
    public void Typed_reads_return_values_and_fallbacks()
    {
        var options = Parse("""{ "n": 40, "x": 0.5, "b": true, "s": "house", "list": ["a", "b"] }""");
        Assert.That(options.GetInt("n", 1), Is.EqualTo(40));
        Assert.That(options.GetInt("missing", 7), Is.EqualTo(7));
        Assert.That(options.GetDouble("x", 0), Is.EqualTo(0.5));
        Assert.That(options.GetBool("b", false), Is.True);
        Assert.That(options.GetString("s", ""), Is.EqualTo("house"));
        Assert.That(options.GetStrings("list", []), Is.EqualTo(new[] { "a", "b" }));
    }

    [TestCase("""{ "n": "forty" }""")]
    [TestCase("""{ "n": 4.5 }""")]
    [TestCase("""{ "n": [1] }""")]
    public void An_integer_of_the_wrong_kind_names_the_option(string json)
    {
        Assert.That(() => Parse(json).GetInt("n", 1),
            Throws.InvalidOperationException.With.Message.EqualTo("option 'n' must be an integer"));
    }
}
