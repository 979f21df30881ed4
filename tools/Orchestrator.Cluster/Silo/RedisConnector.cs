using StackExchange.Redis;

namespace Orchestrator.Cluster.Silo;

/// <summary>Opens the silo's one connection to Redis, and turns "cannot reach it" into one clear message.</summary>
public static class RedisConnector
{
    /// <exception cref="ClusterStartException">Redis did not answer a PING.</exception>
    public static async Task<IConnectionMultiplexer> ConnectAsync(RedisAddress address, CancellationToken ct)
    {
        ConnectionMultiplexer? redis = null;
        try
        {
            redis = await ConnectionMultiplexer.ConnectAsync(address.ToOptions()).WaitAsync(ct).ConfigureAwait(false);
            await redis.GetDatabase().PingAsync().WaitAsync(ct).ConfigureAwait(false);
            return redis;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            if (redis is not null) await redis.DisposeAsync().ConfigureAwait(false);
            throw new ClusterStartException($"--cluster {address}: Redis cannot be reached ({FirstSentence(e.Message)})", e);
        }
    }

    // The client's message goes on with advice about its own settings, which a user of --cluster cannot act on.
    private static string FirstSentence(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        if (end >= 0) message = message[..end];
        var stop = message.IndexOf(". ", StringComparison.Ordinal);
        return stop < 0 ? message.TrimEnd('.') : message[..stop];
    }
}
