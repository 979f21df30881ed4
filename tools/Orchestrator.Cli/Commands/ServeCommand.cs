using System.CommandLine;
using Orchestrator.Cli.Hosting;
using Orchestrator.Cluster.Http;
using Orchestrator.Cluster.Silo;
using Orchestrator.Server;
using Orchestrator.Server.Security;

namespace Orchestrator.Cli.Commands;

/// <summary><c>orchestrator serve</c>: the headless server (HTTP API, live events, status page) until Ctrl-C or SIGTERM.</summary>
public static class ServeCommand
{
    public static Command Create(GlobalOptions global)
    {
        var urls = new Option<string>("--urls") { Description = $"Where to listen (default {ServerOptions.DefaultUrls}); any non-loopback address needs an API key", DefaultValueFactory = _ => ServerOptions.DefaultUrls };
        var pipelines = new Option<string?>("--pipelines") { Description = "The only folder pipelines and rules are run from (default: the 'pipelines' setting, else ./pipelines, else the app's own)" };
        var maxRunning = new Option<int?>("--max-running") { Description = "Sessions running at once (default 2)" };
        var maxQueued = new Option<int?>("--max-queued") { Description = "Sessions waiting; past this a post gets 429 (default 100)" };
        var maxUpload = new Option<int?>("--max-upload-mb") { Description = "Largest upload in MB (default 50)" };
        var keyFile = new Option<string?>("--api-key-file") { Description = $"File holding the API key (or set {ApiKeySource.EnvironmentVariable}); never pass a key on the command line" };

        var model = LlmHosting.CreateModelOption();
        var library = LibraryHosting.CreateOption();
        var cluster = new Option<string?>("--cluster") { Description = "Join a cluster of servers over Redis: redis://HOST:PORT[,more] (/api/sessions then posts and serves the cluster's sessions, from any silo)" };
        var clusterId = new Option<string?>("--cluster-id") { Description = $"Silos with the same id form one cluster (default {ClusterSettings.DefaultClusterId})" };

        var command = new Command("serve", "Run the headless server: HTTP API, live progress over server-sent events, and a status page")
        {
            urls, pipelines, maxRunning, maxQueued, maxUpload, keyFile, model, library, cluster, clusterId,
        };
        command.SetAction((parse, ct) => CliRunner.GuardAsync(async () =>
        {
            var settings = CliSettings.Load(parse.GetValue(global.Data));
            await using var log = Logging.Create(settings);
            await using var llm = LlmHosting.Create(settings, parse.GetValue(model), log);
            // --library is opened now: a missing or damaged one stops the server before it listens (exit 9).
            await using var reference = parse.GetValue(library) is { } libraryName
                ? await LibraryHosting.OpenAsync(settings, libraryName, create: false, ct, llm.Embedder())
                : null;
            // A server searches its library for every session: its in-memory index is built now, beside the start, so
            // the first sessions do not go to FTS5 while the first search builds it (a small library needs none).
            if (reference is not null) _ = PrepareSearchAsync(reference, log, ct);
            await using var nodeTypes = new ServerNodeTypes(settings, llm, reference);
            var defaults = new ServerOptions { DataDirectory = settings.DataDirectory, PipelinesDirectory = "" };
            ServerOptions options;
            try
            {
                options = defaults with
                {
                    Urls = parse.GetValue(urls)!,
                    PipelinesDirectory = PipelinesFolder(parse.GetValue(pipelines), settings),
                    DefaultPipeline = settings.DefaultPipeline,
                    MaxRunning = parse.GetValue(maxRunning) ?? defaults.MaxRunning,
                    MaxQueued = parse.GetValue(maxQueued) ?? defaults.MaxQueued,
                    MaxUploadBytes = parse.GetValue(maxUpload) is { } mb ? Positive(mb, "--max-upload-mb") * 1024L * 1024 : defaults.MaxUploadBytes,
                    ApiKey = ApiKeySource.Read(parse.GetValue(keyFile)),
                    NodeTypes = nodeTypes.For,
                };
                if (parse.GetValue(cluster) is { } redis)
                    return await ServeClusterAsync(options, redis, parse.GetValue(clusterId), llm.DeclaredModel(parse.GetValue(model)), log, ct);
                Console.Error.WriteLine($"orchestrator serve: listening on {options.Urls} (pipelines from {options.PipelinesDirectory}; Ctrl-C to stop)");
                await ServerApp.RunAsync(options, log, ct);
            }
            catch (ServerStartException ex)
            {
                throw new CliUsageException(ex.Message);
            }
            catch (IOException ex) when (ex.InnerException is System.Net.Sockets.SocketException || ex.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
            {
                throw new CliUsageException($"--urls {parse.GetValue(urls)}: cannot listen there ({ex.Message})");
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    private static async Task PrepareSearchAsync(Orchestrator.Library.LibraryStore library, Serilog.ILogger log, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await library.PrepareSearchAsync(ct);
            log.Information("Library {Library}: searches ready in {Milliseconds:F0} ms", library.Name, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped before it was built: nothing to say.
        }
        catch (Exception ex) when (ex is Orchestrator.Library.LibraryException or IOException)
        {
            // Searches stay with FTS5, which reports a damaged library itself.
            log.Warning("Library {Library}: searches stay with SQLite's index: {Reason}", library.Name, ex.Message);
        }
    }

    /// <summary>The server, plus an Orleans silo of the cluster in the same host and its <c>/api/cluster</c> endpoints.</summary>
    /// <param name="model">The model this silo declares (<c>--model</c> or the default model of the settings): only silos with one run sessions of pipelines with llm nodes.</param>
    private static async Task<int> ServeClusterAsync(ServerOptions options, string redis, string? clusterId, string? model, Serilog.ILogger log, CancellationToken ct)
    {
        ClusterSettings settings;
        try
        {
            settings = new ClusterSettings
            {
                Redis = RedisAddress.Parse(redis), ClusterId = clusterId ?? ClusterSettings.DefaultClusterId,
                DataDirectory = options.DataDirectory, PipelinesDirectory = options.PipelinesDirectory, MaxRunning = options.MaxRunning,
                Model = model, NodeTypes = options.NodeTypes,
            };
        }
        catch (FormatException ex)
        {
            return Fail(ex.Message);
        }
        StackExchange.Redis.IConnectionMultiplexer connection;
        try
        {
            connection = await ClusterHosting.ConnectAsync(settings, ct);
        }
        catch (ClusterStartException ex)
        {
            return Fail(ex.Message);
        }
        await using (connection)
        {
            Console.Error.WriteLine($"orchestrator serve: listening on {options.Urls} as a silo of cluster '{settings.ClusterId}' on {settings.Redis} (pipelines from {options.PipelinesDirectory}; Ctrl-C to stop)");
            Orchestrator.Cluster.Drain.SiloSessions? sessions = null;
            // The server's API serves the cluster's sessions (ClusterSessionBackend); /api/cluster/... stays beside it.
            await ServerApp.RunAsync(options, log, ct, builder =>
            {
                sessions = ClusterServer.Configure(builder, settings, connection, log);
            }, ClusterEndpoints.Map);
            if (sessions is { HandedOver.Count: > 0 } drained)
                Console.Error.WriteLine($"orchestrator serve: stopped; {drained.HandedOver.Count} cluster session(s) checkpointed and handed over to other silos");
        }
        return ExitCodes.Success;

        static int Fail(string message)
        {
            Console.Error.WriteLine($"error: {message}");
            return ExitCodes.ClusterUnavailable;
        }
    }

    private static int Positive(int value, string option) =>
        value > 0 ? value : throw new CliUsageException($"{option} must be a positive number (got {value})");

    private static string PipelinesFolder(string? given, CliSettings settings)
    {
        if (given is not null) return Path.GetFullPath(given);
        if (settings.PipelinesDirectory is { } configured) return Path.GetFullPath(configured);
        var local = Path.Combine(Directory.GetCurrentDirectory(), "pipelines");
        return Directory.Exists(local) ? local : Path.Combine(AppContext.BaseDirectory, "pipelines");
    }
}
