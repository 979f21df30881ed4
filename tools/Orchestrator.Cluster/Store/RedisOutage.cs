using Orleans.Persistence.Redis;
using Orleans.Reminders.Redis;
using StackExchange.Redis;

namespace Orchestrator.Cluster.Store;

/// <summary>
/// Tells "Redis cannot be reached now" (a restart, a network cut, a server still loading its data) from a fault of the
/// session itself, also when the client's error comes wrapped: the engine's "state could not be saved", Orleans'
/// storage errors. A session hit by an outage pauses and goes on from its last saved state once Redis answers.
/// </summary>
public static class RedisOutage
{
    /// <summary>How often a paused session asks whether Redis answers again.</summary>
    public static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(1);

    public static bool Caused(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is RedisConnectionException or RedisTimeoutException or RedisUnreachableException) return true;
            // Orleans' Redis grain storage and reminder table keep the client's error only as words in their own message
            // ("Failed to read grain state ... StackExchange.Redis.RedisConnectionException: Failed to write"), with no
            // inner exception.
            if (x is RedisStorageException or RedisRemindersException && ClientWords(x.Message) is not null) return true;
            // Right after a restart Redis answers LOADING until its data is back in memory.
            if (x is RedisServerException s && s.Message.StartsWith("LOADING", StringComparison.Ordinal)) return true;
            if (x is AggregateException a && a.InnerExceptions.Any(Caused)) return true;
        }
        return false;
    }

    /// <summary>The client's own words, first sentence only: the rest is advice about its settings.</summary>
    public static string Describe(Exception e)
    {
        var inner = e;
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x is RedisException or TimeoutException or RedisStorageException or RedisRemindersException or RedisUnreachableException) inner = x;
        var message = inner is RedisStorageException or RedisRemindersException ? ClientWords(inner.Message) ?? inner.Message : inner.Message;
        var end = message.IndexOfAny(['\r', '\n']);
        if (end >= 0) message = message[..end];
        var stop = message.IndexOf(". ", StringComparison.Ordinal);
        return stop < 0 ? message.TrimEnd('.') : message[..stop];
    }

    /// <summary>What follows the client's connection or timeout exception's name in a storage message; null when neither is named.</summary>
    private static string? ClientWords(string message)
    {
        foreach (var name in (ReadOnlySpan<string>)[typeof(RedisConnectionException).FullName!, typeof(RedisTimeoutException).FullName!])
        {
            var at = message.IndexOf(name + ": ", StringComparison.Ordinal);
            if (at >= 0) return message[(at + name.Length + 2)..];
        }
        return null;
    }

    /// <summary>Waits until Redis answers a PING; returns at once when it does.</summary>
    public static async Task WaitUntilReachableAsync(IDatabase redis, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                await redis.PingAsync().WaitAsync(ct).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (Caused(e) || e is RedisException)
            {
                await Task.Delay(PollEvery, ct).ConfigureAwait(false);
            }
        }
    }
}
