namespace Orchestrator.Server;

/// <summary>What <c>orchestrator serve</c> was started with. Each default is stated here, once.</summary>
public sealed record ServerOptions
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Where Kestrel listens (semicolon-separated). Loopback by default.</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>The data folder: sessions under <c>sessions/</c>, uploads and the server's queue under <c>server/</c>.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The only folder pipelines (and their rules) are taken from; uploaded pipelines are validated, never run.</summary>
    public required string PipelinesDirectory { get; init; }

    /// <summary>The pipeline a post without <c>pipeline</c> runs.</summary>
    public string DefaultPipeline { get; init; } = "novel";

    /// <summary>Sessions running at once; the rest wait in order.</summary>
    public int MaxRunning { get; init; } = 2;

    /// <summary>Sessions waiting; past this a post gets 429 with Retry-After.</summary>
    public int MaxQueued { get; init; } = 100;

    /// <summary>The largest upload accepted (413 past it).</summary>
    public long MaxUploadBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>The bearer key every /api path needs; null: no key (allowed on loopback only).</summary>
    public string? ApiKey { get; init; }

    /// <summary>Requests per client per minute on /api (the ASP.NET Core rate limiter; 429 past it).</summary>
    public int RequestsPerMinute { get; init; } = 600;

    /// <summary>
    /// The node types a pipeline file is loaded and run with, given its path and, once loaded, its definition (null
    /// while it is being loaded); null: the novel node types. A host adds its own here (the CLI: <c>llm</c> with
    /// <c>--model</c>, and the reference library of <c>--library</c> or of the pipeline's <c>library</c> setting).
    /// </summary>
    public Func<string, Engine.Pipelines.PipelineDefinition?, Engine.Nodes.NodeRegistry>? NodeTypes { get; init; }

    /// <summary>How often an events stream sends a keep-alive comment.</summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(15);
}
