using System.Text.Json;
using Orchestrator.Engine.Iteration;
using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Engine.Tests.Iteration;

public sealed class EscalationPolicyTests
{
    internal static NodeDefinition NodeWithOptions(string id, string optionsJson, TimeSpan? timeout = null)
    {
        using var document = JsonDocument.Parse(optionsJson);
        return new NodeDefinition { Id = id, Type = "t", Timeout = timeout, Options = new NodeOptions(document.RootElement) };
    }

    [Test]
    public void A_full_policy_is_read()
    {
        var node = NodeWithOptions("style",
            """{"escalate":{"timeoutFactor":1.5,"maxTimeout":"00:02:00","belowScore":0.6,"options":{"longSentenceWords":30}}}""");

        var policy = EscalationPolicy.For(node)!;

        Assert.That(policy.TimeoutFactor, Is.EqualTo(1.5));
        Assert.That(policy.MaxTimeout, Is.EqualTo(TimeSpan.FromMinutes(2)));
        Assert.That(policy.BelowScore, Is.EqualTo(0.6));
        Assert.That(policy.Options!.GetInt("longSentenceWords", 0), Is.EqualTo(30));
        Assert.That(policy.CapFor(TimeSpan.FromSeconds(30)), Is.EqualTo(TimeSpan.FromMinutes(2)));
    }

    [Test]
    public void True_means_the_defaults_and_false_or_absent_means_none()
    {
        var defaults = EscalationPolicy.For(NodeWithOptions("a", """{"escalate":true}"""))!;

        Assert.That(defaults.TimeoutFactor, Is.EqualTo(2));
        Assert.That(defaults.CapFor(TimeSpan.FromSeconds(30)), Is.EqualTo(TimeSpan.FromMinutes(2)), "4 x the node's timeout");
        Assert.That(defaults.BelowScore, Is.Null);
        Assert.That(EscalationPolicy.For(NodeWithOptions("a", """{"escalate":false}""")), Is.Null);
        Assert.That(EscalationPolicy.For(NodeWithOptions("a", """{"other":1}""")), Is.Null);
    }

    [TestCase("""{"escalate":{"timeoutFactor":0.5}}""", "node 'n': options.escalate.timeoutFactor must be a number from 1 to 100")]
    [TestCase("""{"escalate":{"maxTimeout":"5"}}""", "node 'n': options.escalate.maxTimeout must be a positive duration: hh:mm:ss or d.hh:mm:ss (e.g. 00:05:00)")]
    [TestCase("""{"escalate":{"belowScore":1.5,"options":{}}}""", "node 'n': options.escalate.belowScore must be a number from 0 to 1")]
    [TestCase("""{"escalate":{"belowScore":0.5}}""", "node 'n': options.escalate: belowScore and options go together (re-run below that score with those options)")]
    [TestCase("""{"escalate":{"factor":2}}""", "node 'n': options.escalate has an unknown field 'factor': expected timeoutFactor, maxTimeout, belowScore, options")]
    [TestCase("""{"escalate":"yes"}""", "node 'n': options.escalate must be true, false or an object")]
    public void A_malformed_policy_is_a_clear_error(string options, string message)
    {
        var node = NodeWithOptions("n", options);

        var error = Assert.Throws<InvalidOperationException>(() => EscalationPolicy.For(node));

        Assert.That(error!.Message, Is.EqualTo(message));
        Assert.That(EscalationPolicy.Validate(new PipelineDefinition { Name = "p", Nodes = [node] }), Is.EqualTo(new[] { message }));
    }
}
