namespace Orchestrator.Cluster.Grains;

/// <summary>
/// The grain's persistent state (in Redis, through Orleans grain storage): the order, whether the cluster still owes
/// the session a run, and how its runs went. The session's own state, events and reports live in the session store.
/// </summary>
[GenerateSerializer, Alias("orchestrator.session-record")]
public sealed class SessionRecord
{
    [Id(0)] public SessionOrder? Order { get; set; }

    /// <summary>Still to run: submitted and not yet finished, or cut short by a silo that stopped or died.</summary>
    [Id(1)] public bool Active { get; set; }

    /// <summary>How many runs began, waiting for a run slot included (a resume on another silo is one more; an attempt the lease refused is none).</summary>
    [Id(2)] public int Runs { get; set; }

    /// <summary>The silo of the latest run.</summary>
    [Id(3)] public string? Silo { get; set; }

    /// <summary>The session's status when its last run ended (the engine's <c>SessionStatus</c>), null before.</summary>
    [Id(4)] public string? Outcome { get; set; }

    /// <summary>Why the last run could not start or finish.</summary>
    [Id(5)] public string? Error { get; set; }
}
