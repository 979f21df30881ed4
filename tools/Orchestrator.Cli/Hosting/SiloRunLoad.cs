using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Cluster.Drain;
using Orchestrator.Cluster.Silo;
using Orchestrator.Server.Sessions;
using StackExchange.Redis;

namespace Orchestrator.Cli.Hosting;

/// <summary>
/// <c>/readyz</c> and <c>/metrics</c> on <c>serve --cluster</c>: the sessions this silo runs (its run slots taken) and
/// those it drives that wait for a slot, in place of the server's local queue, which a silo does not use. A silo takes
/// no post while it is stopping (its sessions move to the others) or while Redis cannot be reached; a post it takes is
/// placed on whichever silo has room, so a full silo is still ready.
/// </summary>
public sealed class SiloRunLoad(SiloPipelines pipelines, SiloSessions driven, IConnectionMultiplexer redis) : IRunLoad
{
    /// <summary>Registers it in the server's host, in place of the local queue's.</summary>
    public static void Register(IServiceCollection services, IConnectionMultiplexer redis) =>
        services.AddSingleton<IRunLoad>(sp => new SiloRunLoad(sp.GetRequiredService<SiloPipelines>(), sp.GetRequiredService<SiloSessions>(), redis));

    public int Running => pipelines.Running;

    // The driven sessions include the running ones; the two are read a moment apart, so never below zero.
    public int Waiting => Math.Max(0, driven.Count - pipelines.Running);

    public string? NotReadyBecause =>
        driven.Draining ? "this silo is stopping; its sessions move to the other silos"
        : !redis.IsConnected ? "Redis cannot be reached"
        : null;
}
