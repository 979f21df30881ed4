using System.Collections.Concurrent;
using Orchestrator.Engine.Dataflow;
using Orchestrator.Engine.Sessions;
using Orchestrator.Manuscripts.Loading;
using Orchestrator.Manuscripts.Reports;
using Orchestrator.Manuscripts.Requirements;
using Orchestrator.Manuscripts.Text;
using Serilog;

namespace Orchestrator.Manuscripts.Coordination;

/// <summary>
/// The library entry point: analyses manuscripts with one pipeline. The pipeline is compiled into a
/// dataflow network once, and every manuscript processed by this coordinator flows through that
/// same network, so node parallelism bounds hold across concurrent sessions.
/// </summary>
public sealed class NovelCoordinator : IAsyncDisposable
{
    private readonly CoordinatorOptions _options;
    private readonly DataflowNetwork _network;
    private readonly SessionRunner _runner;
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
            Observer = options.Observer,
            TimeProvider = options.TimeProvider,
        });
        _runner = new SessionRunner(_network, options.TimeProvider);
    }

    /// <summary>Execution figures per node across every session this coordinator ran.</summary>
    public IReadOnlyList<NodeStatistics> NodeStatistics => _network.NodeStatistics;

    /// <summary>Loads the manuscript at <paramref name="manuscriptPath"/> and analyses it.</summary>
    /// <exception cref="ManuscriptLoadException">The file is missing, empty, binary or not decodable.</exception>
    public async Task<ManuscriptAnalysis> ProcessManuscriptAsync(string manuscriptPath, ManuscriptRequirements requirements,
        CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _queued);
        ManuscriptDocument document;
        try
        {
            document = await ManuscriptLoader.LoadAsync(manuscriptPath, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _queued);
        }
        return await ProcessManuscriptAsync(document, requirements, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Analyses an already loaded manuscript.</summary>
    public async Task<ManuscriptAnalysis> ProcessManuscriptAsync(ManuscriptDocument document, ManuscriptRequirements requirements,
        CancellationToken cancellationToken)
    {
        var sessionId = SessionId.New(_options.Pipeline.Name, _options.TimeProvider.GetUtcNow());
        _running[sessionId] = _options.TimeProvider.GetUtcNow();
        var log = _log.ForContext("Session", sessionId);
        log.Information("Session {Session} started: {Title} ({Words} words, {Chapters} chapters) with pipeline {Pipeline}",
            sessionId, document.Title, document.WordCount, document.Chapters.Count, _options.Pipeline.Name);
        try
        {
            var session = await _runner.RunAsync(sessionId, document, requirements, cancellationToken).ConfigureAwait(false);
            log.Information("Session {Session} ended {Status}: quality {Quality:0.000}, {Stop}",
                sessionId, session.Status, session.Quality.Overall, session.StopReason);
            var report = ReportBuilder.Build(session, _options.Pipeline, document, requirements, _network.NodeStatistics);
            return new ManuscriptAnalysis(document, session, report);
        }
        finally
        {
            _running.TryRemove(sessionId, out _);
        }
    }

    public CoordinatorStatus GetStatus()
    {
        var running = _running.OrderBy(p => p.Value).Select(p => p.Key).ToArray();
        var queued = Volatile.Read(ref _queued);
        return new CoordinatorStatus(running.Length > 0 || queued > 0, running, queued);
    }

    public ValueTask DisposeAsync() => _network.DisposeAsync();
}
