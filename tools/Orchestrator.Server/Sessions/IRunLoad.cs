namespace Orchestrator.Server.Sessions;

/// <summary>
/// What this server runs now, as <c>/readyz</c> and <c>/metrics</c> report it: sessions running and waiting for a run
/// slot here, and why it should take no new post now. By default it is this server's <see cref="RunQueue"/>; in a
/// cluster the host's add-on registers the silo's own (its slots and the sessions it drives), since a silo's queue is
/// its session grains, not the local queue.
/// </summary>
public interface IRunLoad
{
    /// <summary>Sessions running here now.</summary>
    int Running { get; }

    /// <summary>Sessions waiting here for a run slot.</summary>
    int Waiting { get; }

    /// <summary>Why this server should get no new posts now (queue full, stopping, store unreachable); null when it should.</summary>
    string? NotReadyBecause { get; }
}
