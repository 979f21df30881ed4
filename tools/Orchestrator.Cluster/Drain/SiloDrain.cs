using System.Diagnostics;
using Orchestrator.Cluster.Grains;
using Orchestrator.Cluster.Placement;
using Orleans.Runtime;

namespace Orchestrator.Cluster.Drain;

/// <summary>
/// What a silo does first when it stops (SIGTERM, Ctrl-C): it starts no session any more, stops the sessions it
/// drives (each checkpoints, writes its record and releases its lease), and moves each grain to another active silo,
/// which resumes the session at once. The persistent reminder would get there too, but only after its period and the
/// membership change; a hand-off takes milliseconds. A silo with no living peer leaves its sessions to the reminder.
/// </summary>
public sealed class SiloDrain(SiloSessions sessions, HandOffTargets targets, SiloLoads loads, IGrainFactory grains, Serilog.ILogger log)
    : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>Above <see cref="ServiceLifecycleStage.Active"/>: stopping runs stages from the top, so the drain ends before the reminder service, membership or grains stop.</summary>
    public const int Stage = ServiceLifecycleStage.Active + 1;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SiloDrain), Stage, _ => Task.CompletedTask, DrainAsync);

    private async Task DrainAsync(CancellationToken ct)
    {
        sessions.BeginDraining();
        try
        {
            // Other silos place no session here from now on (and this one places none here either).
            await loads.PublishAsync().WaitAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.Warning("Silo stopping: its load could not be published as draining ({Error}); posts may still be placed here and go on elsewhere", e.Message);
        }
        var ids = sessions.Ids;
        if (ids.Count == 0) return;
        var started = Stopwatch.GetTimestamp();
        log.Information("Silo stopping: checkpointing its {Count} cluster session(s) to hand them over", ids.Count);
        var results = await Task.WhenAll(ids.Select(async id =>
        {
            var target = targets.For(id);
            try
            {
                var owed = await grains.GetGrain<ISessionGrain>(id).HandOffAsync(target).WaitAsync(ct);
                if (owed && target is not null) log.Information("Session {Session} checkpointed and handed over to silo {Silo}", id, target);
                return owed && target is not null ? id : null;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.Warning(e, "Session {Session} could not be handed over ({Error}); the reminder resumes it on a living silo", id, e.Message);
                return null;
            }
        }));
        var handedOver = results.OfType<string>().ToArray();
        if (targets.Others().Count == 0)
            log.Warning("No other silo is active: the sessions of this silo stay owed and resume when a silo of the cluster runs");
        sessions.Drained(handedOver);
        log.Information("Silo drained in {Ms:F0} ms: {HandedOver} of {Count} session(s) handed over", Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            handedOver.Length, ids.Count);
    }
}
