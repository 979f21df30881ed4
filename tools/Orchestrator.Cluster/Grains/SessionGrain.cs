using System.Security.Cryptography;
using System.Text.Json;
using Orchestrator.Cluster.Drain;
using Orchestrator.Cluster.Placement;
using Orchestrator.Cluster.Silo;
using Orchestrator.Cluster.Store;
using Orchestrator.Engine.Sessions;
using Orchestrator.Engine.State;
using Orchestrator.Manuscripts.Coordination;
using Orchestrator.Manuscripts.Reports;
using Orchestrator.Manuscripts.Reports.Html;
using Orchestrator.Manuscripts.Requirements;
using Orleans.Concurrency;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace Orchestrator.Cluster.Grains;

/// <summary>
/// Runs one session on this silo's dataflow network (<see cref="SiloPipelines"/>), with its state in the Redis store.
/// Owning the session is being its activation: the store's lease is taken by the run and checked on every write, so a
/// second activation (a partition that left two) cannot drive it too. A persistent reminder ticks while the session is
/// owed a run; when its silo died, the tick activates the grain on a living silo, which resumes it from its last
/// saved state. A silo that stops hands its sessions over at once (<see cref="SiloDrain"/>). Reports go into the store,
/// so every silo can serve them. Placed on the active silo with the most free run slots (<see cref="SessionPlacementDirector"/>),
/// whichever silo took the post; a session whose pipeline has an <c>llm</c> node only on a silo that declares a model,
/// and, when it finds itself on one that does not (none did when it was placed), it waits there and moves to one as
/// soon as one does.
/// </summary>
[SessionPlacement]
public sealed class SessionGrain(
    [PersistentState("session", SiloSetup.StorageName)] IPersistentState<SessionRecord> record,
    SiloPipelines pipelines, SiloSessions here, SiloLoads loads, ModelNeeds needs, ILocalSiloDetails silo, Serilog.ILogger log) : Grain, ISessionGrain, IRemindable, IGrainMigrationParticipant
{
    public const string ReminderName = "resume";
    private const string HandOffKey = "orchestrator.handed-off";

    private CancellationTokenSource? _stop;
    private Task? _run;
    private bool _cancelledByClient;
    private volatile bool _waiting;
    private bool _handedOff;
    private bool _resumeOnActivation;
    private bool _awaitingModel;

    private string Id => this.GetPrimaryKeyString();

    public async Task<ClusterSessionView> SubmitAsync(SessionOrder order, Immutable<byte[]> manuscript)
    {
        if (record.State.Order is null)
        {
            await pipelines.Store.WriteUploadAsync(Id, manuscript.Value);
            record.State = new SessionRecord { Order = order, Active = true };
            try
            {
                await record.WriteStateAsync();
            }
            catch
            {
                // Not known to be stored (the answer may be what was lost): forget it here, so that the caller's retry
                // meets a fresh activation that reads what Redis holds.
                record.State = new SessionRecord();
                this.DeactivateOnIdle();
                throw;
            }
        }
        // A submit that finds its order stored and nothing driving it is the retry of one whose record write landed
        // but whose answer was lost: it starts the run the first could not.
        else if (!record.State.Active || _run is not null || _awaitingModel) return View();
        var every = pipelines.Settings.ResumeCheckEvery;
        await this.RegisterOrUpdateReminder(ReminderName, every, every);
        Start();
        return View();
    }

    public Task<ClusterSessionView> GetAsync() => Task.FromResult(View());

    public async Task<bool> CancelAsync()
    {
        if (!record.State.Active) return false;
        _cancelledByClient = true;
        record.State.Active = false;
        await record.WriteStateAsync();
        if (_stop is { } stop) await stop.CancelAsync();
        return true;
    }

    public async Task<SessionDeletion> DeleteAsync()
    {
        var status = View().Status;
        // A run that was cancelled is still ending while _run is set (it checkpoints): the session is not yet stopped.
        if (record.State.Order is null || record.State.Active || _run is not null) return new SessionDeletion(false, status, false);
        // Redis first: a failure after it leaves this record, so the session still answers and a second delete finishes
        // the job; the other way round, its keys would stay behind a grain that says there is no such session.
        if (!await pipelines.Store.DeleteAsync(Id)) return new SessionDeletion(false, status, true);
        await ForgetReminderAsync();
        // With DeleteStateOnClear (SiloSetup), clearing removes the record's key from Redis.
        await record.ClearStateAsync();
        log.Information("Session {Session} ({Status}) deleted", Id, status);
        this.DeactivateOnIdle();
        return new SessionDeletion(true, status, false);
    }

    public async Task<bool> HandOffAsync(SiloAddress? target)
    {
        if (_stop is { } stop && _run is { } run)
        {
            await stop.CancelAsync();
            await run;
        }
        if (!record.State.Active) return false;
        if (target is not null)
        {
            // Migration activates the grain on the target at once (its record travels with it); OnActivateAsync resumes the run there.
            _handedOff = true;
            RequestContext.Set(IPlacementDirector.PlacementHintKey, target);
            this.MigrateOnIdle();
        }
        return true;
    }

    public void OnDehydrate(IDehydrationContext migration)
    {
        if (_handedOff) migration.TryAddValue(HandOffKey, true);
    }

    public void OnRehydrate(IRehydrationContext migration) => _resumeOnActivation = migration.TryGetValue(HandOffKey, out bool handedOff) && handedOff;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (_resumeOnActivation && record.State.Active && record.State.Order is not null && _run is null)
        {
            log.Information("Session {Session} handed over to this silo; resuming it", Id);
            Start();
        }
        return base.OnActivateAsync(cancellationToken);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!record.State.Active || record.State.Order is null)
        {
            await ForgetReminderAsync();
            return;
        }
        if (_run is null)
        {
            if (!_awaitingModel) log.Information("Session {Session} is owed a run and none is going on; starting it on this silo", Id);
            Start();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // The silo is stopping (or the grain moves): checkpoint; the session stays owed, and the reminder resumes it elsewhere.
        if (_stop is { } stop && _run is { } run)
        {
            log.Information("Session {Session}: its grain deactivates on this silo ({Reason}); stopping its run", Id, reason);
            await stop.CancelAsync();
            await run.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Current);
        }
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    private void Start()
    {
        if (here.Draining)
        {
            // A call reached this grain on a silo that is stopping: leave the session to a living silo (the reminder's next tick).
            log.Information("Session {Session} is not started: this silo is stopping", Id);
            this.DeactivateOnIdle();
            return;
        }
        if (!needs.CanRunHere(record.State.Order!.Pipeline))
        {
            // Placed here while no silo declared a model (or the one it was on went away): it waits, owed a run, and
            // moves as soon as a silo with a model is there (each reminder tick looks).
            if (!_awaitingModel) log.Information("Session {Session} waits for a silo with a model: its pipeline {Pipeline} has llm nodes and this silo declares none",
                Id, record.State.Order.Pipeline);
            _awaitingModel = true;
            if (loads.AnyWithModel(except: silo.SiloAddress))
            {
                log.Information("Session {Session} moves to a silo with a model", Id);
                _handedOff = true;
                this.MigrateOnIdle();
            }
            return;
        }
        _awaitingModel = false;
        here.Add(Id);
        _stop = new CancellationTokenSource();
        _cancelledByClient = false;
        _run = RunAsync(_stop.Token);
    }

    private async Task RunAsync(CancellationToken ct)
    {
        var order = record.State.Order!;
        try
        {
            record.State.Runs++;
            record.State.Silo = silo.SiloAddress.ToString();
            record.State.Error = null;
            await WriteRecordAsync();
            await pipelines.Store.NoteDrivenAsync(Id, record.State.Silo, running: false);
            // Off the grain's scheduler: the session's work runs on the thread pool like a local run's.
            var status = await Task.Run(() => DriveAsync(order, ct), CancellationToken.None);
            if (status is null)
            {
                log.Information("Session {Session} stopped on this silo; it stays owed a run", Id);
                return;
            }
            record.State.Outcome = status;
            record.State.Active = false;
            await pipelines.Store.DeleteUploadAsync(Id);
        }
        catch (SessionLockedException e)
        {
            // The previous owner's lease has not run out yet (its silo died moments ago): the next tick tries again.
            // The attempt drove nothing, so it is no run.
            record.State.Runs--;
            log.Information("Session {Session}: {Reason}; trying again at the next reminder tick", Id, e.Reason);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped while it waited for a run slot (or before the engine could say so): still owed a run, unless a client cancelled it.
            log.Information("Session {Session} stopped before it ran on this silo", Id);
        }
        catch (Exception e)
        {
            log.Error(e, "Session {Session} could not run: {Error}", Id, e.Message);
            record.State.Error = e.Message;
            record.State.Active = false;
        }
        finally
        {
            await pipelines.Store.NoteUndrivenAsync(Id);
            here.Remove(Id);
            _run = null;
            _stop = null;
            await WriteRecordAsync();
            if (!record.State.Active) await ForgetReminderAsync();
        }
    }

    /// <summary>
    /// Runs or resumes the session; its final status, or null when it stopped without finishing (silo stopping, lease
    /// lost). A Redis outage pauses it: it keeps its run slot, waits until Redis answers, and goes on from its last saved
    /// state (what it did meanwhile was not saved, so it is done again).
    /// </summary>
    private async Task<string?> DriveAsync(SessionOrder order, CancellationToken ct)
    {
        _waiting = true;
        IDisposable slot;
        try
        {
            slot = await pipelines.TakeSlotAsync(ct);
        }
        finally
        {
            _waiting = false;
        }
        using var _ = slot;
        var store = pipelines.Store;
        await store.NoteDrivenAsync(Id, silo.SiloAddress.ToString(), running: true);
        DateTime? pausedUntil = null;
        ManuscriptAnalysis? analysis = null;
        while (true)
        {
            try
            {
                if (analysis is null && await EndedBeforeAsync(ct) is { } ended) return ended;
                // A session that ended before the outage cut its report writes is not driven again: only they are done again.
                analysis ??= await RunOrResumeAsync(order, ct);
                if (analysis.Session.Status == SessionStatus.Cancelled && !_cancelledByClient) return null;
                await WriteReportsAsync(store, analysis.Report);
                return analysis.Session.Status.ToString();
            }
            catch (Exception e) when (RedisOutage.Caused(e) && !ct.IsCancellationRequested)
            {
                log.Warning("Session {Session} paused: Redis cannot be reached ({Error}); it goes on from its last saved state when Redis answers",
                    Id, RedisOutage.Describe(e));
                await store.WaitUntilReachableAsync(ct);
                log.Warning("Session {Session}: Redis answers again; going on from its last saved state", Id);
                pausedUntil = DateTime.UtcNow;
            }
            catch (SessionLockedException) when (pausedUntil is { } since && DateTime.UtcNow - since < RedisLeaseOptions.Default.TimeToLive + RedisOutage.PollEvery)
            {
                // The outage cut a write whose answer was lost (the create that took the lease): that lease runs out soon.
                await Task.Delay(RedisOutage.PollEvery, ct);
            }
        }
    }

    /// <summary>
    /// The status of a session that ended, reports written, in a run whose silo died (or stopped) before the grain
    /// recorded it: it is not resumed, which would log its end a second time. Null when it is still to run.
    /// </summary>
    private async Task<string?> EndedBeforeAsync(CancellationToken ct)
    {
        var store = pipelines.Store;
        // The HTML report is the last of the three written.
        if (!await store.ExistsAsync(Id) || await store.ReadAttachmentAsync(Id, ReportFiles.HtmlName) is null) return null;
        var state = (await store.LoadStateAsync(Id, ct)).State;
        if (state.Status is not (SessionStateStatus.Completed or SessionStateStatus.CompletedWithErrors or SessionStateStatus.Failed)) return null;
        log.Information("Session {Session} had ended ({Status}) before its last run could record it; it is not run again", Id, state.Status);
        return state.Status.ToString();
    }

    private async Task<ManuscriptAnalysis> RunOrResumeAsync(SessionOrder order, CancellationToken ct)
    {
        var coordinator = pipelines.Coordinator(order.Pipeline);
        var store = pipelines.Store;
        if (await store.ExistsAsync(Id)) return await coordinator.ResumeProcessingAsync(Id, ResumeOptions.Default, ct);
        var bytes = await store.ReadUploadAsync(Id)
            ?? throw new InvalidOperationException($"session {Id}: its manuscript is missing from Redis");
        var path = await pipelines.LocalCopyAsync(Convert.ToHexStringLower(SHA256.HashData(bytes)), order.FileName, bytes, ct);
        var requirements = ManuscriptRequirementsJson.Deserialize(order.RequirementsJson);
        return await coordinator.ProcessManuscriptAsync(path, requirements, new ProcessOptions
        {
            SessionId = Id, ResumeUnfinished = false, ReuseCompleted = false,
        }, ct);
    }

    /// <summary>
    /// Writes the grain's record, waiting out a Redis outage. The grain is its record's only writer, so a write whose
    /// answer the outage lost (the stored version moved on) is written again over it.
    /// </summary>
    private async Task WriteRecordAsync()
    {
        var waited = false;
        var reread = false;
        while (true)
        {
            try
            {
                if (reread)
                {
                    var mine = record.State;
                    await record.ReadStateAsync();
                    record.State = mine;
                    reread = false;
                }
                await record.WriteStateAsync();
                if (waited) log.Warning("Session {Session}: its record is written again", Id);
                return;
            }
            catch (Orleans.Storage.InconsistentStateException) when (waited && !reread)
            {
                reread = true;
            }
            catch (Exception e) when (RedisOutage.Caused(e))
            {
                if (!waited) log.Warning("Session {Session}: its record cannot be written, Redis cannot be reached ({Error}); writing it when Redis answers",
                    Id, RedisOutage.Describe(e));
                waited = true;
                await pipelines.Store.WaitUntilReachableAsync(CancellationToken.None);
            }
        }
    }

    /// <summary>The three reports, the HTML last: a stored HTML report says the others are (<see cref="EndedBeforeAsync"/>).</summary>
    private Task WriteReportsAsync(RedisSessionStore store, AnalysisReport report) => store.WriteAttachmentsAsync(Id,
    [
        (ReportFiles.JsonName, JsonSerializer.SerializeToUtf8Bytes(report, ReportJson.Options)),
        (ReportFiles.MarkdownName, System.Text.Encoding.UTF8.GetBytes(MarkdownReportWriter.Write(report))),
        (ReportFiles.HtmlName, System.Text.Encoding.UTF8.GetBytes(HtmlReportWriter.Write(report))),
    ]);

    private ClusterSessionView View()
    {
        var r = record.State;
        var status = r.Order is null ? ClusterSessionView.Unknown
            : _run is not null ? (_waiting ? ClusterSessionView.Queued : ClusterSessionView.Running)
            : _awaitingModel && r.Active ? ClusterSessionView.Queued
            : r.Active ? ClusterSessionView.Interrupted
            : r.Outcome ?? (r.Error is null ? nameof(SessionStatus.Cancelled) : "Failed");
        return new ClusterSessionView(Id, status, r.Silo, r.Runs, r.Order?.Pipeline, r.Order?.FileName, r.Error);
    }

    private async Task ForgetReminderAsync()
    {
        try
        {
            if (await this.GetReminder(ReminderName) is { } reminder) await this.UnregisterReminder(reminder);
        }
        catch (Exception e) when (RedisOutage.Caused(e))
        {
            // Its next tick finds the session no longer owed a run, and forgets it then.
        }
    }
}
