using System.Buffers;
using System.Reflection;
using MessagePack;
using Orchestrator.Engine.Findings;
using Orchestrator.Engine.Iteration;
using Orchestrator.Engine.State;
using Orchestrator.Engine.State.Snapshots;

namespace Orchestrator.Engine.Tests.State.Snapshots;

/// <summary>
/// The hand-written formatters against MessagePack's dynamic resolver (what wrote every snapshot before them): the same
/// bytes for the same state, the same state from the same bytes, older and newer arrays read alike.
/// </summary>
public sealed class StateFormattersTests
{
    private static readonly MessagePackSerializerOptions Dynamic = MessagePackSerializerOptions.Standard;

    /// <summary>Every record of the state with every field set, and a second state with every field left out.</summary>
    private static IEnumerable<TestCaseData> States()
    {
        yield return new TestCaseData(KitchenSink()).SetName("every record, every field");
        yield return new TestCaseData(StateSamples.Full()).SetName("a finished two-iteration session");
        yield return new TestCaseData(StateSamples.FixtureV1()).SetName("the format-1 fixture");
        yield return new TestCaseData(new SessionState
        {
            SessionId = "s", PipelineName = "p", PipelineHash = "h", InputPath = "i", InputHash = "h",
            Nodes = [new NodeState { NodeId = "n", Result = new NodeResultState() }], Strategy = new StrategyState(),
        }).SetName("defaults and empty collections");
    }

    [TestCaseSource(nameof(States))]
    public void A_state_is_written_byte_for_byte_as_the_dynamic_resolver_writes_it(SessionState state)
    {
        var buffer = new ArrayBufferWriter<byte>();
        StateEncoding.Write(buffer, state);

        Assert.That(buffer.WrittenSpan.ToArray(), Is.EqualTo(MessagePackSerializer.Serialize(state, Dynamic)));
    }

    [TestCaseSource(nameof(States))]
    public void The_dynamic_resolvers_bytes_read_back_as_the_same_state(SessionState state)
    {
        var read = StateEncoding.Read(MessagePackSerializer.Serialize(state, Dynamic));

        Assert.That(read, Is.EqualTo(state));
        Assert.That(read!.Nodes[0].Result?.Metrics, Is.TypeOf<Dictionary<string, double>>().Or.Null, "maps come back as the dynamic resolver made them");
    }

    [TestCase("main-run-snapshot.msgpack")]
    [TestCase("main-run-snapshot-first.msgpack")]
    [TestCase("session-v1.msgpack")]
    public void A_committed_snapshot_reads_as_the_dynamic_resolver_reads_it(string fixture)
    {
        var payload = File.ReadAllBytes(StateSamples.FixturePath(fixture)).AsMemory(SnapshotStore.HeaderSize);

        Assert.That(StateEncoding.Read(payload), Is.EqualTo(MessagePackSerializer.Deserialize<SessionState>(payload, Dynamic)));
    }

    [Test]
    public void A_shorter_array_from_an_older_build_keeps_the_records_own_defaults()
    {
        // A finding written before keys 3 to 7 existed: its confidence is the record's 1.0, not 0.
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        writer.WriteArrayHeader(3);
        writer.Write("style.adverbs");
        writer.Write((int)Severity.Warning);
        writer.Write("Many adverbs");
        writer.Flush();
        var finding = buffer.WrittenSpan.ToArray();

        var read = Read(FindingStateFormatter.Instance, finding);

        Assert.That(read, Is.EqualTo(MessagePackSerializer.Deserialize<FindingState>(finding, Dynamic)));
        Assert.That(read!.Confidence, Is.EqualTo(1.0));
        Assert.That(read.Severity, Is.EqualTo(Severity.Warning));
    }

    [Test]
    public void Keys_from_a_newer_build_are_skipped()
    {
        // A note with a third key this build does not know, holding a map.
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        writer.WriteArrayHeader(3);
        writer.Write("style");
        writer.Write("re-run it");
        writer.WriteMapHeader(1);
        writer.Write("x");
        writer.Write(1.5);
        writer.Flush();
        var note = buffer.WrittenSpan.ToArray();

        var read = Read(NodeNoteStateFormatter.Instance, note);

        Assert.That(read, Is.EqualTo(new NodeNoteState { NodeId = "style", Text = "re-run it" }));
        Assert.That(read, Is.EqualTo(MessagePackSerializer.Deserialize<NodeNoteState>(note, Dynamic)));
    }

    [Test]
    public void Every_record_of_the_snapshot_format_has_a_formatter()
    {
        // A new [MessagePackObject] record needs a formatter of its own (and a place in KitchenSink below).
        var records = typeof(SessionState).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<MessagePackObjectAttribute>() is not null).Select(t => t.Name + "Formatter").Order();
        var formatters = typeof(StateEncoding).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(StateEncoding).Namespace && t.Name.EndsWith("Formatter", StringComparison.Ordinal)).Select(t => t.Name).Order();

        Assert.That(formatters, Is.EqualTo(records));
    }

    private static SessionState KitchenSink() => StateSamples.Full() with
    {
        Nodes =
        [
            .. StateSamples.Full().Nodes,
            new NodeState
            {
                NodeId = "revise", Status = NodeRunStatus.Succeeded, Attempts = 1, Actions = 4, Failures = 1,
                Result = StateSamples.Result(3, 0.5) with
                {
                    Edits = [new TextEditState { Offset = 10, Length = 3, Replacement = "très", Rule = "style.very" }],
                },
                Totals = new NodeRunTotals
                {
                    Runs = 4, Successes = 3, Failures = 1, Timeouts = 1, Retries = 2,
                    Total = TimeSpan.FromTicks(123_456_789), Min = TimeSpan.FromMilliseconds(3), Max = TimeSpan.FromMinutes(2),
                },
            },
        ],
        SubjectHash = ContentHash.OfText("revised"),
        ActiveDuration = TimeSpan.FromTicks(98_765_432_1),
        Iterations =
        [
            new IterationRecord
            {
                Iteration = 1, StartedAt = StateSamples.T0.ToOffset(TimeSpan.FromHours(-5)), Duration = TimeSpan.FromSeconds(2.5),
                ActionsRun = 7, Succeeded = 5, Failures = 2, Retries = 3, RetriedActions = 1, Skipped = 1, Quality = 0.61,
            },
            new IterationRecord { Iteration = 2, StartedAt = StateSamples.T0, Quality = 0.7031, QualityDelta = 0.0931 },
        ],
        StopCode = "QualityPlateau",
        PipelinePath = "/pipelines/novel.json",
        Strategy = new StrategyState
        {
            Overrides = [new NodeOverrideState { NodeId = "style", Timeout = TimeSpan.FromMinutes(1), Options = """{"longSentenceWords":30}""" }, new NodeOverrideState { NodeId = "pacing" }],
            Reruns = [new NodeNoteState { NodeId = "style", Text = "score fell" }],
            Suggestions = [new NodeNoteState { NodeId = "themes", Text = "name the themes" }],
            Escalations = [new EscalationState { NodeId = "pacing", Kind = (EscalationKind)1, Reason = "failed three times" }],
        },
        Dispatched = ["style", "pacing"],
    };

    private static T? Read<T>(MessagePack.Formatters.IMessagePackFormatter<T?> formatter, byte[] bytes) where T : class
    {
        var reader = new MessagePackReader(bytes);
        return formatter.Deserialize(ref reader, StateEncoding.Options);
    }
}
