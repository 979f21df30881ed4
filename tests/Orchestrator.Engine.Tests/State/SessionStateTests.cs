using System.Text;
using Orchestrator.Engine.Dataflow;
using Orchestrator.Engine.Findings;
using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Quality;
using Orchestrator.Engine.State;

namespace Orchestrator.Engine.Tests.State;

[TestFixture]
public sealed class SessionStateTests
{
    [Test]
    public void A_full_state_survives_a_json_round_trip_unchanged()
    {
        var state = StateSamples.Full();
        var back = SessionStateJson.Deserialize(SessionStateJson.Serialize(state));
        Assert.That(back, Is.EqualTo(state));
        Assert.That(back.Nodes[0].Result!.Metrics["undefined"], Is.NaN);
        Assert.That(back.UpdatedAt.Offset, Is.EqualTo(TimeSpan.FromHours(1)));
    }

    [Test]
    public void A_full_state_survives_a_messagepack_round_trip_unchanged()
    {
        var state = StateSamples.Full();
        var back = SnapshotStore.Decode(SnapshotStore.Encode(state));
        Assert.That(back, Is.EqualTo(state));
        Assert.That(back.Nodes[0].Result!.Findings[1].Evidence, Is.EqualTo(state.Nodes[0].Result!.Findings[1].Evidence));
    }

    [Test]
    public void Equality_looks_inside_the_collections()
    {
        var state = StateSamples.Full();
        var result = state.Nodes[0].Result!;
        var findings = result.Findings.ToArray();
        findings[3] = findings[3] with { Evidence = findings[3].Evidence + "!" };
        var changed = state.WithNode(state.Nodes[0] with { Result = result with { Findings = findings } });
        Assert.That(changed, Is.Not.EqualTo(state));
        Assert.That(StateSamples.Full(), Is.EqualTo(state), "two states built alike are equal");
        var series = new Dictionary<string, IReadOnlyList<double>>(result.Series) { ["words"] = [1200.5, 1980, 2502.26] };
        Assert.That(state.WithNode(state.Nodes[0] with { Result = result with { Series = series } }), Is.Not.EqualTo(state));
    }

    [Test]
    public void Session_json_is_indented_camel_case_with_enum_names_and_the_requirements_embedded()
    {
        var text = Encoding.UTF8.GetString(SessionStateJson.Serialize(StateSamples.Full()));
        Assert.That(text, Does.Contain("\n  \"sessionId\": \"novel_20261125_143022_7f3a\","));
        Assert.That(text, Does.Contain("\"status\": \"CompletedWithErrors\""));
        Assert.That(text, Does.Contain("\"status\": \"TimedOut\""));
        Assert.That(text, Does.Contain("\"severity\": \"Warning\""));
        Assert.That(text, Does.Contain("\"requirements\": {\"genre\":\"romance\",\"targetLength\":120000,\"themes\":[\"marriage\",\"class\"]}"));
        Assert.That(text, Does.Not.Contain("\"reportFolder\": null"), "nulls are left out");
    }

    [Test]
    public void The_sample_state_is_valid()
    {
        Assert.That(StateSamples.Full().Validate(), Is.Empty);
        Assert.That(StateSamples.FixtureV1().Validate(), Is.Empty);
    }

    [Test]
    public void Validate_names_every_broken_invariant()
    {
        var state = StateSamples.Full();
        var broken = state with
        {
            Iteration = -1,
            Nodes =
            [
                state.Nodes[0] with { Result = state.Nodes[0].Result! with { Score = 1.2 } },
                state.Nodes[0],
                new NodeState { NodeId = "orphan", Status = NodeRunStatus.Succeeded },
            ],
            QualityHistory = [new QualityRecord { Iteration = 0, Overall = 1.5, Coverage = 0, Confidence = 0 }],
            RequirementsJson = "{not json",
            UpdatedAt = state.CreatedAt.AddSeconds(-1),
        };
        Assert.That(broken.Validate(), Is.EquivalentTo(new[]
        {
            "requirements are not one JSON value",
            "iteration -1 is negative",
            $"updated at {broken.UpdatedAt:o} is before created at {broken.CreatedAt:o}",
            "node 'structure' succeeded at iteration 2, outside [0, -1]",
            "node 'structure' has score 1.2, outside [0,1]",
            "node 'structure' appears more than once",
            "node 'structure' succeeded at iteration 2, outside [0, -1]",
            "node 'orphan' is Succeeded but has no result",
            "node 'orphan' is Succeeded but has no iteration of success",
            "quality of iteration 0 is after the current iteration -1",
            "quality of iteration 0 has a figure outside [0,1]",
        }));
        Assert.That(() => broken.EnsureValid(), Throws.TypeOf<InvalidSessionStateException>()
            .With.Message.Contains("node 'orphan' is Succeeded but has no result"));
    }

    [Test]
    public void A_completed_session_needs_every_node_succeeded_and_a_known_schema()
    {
        var state = StateSamples.Full() with { Status = SessionStateStatus.Completed, SchemaVersion = 2 };
        Assert.That(state.Validate(), Is.EquivalentTo(new[]
        {
            "schema version 2 is not in [1, 1]",
            "the session is Completed but not every node that ran is Succeeded",
        }));
        Assert.That((StateSamples.Full() with { SessionId = "../etc" }).Validate().Single(), Does.StartWith("session id '../etc' is not a valid id"));
    }

    [Test]
    public void Outcomes_update_the_node_and_keep_the_last_success_on_failure()
    {
        var start = SessionState.Start("s1", "quick", "sha256:p", "book.txt", "sha256:i", null, ["a", "b"], StateSamples.T0);
        Assert.That(start.Nodes.Select(n => n.Status), Is.EqualTo(new[] { NodeRunStatus.Pending, NodeRunStatus.Pending }));
        Assert.That(start.Validate(), Is.Empty);

        var result = new NodeResult
        {
            Score = 0.5, Summary = "ok",
            Findings = [new Finding("r", Severity.Problem, "m", Location: new TextLocation(2, null, 10, 5), Evidence: "e")],
            Metrics = new Dictionary<string, double> { ["x"] = 1 },
        };
        var succeeded = start.WithOutcome(Outcome("a", 1, ActionStatus.Succeeded, result), StateSamples.T0.AddSeconds(1), "sha256:a-in");
        var a = succeeded.FindNode("a")!;
        Assert.That(a, Has.Property(nameof(NodeState.Status)).EqualTo(NodeRunStatus.Succeeded)
            .And.Property(nameof(NodeState.SucceededIteration)).EqualTo(1)
            .And.Property(nameof(NodeState.SucceededInputHash)).EqualTo("sha256:a-in")
            .And.Property(nameof(NodeState.Attempts)).EqualTo(1));
        Assert.That(a.Result!.ToNodeResult().Findings, Is.EqualTo(result.Findings));
        Assert.That(succeeded.Iteration, Is.EqualTo(1));
        Assert.That(succeeded.UpdatedAt, Is.EqualTo(StateSamples.T0.AddSeconds(1)));

        var failed = succeeded.WithOutcome(Outcome("a", 2, ActionStatus.Failed, null, new ActionError("IOException", "gone")), StateSamples.T0.AddSeconds(2));
        var after = failed.FindNode("a")!;
        Assert.That(after.Status, Is.EqualTo(NodeRunStatus.Failed));
        Assert.That(after.LastError, Is.EqualTo(new NodeErrorState { Type = "IOException", Message = "gone" }));
        Assert.That(after.Result, Is.EqualTo(a.Result), "the last success's result is kept");
        Assert.That(after.SucceededIteration, Is.EqualTo(1));
        Assert.That(failed.Iteration, Is.EqualTo(2));
        Assert.That(failed.SucceededResults(), Is.Empty, "only nodes that stand Succeeded count");
        Assert.That(succeeded.SucceededResults()["a"].Score, Is.EqualTo(0.5));
        Assert.That(failed.Validate(), Is.Empty);
    }

    [Test]
    public void Quality_is_recorded_per_iteration_in_order()
    {
        var state = SessionState.Start("s1", "quick", "sha256:p", "book.txt", "sha256:i", null, ["a"], StateSamples.T0) with { Iteration = 2 };
        state = state.WithQuality(2, new QualityScore(0.7, 1, 0.9, []), StateSamples.T0)
            .WithQuality(1, new QualityScore(0.5, 0.5, 0.4, []), StateSamples.T0)
            .WithQuality(2, new QualityScore(0.8, 1, 0.95, []), StateSamples.T0);
        Assert.That(state.QualityHistory, Is.EqualTo(new[]
        {
            new QualityRecord { Iteration = 1, Overall = 0.5, Coverage = 0.5, Confidence = 0.4 },
            new QualityRecord { Iteration = 2, Overall = 0.8, Coverage = 1, Confidence = 0.95 },
        }));
    }

    [Test]
    public void Every_engine_session_status_has_a_persisted_one()
    {
        foreach (var status in Enum.GetValues<Orchestrator.Engine.Sessions.SessionStatus>())
            Assert.That(status.ToStateStatus().ToString(), Is.EqualTo(status.ToString()));
    }

    [Test]
    public void Content_hashes_are_prefixed_sha256_and_parts_are_length_delimited()
    {
        Assert.That(ContentHash.OfText("abc"), Is.EqualTo("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        Assert.That(ContentHash.OfParts([1, 2], [3]), Is.Not.EqualTo(ContentHash.OfParts([1], [2, 3])));
        var folder = StateSamples.NewFolder();
        File.WriteAllText(Path.Combine(folder, "f"), "abc");
        Assert.That(ContentHash.OfFile(Path.Combine(folder, "f")), Is.EqualTo(ContentHash.OfText("abc")));
    }

    private static ActionOutcome Outcome(string node, int iteration, ActionStatus status, NodeResult? result, ActionError? error = null) => new()
    {
        SessionId = "s1", NodeId = node, Iteration = iteration, Status = status, Result = result, Error = error,
        Attempts = 1, StartedAt = StateSamples.T0, Duration = TimeSpan.FromMilliseconds(5),
    };
}
