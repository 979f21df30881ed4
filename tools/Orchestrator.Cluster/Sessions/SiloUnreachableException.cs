using Orleans.Runtime;

namespace Orchestrator.Cluster.Sessions;

/// <summary>
/// A call to a session's grain failed because the silo that holds it cannot be reached: it died moments ago and the
/// cluster has not yet declared it dead (then the grain activates on a living silo). Passing: asked again a few seconds
/// later, the call succeeds.
/// </summary>
public sealed class SiloUnreachableException(string sessionId, Exception inner)
    : Exception($"session {sessionId}: the silo holding it cannot be reached ({inner.GetType().Name}); it moves to a living silo within seconds", inner)
{
    /// <summary>Seconds worth waiting before asking again: about one probe round of the tuned liveness (<c>SiloSetup.TuneLiveness</c>).</summary>
    public const int RetryAfterSeconds = 5;

    public string SessionId { get; } = sessionId;

    /// <summary>
    /// Whether a grain call's failure means its silo is unreachable. Orleans rejects a message whose target silo dropped
    /// its connection or is known to be down (<see cref="OrleansMessageRejectionException"/>, of which
    /// <see cref="SiloUnavailableException"/> is one; seen after a kill -9, within milliseconds of the call), may fail a
    /// call in flight with the connection's own failure, and answers a call that got no response in time with a
    /// <see cref="TimeoutException"/>. While the cluster's membership changes after a kill, the grain directory may also
    /// cancel the lookup that addresses a call (<see cref="OperationCanceledException"/>: the session grains' calls carry
    /// no token of their own, so a cancellation can only be that). The chain is searched: Orleans wraps some of these.
    /// </summary>
    public static bool IsUnreachable(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is OrleansMessageRejectionException or TimeoutException or Orleans.Runtime.Messaging.ConnectionFailedException
                or OperationCanceledException) return true;
            if (x is AggregateException a && a.InnerExceptions.Any(IsUnreachable)) return true;
        }
        return false;
    }
}
