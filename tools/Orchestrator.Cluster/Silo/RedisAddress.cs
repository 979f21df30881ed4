using StackExchange.Redis;

namespace Orchestrator.Cluster.Silo;

/// <summary>The <c>--cluster</c> value: <c>redis://HOST:PORT[,HOST:PORT...]</c>, the Redis endpoints (a primary and its replicas).</summary>
public sealed record RedisAddress(IReadOnlyList<(string Host, int Port)> Endpoints)
{
    public const string Scheme = "redis://";
    public const int DefaultPort = 6379;

    /// <exception cref="FormatException">The value is not <c>redis://HOST:PORT[,more]</c>; the message says what is wrong.</exception>
    public static RedisAddress Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
            throw new FormatException($"--cluster '{value}': expected redis://HOST:PORT[,HOST:PORT...]");
        var endpoints = new List<(string, int)>();
        foreach (var part in value[Scheme.Length..].Split(',', StringSplitOptions.TrimEntries))
        {
            var item = part.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? part[Scheme.Length..] : part;
            var colon = item.LastIndexOf(':');
            var host = colon < 0 ? item : item[..colon];
            var port = DefaultPort;
            if (host.Length == 0 || (colon >= 0 && (!int.TryParse(item[(colon + 1)..], out port) || port is < 1 or > 65535)))
                throw new FormatException($"--cluster '{value}': '{part}' is not HOST:PORT");
            endpoints.Add((host, port));
        }
        return new RedisAddress(endpoints);
    }

    /// <summary>
    /// The client's options: short timeouts, and a first connection that fails at once, so an unreachable Redis is said at
    /// start rather than after a minute (once connected, the client reconnects by itself).
    /// </summary>
    public ConfigurationOptions ToOptions()
    {
        var options = new ConfigurationOptions
        {
            AbortOnConnectFail = true, ConnectTimeout = 3000, SyncTimeout = 5000, AsyncTimeout = 5000, ConnectRetry = 2,
        };
        foreach (var (host, port) in Endpoints) options.EndPoints.Add(host, port);
        return options;
    }

    public override string ToString() => Scheme + string.Join(',', Endpoints.Select(e => $"{e.Host}:{e.Port}"));
}
