using Orchestrator.Engine.State;

namespace Orchestrator.Engine.Tests.State;

/// <summary>
/// Snapshots and the session.json of a real run of the bundled sample, written by the code on main before the
/// serializers were changed for start-up speed (issue 15), kept as fixtures: they must still load, and what the current
/// code writes for them must read back as the same state, so sessions on users' disks stay resumable. (The bytes are not
/// compared: the state has gained fields since, such as each node's run totals, which a new snapshot carries.)
/// </summary>
[TestFixture]
public sealed class MainSnapshotCompatibilityTests
{
    private const string LastSnapshot = "main-run-snapshot.msgpack";
    private const string FirstSnapshot = "main-run-snapshot-first.msgpack";
    private const string SessionJson = "main-run-session.json";

    [TestCase(FirstSnapshot)]
    [TestCase(LastSnapshot)]
    public void A_snapshot_written_by_main_loads_and_its_state_survives_being_written_again(string name)
    {
        var bytes = File.ReadAllBytes(StateSamples.FixturePath(name));

        var state = SnapshotStore.Decode(bytes, name);

        Assert.That(state.SessionId, Is.EqualTo("novel_20261205_131718_3734"));
        Assert.That(state.PipelineName, Is.EqualTo("novel"));
        var again = SnapshotStore.Decode(SnapshotStore.Encode(state), name);
        Assert.That(again.Nodes, Is.EqualTo(state.Nodes), "every node's status, attempts and result");
        Assert.That(again.QualityHistory, Is.EqualTo(state.QualityHistory));
        Assert.That(again.Iteration, Is.EqualTo(state.Iteration));
    }

    [Test]
    public void The_last_snapshot_holds_every_node_result_of_the_run()
    {
        var state = SnapshotStore.Decode(File.ReadAllBytes(StateSamples.FixturePath(LastSnapshot)));

        Assert.That(state.Nodes.Select(n => n.NodeId), Is.EquivalentTo(new[]
            { "structure", "style", "characters", "pacing", "themes", "consistency", "recommendations" }));
        Assert.That(state.Nodes.Select(n => n.Status), Is.All.EqualTo(NodeRunStatus.Succeeded));
        Assert.That(state.Nodes.Select(n => n.Result!.Score), Is.All.InRange(0.0, 1.0));
        Assert.That(state.QualityHistory.Single().Overall, Is.EqualTo(0.9338).Within(0.00005), "quality 0.9338 as the run printed");
    }

    [Test]
    public void The_session_json_written_by_main_loads_and_agrees_with_its_snapshot()
    {
        var json = SessionStateJson.Deserialize(File.ReadAllBytes(StateSamples.FixturePath(SessionJson)));
        var snapshot = SnapshotStore.Decode(File.ReadAllBytes(StateSamples.FixturePath(LastSnapshot)));

        Assert.That(json.SessionId, Is.EqualTo(snapshot.SessionId));
        Assert.That(json.Nodes, Is.EqualTo(snapshot.Nodes), "every node's status, attempts and result");
        Assert.That(json.QualityHistory, Is.EqualTo(snapshot.QualityHistory));
        Assert.That(System.Text.Encoding.UTF8.GetString(SessionStateJson.Serialize(json)),
            Is.EqualTo(File.ReadAllText(StateSamples.FixturePath(SessionJson))), "written back, it is the same text");
    }
}
