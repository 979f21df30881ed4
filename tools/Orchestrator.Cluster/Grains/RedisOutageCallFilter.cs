using Orchestrator.Cluster.Store;

namespace Orchestrator.Cluster.Grains;

/// <summary>
/// Turns a Redis outage that escapes a session grain's method into a <see cref="RedisUnreachableException"/>, which
/// Orleans can send back to a caller on any silo; other exceptions pass as they are.
/// </summary>
internal sealed class RedisOutageCallFilter : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception e) when (context.Grain is SessionGrain && e is not RedisUnreachableException && RedisOutage.Caused(e))
        {
            throw new RedisUnreachableException(RedisOutage.Describe(e));
        }
    }
}
