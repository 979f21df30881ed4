using System.Net;

namespace Orchestrator.Cluster.Silo;

/// <summary>What a silo of <c>orchestrator serve --cluster</c> is started with. Each default is stated here, once.</summary>
public sealed record ClusterSettings
{
    public const string DefaultClusterId = "orchestrator";

    /// <summary>Where Redis is (membership, grain state, reminders and the sessions).</summary>
    public required RedisAddress Redis { get; init; }

    /// <summary>Silos with the same id form one cluster; several clusters may share one Redis.</summary>
    public string ClusterId { get; init; } = DefaultClusterId;

    /// <summary>The data folder of this silo: pipelines' rules cache and the local copies of the manuscripts it runs.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The only folder pipelines (and their rules) are taken from.</summary>
    public required string PipelinesDirectory { get; init; }

    /// <summary>Sessions this silo runs at once; the others it is given wait for a slot.</summary>
    public int MaxRunning { get; init; } = 2;

    /// <summary>The address other silos reach this one at. Loopback by default: every silo on this machine.</summary>
    public IPAddress AdvertisedAddress { get; init; } = IPAddress.Loopback;

    /// <summary>Silo-to-silo port; 0: a free port picked at start (several silos on one machine need no flags).</summary>
    public int SiloPort { get; init; }

    /// <summary>How often a session's reminder looks whether its session still runs somewhere; a dead silo's sessions resume within it.</summary>
    public TimeSpan ResumeCheckEvery { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The model this silo declares (<c>serve --model</c>, or the default model of its settings); null: none. Sessions whose
    /// pipeline has an <c>llm</c> node are placed only on silos that declare one (<see cref="Placement.SessionPlacementDirector"/>).
    /// </summary>
    public string? Model { get; init; }

    /// <summary>
    /// The node types a pipeline file is compiled with (the server's, with <c>llm</c> and the reference library): called
    /// first without a definition (to load the file), then with it. Null: the novel node types only.
    /// </summary>
    public Func<string, Engine.Pipelines.PipelineDefinition?, Engine.Nodes.NodeRegistry>? NodeTypes { get; init; }

    /// <summary>How often this silo publishes its load (and reads the others') for placement.</summary>
    public TimeSpan LoadPublishEvery { get; init; } = TimeSpan.FromSeconds(1);
}
