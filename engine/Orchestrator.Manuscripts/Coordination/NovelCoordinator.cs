using System.Collections.Concurrent;
using System.Text;
using Orchestrator.Engine.Dataflow;
using Orchestrator.Engine.Decisions;
using Orchestrator.Engine.Events;
using Orchestrator.Engine.Iteration;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Engine.Scripting;
using Orchestrator.Engine.Sessions;
using Orchestrator.Engine.State;
using Orchestrator.Manuscripts.Loading;
using Orchestrator.Manuscripts.Reports;
using Orchestrator.Manuscripts.Requirements;
using Orchestrator.Manuscripts.Text;
using Serilog;

namespace Orchestrator.Manuscripts.Coordination;

/// <summary>
/// The library entry point: analyses manuscripts with one pipeline. The pipeline is compiled into a
/// dataflow network once, and every manuscript processed by this coordinator flows through that
/// same network, so node parallelism bounds hold across concurrent sessions. With a session store (chosen by the
/// host: the file system, memory...), every session is persisted as it goes and can be resumed after a crash.
/// </summary>
public sealed class NovelCoordinator : IAsyncDisposable
{
    private readonly CoordinatorOptions _options;
    private readonly DataflowNetwork _network;
    private readonly SessionLoop _loop;
    private readonly ISessionStore? _store;
    private readonly string _pipelineHash;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _running = new();
    private readonly ILogger _log;
    private int _queued;

    public NovelCoordinator(CoordinatorOptions options)
    {
        _options = options;
        _log = options.Logger;
        _network = DataflowNetwork.Compile(options.Pipeline, options.Registry, new NetworkOptions
        {
            Logger = options.Logger,
            Observer = ObserverPair.Of(Events, options.Observer),
            TimeProvider = options.TimeProvider,
        });
        _loop = new SessionLoop(_network, options.Registry);
        _store = options.Store;
        _pipelineHash = PipelineFingerprint.Of(options.Pipeline, options.Rules);
    }

    /// <summary>
    /// The hash sessions are keyed and checked by: the pipeline's fingerprint with what its nodes read now (a reference
    /// library's version, a model's hash; <see cref="PipelineFingerprint.WithStamps"/>), read at each session's start
    /// because a library can change while a host (a server) keeps this coordinator.
    /// </summary>
    private string PipelineHashNow() => PipelineFingerprint.WithStamps(_pipelineHash, _network.Nodes.Select(n => n.InputStamp));

    /// <summary>The hash a session started now is keyed by (<see cref="PipelineHashNow"/>): a host's own reuse key takes it too.</summary>
    public string PipelineHash => PipelineHashNow();

    /// <summary>
    /// The live events of every session this coordinator runs: subscribe per session or for all (bounded buffers, a
    /// slow subscriber loses events and is told so, never slowing the sessions); <see cref="EventReplay.FollowAsync"/>
    /// adds the history from the store's log.
    /// </summary>
    public SessionEventHub Events { get; } = new();

    /// <summary>Execution figures per node across every session this coordinator ran.</summary>
    public IReadOnlyList<NodeStatistics> NodeStatistics => _network.NodeStatistics;

    /// <summary>The store sessions persist in; null keeps them in memory only.</summary>
    public ISessionStore? Store => _store;

    /// <summary>Loads the manuscript at <paramref name="manuscriptPath"/> and analyses it.</summary>
    /// <exception cref="ManuscriptLoadException">The file is missing, empty, binary or not decodable.</exception>
    public Task<ManuscriptAnalysis> ProcessManuscriptAsync(string manuscriptPath, ManuscriptRequirements requirements,
        CancellationToken cancellationToken) =>
        ProcessManuscriptAsync(manuscriptPath, requirements, ProcessOptions.Default, cancellationToken);

    /// <inheritdoc cref="ProcessManuscriptAsync(string, ManuscriptRequirements, CancellationToken)"/>
    public async Task<ManuscriptAnalysis> ProcessManuscriptAsync(string manuscriptPath, ManuscriptRequirements requirements,
        ProcessOptions options, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _queued);
        ManuscriptDocument document;
        try
        {
            document = await ManuscriptLoader.LoadAsync(manuscriptPath, _options.Loading, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _queued);
        }
        return await ProcessManuscriptAsync(document, requirements, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Analyses an already loaded manuscript.</summary>
    public Task<ManuscriptAnalysis> ProcessManuscriptAsync(ManuscriptDocument document, ManuscriptRequirements requirements,
        CancellationToken cancellationToken) =>
        ProcessManuscriptAsync(document, requirements, ProcessOptions.Default, cancellationToken);

    /// <inheritdoc cref="ProcessManuscriptAsync(ManuscriptDocument, ManuscriptRequirements, CancellationToken)"/>
    public async Task<ManuscriptAnalysis> ProcessManuscriptAsync(ManuscriptDocument document, ManuscriptRequirements requirements,
        ProcessOptions options, CancellationToken cancellationToken)
    {
        var requirementsJson = ManuscriptRequirementsJson.Serialize(requirements);
        var inputPath = document.SourcePath is null ? "(in memory)" : Path.GetFullPath(document.SourcePath);
        var inputHash = ManuscriptSubject.HashOf(document);
        var pipelineHash = PipelineHashNow();
        var key = new SessionKey(inputHash, pipelineHash, requirementsJson);

        if (_store is not null && (options.ResumeUnfinished || options.ReuseCompleted)
            && await EarlierSession.FindAsync(_store, key, inputPath, _options.Pipeline.Name, options, _running.ContainsKey, _log, cancellationToken)
                .ConfigureAwait(false) is { } earlier)
        {
            _log.Information("Going on with earlier session {Session} of {Input}", earlier.Id, inputPath);
            var continued = await ResumeProcessingAsync(earlier.Id,
                new ResumeOptions { ReportFolder = options.ReportFolder }, cancellationToken).ConfigureAwait(false);
            return continued with { Continued = earlier.Status };
        }

        var now = _options.TimeProvider.GetUtcNow();
        SessionState NewState(string id) => SessionState.Start(id, _options.Pipeline.Name, pipelineHash, inputPath, inputHash, requirementsJson,
            _options.Pipeline.Nodes.Select(n => n.Id), now) with
        {
            ReportFolder = options.ReportFolder is null ? null : Path.GetFullPath(options.ReportFolder),
            PipelinePath = _options.Pipeline.SourcePath is null ? null : Path.GetFullPath(_options.Pipeline.SourcePath),
        };
        var state = NewState(options.SessionId ?? SessionId.New(_options.Pipeline.Name, now));
        ISessionLease? created = null;
        // The initial state and the input copy are durable before anything runs: a kill from here on leaves a resumable session.
        for (var draw = 1; _store is not null && created is null; draw++)
        {
            try
            {
                created = await _store.CreateAsync(state, InputBytes(document), cancellationToken).ConfigureAwait(false);
            }
            catch (SessionIdTakenException) when (options.SessionId is null && draw < SessionId.Draws)
            {
                // A random id drawn twice in one second (a fast batch starts tens of sessions a second): draw again.
                state = NewState(SessionId.New(_options.Pipeline.Name, now));
            }
        }
        using var lease = created;
        var sessionId = state.SessionId;
        var subject = new ManuscriptSubject(document, _store, sessionId);
        return await DriveAsync(state, subject, document, requirements, lease, lastEvent: 0, earlierDecisions: [], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Resumes a stored session: loads its newest valid state (falling back to snapshots), re-runs only what had not
    /// finished, continues the iteration loop and builds the report, which equals an uninterrupted run's apart from timings.
    /// </summary>
    /// <exception cref="InvalidOperationException">The coordinator has no store.</exception>
    /// <exception cref="SessionNotFoundException">No such session.</exception>
    /// <exception cref="SessionStateCorruptException">Nothing valid is left of its state.</exception>
    /// <exception cref="SessionLockedException">Another live process drives it.</exception>
    /// <exception cref="SessionChangedException">Its input or pipeline changed, and <see cref="ResumeOptions.Force"/> is not set.</exception>
    public async Task<ManuscriptAnalysis> ResumeProcessingAsync(string sessionId, ResumeOptions options, CancellationToken cancellationToken)
    {
        var store = _store ?? throw new InvalidOperationException("this coordinator has no session store: sessions are not stored, so none can be resumed");
        if (!store.Exists(sessionId)) throw new SessionNotFoundException(sessionId, "the session store");
        using var lease = await store.AcquireLeaseAsync(sessionId, cancellationToken).ConfigureAwait(false);
        var loaded = await store.LoadStateAsync(sessionId, cancellationToken).ConfigureAwait(false);
        var state = loaded.State;
        // The log goes on numbering where it stopped (a log from before sequences numbers its lines).
        var logged = store.ReadEvents(sessionId).Events;
        var lastEvent = logged.Select((e, i) => e.Sequence ?? i + 1).DefaultIfEmpty(0).Max();
        // The report covers every iteration: the plans earlier processes made are in the log.
        var earlierDecisions = DecisionLog.Read(logged);
        void Warn(string warning) => store.AppendEvent(new SessionEvent
        {
            Time = _options.TimeProvider.GetUtcNow(), Kind = SessionEventKind.Warning, Session = sessionId, Details = warning, Sequence = ++lastEvent,
        });
        // A run killed without a chance to release its lease leaves it behind; say whose it was when taking it over.
        var warnings = lease.TakeoverNote is { } takeover ? loaded.Warnings.Prepend(takeover) : loaded.Warnings;
        foreach (var warning in warnings)
        {
            _log.Warning("Session {Session}: {Warning}", sessionId, warning);
            Warn(warning);
        }

        var pipelineHash = PipelineHashNow();
        var check = await ResumeCheck.RunAsync(store, state, _options.Pipeline.Name, pipelineHash, _options.Pipeline.SourcePath,
            _options.Loading, _log, cancellationToken).ConfigureAwait(false);
        if (check.Changes.Count > 0 && !options.Force) throw new SessionChangedException(sessionId, check.Changes);
        foreach (var change in check.Changes) Warn($"--force: {change}");

        var requirements = state.RequirementsJson is null
            ? ManuscriptRequirements.None
            : ManuscriptRequirementsJson.Deserialize(state.RequirementsJson);

        ManuscriptSubject subject = new(check.Input, store, sessionId);
        if (check.InputHash != state.InputHash)
        {
            // Forced past a changed input: revisions of the old text no longer apply.
            state = state with { InputHash = check.InputHash, SubjectHash = null };
        }
        else if (state.SubjectHash is { } revisedHash)
        {
            var revised = ManuscriptSubject.LoadRevision(store, sessionId, revisedHash, state.InputPath);
            if (revised is not null) subject = revised;
            else
            {
                _log.Warning("Session {Session}: the revised text {Hash} is missing or damaged; going on from the input", sessionId, ResumeCheck.Short(revisedHash));
                state = state with { SubjectHash = null };
            }
        }
        state = state with
        {
            PipelineHash = pipelineHash,
            ReportFolder = options.ReportFolder is null ? state.ReportFolder : Path.GetFullPath(options.ReportFolder),
        };
        return await DriveAsync(state, subject, check.Input, requirements, lease, lastEvent, earlierDecisions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Status, completed nodes, iteration, quality and stop reason of a stored session.</summary>
    /// <exception cref="SessionNotFoundException">No such session.</exception>
    /// <exception cref="SessionStateCorruptException">Nothing valid is left of its state.</exception>
    public async Task<SessionInfo> GetSessionInfoAsync(string sessionId, CancellationToken cancellationToken)
    {
        var store = _store ?? throw new InvalidOperationException("this coordinator has no session store: sessions are not stored");
        var loaded = await store.LoadStateAsync(sessionId, cancellationToken).ConfigureAwait(false);
        var state = loaded.State;
        var status = state.Status.ToString();
        if (state.Status == SessionStateStatus.Running)
            status = _running.ContainsKey(sessionId) || store.IsHeld(sessionId) ? "Running" : "Interrupted";
        return new SessionInfo(
            state.SessionId, status, state.PipelineName, state.InputPath,
            state.Nodes.Where(n => n.Status == NodeRunStatus.Succeeded).Select(n => n.NodeId).ToArray(),
            state.Iteration,
            state.QualityHistory.Count > 0 ? state.QualityHistory[^1].Overall : null,
            state.StopReason, state.CreatedAt, state.UpdatedAt, loaded.Warnings);
    }

    public CoordinatorStatus GetStatus()
    {
        var running = _running.OrderBy(p => p.Value).Select(p => p.Key).ToArray();
        var queued = Volatile.Read(ref _queued);
        return new CoordinatorStatus(running.Length > 0 || queued > 0, running, queued);
    }

    public ValueTask DisposeAsync() => _network.DisposeAsync();

    private async Task<ManuscriptAnalysis> DriveAsync(SessionState state, ManuscriptSubject subject, ManuscriptDocument input,
        ManuscriptRequirements requirements, ISessionLease? lease, long lastEvent, IReadOnlyList<PlanAnalytics> earlierDecisions,
        CancellationToken cancellationToken)
    {
        var sessionId = state.SessionId;
        _running[sessionId] = _options.TimeProvider.GetUtcNow();
        var log = _log.ForContext("Session", sessionId);
        log.Information("Session {Session} started: {Title} ({Words} words, {Chapters} chapters) with pipeline {Pipeline}",
            sessionId, input.Title, input.WordCount, input.Chapters.Count, _options.Pipeline.Name);
        // Losing the lease (another process took the session over) stops this one as a cancellation would.
        using var stop = lease is null
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken)
            : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
        try
        {
            var facts = ManuscriptFacts(subject.Document);
            var journal = _store?.Journal();
            using var events = Events.Open(sessionId, lastEvent, journal is null ? null : journal.Append);
            var session = await _loop.RunAsync(new SessionRun
            {
                State = state,
                Subject = subject,
                Requirements = requirements,
                Journal = journal,
                Events = events,
                EarlierDecisions = earlierDecisions,
                Rules = _options.Rules,
                DecorateGlobals = engine => new Rules.NovelRuleGlobals(engine, requirements, facts),
                Size = new SizeHint(subject.Document.WordCount, "words"),
            }, stop.Token).ConfigureAwait(false);
            log.Information("Session {Session} ended {Status}: quality {Quality:0.000}, {Stop}",
                sessionId, session.Status, session.Quality.Overall, session.StopReason);
            var finalDocument = session.Revisions.Count > 0 || session.State.SubjectHash is not null
                ? (ManuscriptDocument)FinalSubject(session, subject).Value
                : subject.Document;
            var report = ReportBuilder.Build(session, _options.Pipeline, finalDocument, requirements);
            return new ManuscriptAnalysis(finalDocument, session, report)
            {
                Input = input,
                ReportFolder = session.State.ReportFolder,
            };
        }
        finally
        {
            _running.TryRemove(sessionId, out _);
        }
    }

    private SessionSubject FinalSubject(SessionResult session, ManuscriptSubject start)
    {
        if (session.State.SubjectHash is not { } hash || hash == start.Hash || _store is null) return start;
        return ManuscriptSubject.LoadRevision(_store, session.SessionId, hash, start.Document.SourcePath) is { } revised ? revised : start;
    }

    private static Rules.ManuscriptFacts ManuscriptFacts(ManuscriptDocument document) => Rules.ManuscriptFacts.From(document);

    /// <summary>
    /// The input's bytes as read, when its file still holds what was loaded (so a resume from the copy hashes the
    /// same); otherwise the decoded text as UTF-8 (an in-memory document, or a file changed since).
    /// </summary>
    private static byte[] InputBytes(ManuscriptDocument document)
    {
        if (document.SourcePath is { } path && File.Exists(path))
        {
            var bytes = File.ReadAllBytes(path);
            if (Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)) == document.ContentHash) return bytes;
        }
        return Encoding.UTF8.GetBytes(document.Text);
    }
}
