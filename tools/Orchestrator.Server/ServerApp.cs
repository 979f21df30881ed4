using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using Orchestrator.Server.Batches;
using Orchestrator.Server.Events;
using Orchestrator.Server.Health;
using Orchestrator.Server.Page;
using Orchestrator.Server.Pipelines;
using Orchestrator.Server.Security;
using Orchestrator.Server.Sessions;
using Orchestrator.Server.Telemetry;
using Serilog;

namespace Orchestrator.Server;

/// <summary>Builds and runs the server: services, middleware (errors as problem+json, API key, rate limits) and endpoints.</summary>
public static class ServerApp
{
    public const string RateLimitPolicy = "per-client";

    /// <summary>
    /// Checks the options and builds the app; <paramref name="configure"/> lets tests swap the server (TestServer) and
    /// lets an add-on join the host (the cluster's silo), <paramref name="mapApi"/> adds its endpoints to the API group
    /// (behind the API key and rate limits).
    /// </summary>
    /// <exception cref="ServerStartException">A non-loopback bind without a key, or a missing pipelines folder.</exception>
    public static WebApplication Build(ServerOptions options, Serilog.ILogger log, Action<WebApplicationBuilder>? configure = null,
        Action<IEndpointRouteBuilder>? mapApi = null)
    {
        BindGuard.Check(options.Urls, options.ApiKey);
        if (!Directory.Exists(options.PipelinesDirectory))
            throw new ServerStartException($"--pipelines {options.PipelinesDirectory}: folder not found");
        if (options.MaxRunning < 1) throw new ServerStartException($"--max-running must be at least 1 (got {options.MaxRunning})");
        if (options.MaxQueued < 0) throw new ServerStartException($"--max-queued must be 0 or more (got {options.MaxQueued})");

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxUploadBytes + 1024 * 1024);
        builder.Services.AddSerilog(log, dispose: false);
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(30));

        var queue = new RunQueue(options.MaxRunning, options.MaxQueued);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(log);
        builder.Services.AddSingleton(queue);
        // What /readyz and /metrics report: this queue unless an add-on (configure, below) registers its own after.
        builder.Services.AddSingleton<IRunLoad>(queue);
        builder.Services.AddSingleton<ServerMetrics>();
        builder.Services.AddSingleton(sp => new SubmissionStore(options.DataDirectory, log));
        builder.Services.AddSingleton(sp => new BatchStore(options.DataDirectory, log));
        builder.Services.AddSingleton<BatchViews>();
        builder.Services.AddSingleton(sp => new PipelineCatalog(options, sp.GetRequiredService<ServerMetrics>(), log));
        builder.Services.AddSingleton<SessionRunner>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SessionRunner>());
        builder.Services.AddSingleton<SessionViews>();
        // The sessions the API serves: this server's own unless an add-on (configure, below) registers its own after.
        builder.Services.AddSingleton<LocalSessionBackend>();
        builder.Services.AddSingleton<ISessionBackend>(sp => sp.GetRequiredService<LocalSessionBackend>());

        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter(ServerMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddPrometheusExporter());
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await Results.Problem(statusCode: 429, title: "Too many requests",
                    detail: $"more than {options.RequestsPerMinute} requests a minute from this client").ExecuteAsync(context.HttpContext);
            };
            limiter.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.RequestsPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        if (options.ApiKey is { } key)
            app.Use(next => ApiKeyMiddleware.For(next, key)!.InvokeAsync);
        app.UseRateLimiter();

        var api = app.MapGroup("").RequireRateLimiting(RateLimitPolicy);
        SessionEndpoints.Map(api);
        EventsEndpoint.Map(api);
        PipelineEndpoints.Map(api);
        BatchEndpoints.Map(api);
        mapApi?.Invoke(api);
        HealthEndpoints.Map(app);
        StatusPage.Map(app);
        app.MapOpenApi();
        app.MapPrometheusScrapingEndpoint();
        return app;
    }

    /// <summary>Runs until <paramref name="ct"/> is cancelled (Ctrl-C, SIGTERM): then stops taking posts, lets running sessions checkpoint, and returns.</summary>
    public static async Task RunAsync(ServerOptions options, Serilog.ILogger log, CancellationToken ct,
        Action<WebApplicationBuilder>? configure = null, Action<IEndpointRouteBuilder>? mapApi = null)
    {
        await using var app = Build(options, log, configure, mapApi);
        await app.StartAsync(ct);
        log.Information("Serving on {Urls}; data in {Data}; pipelines from {Pipelines}", options.Urls, options.DataDirectory, options.PipelinesDirectory);
        try
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The stop signal: fall through to a graceful stop.
        }
        await app.StopAsync(CancellationToken.None);
    }
}
