namespace Orchestrator.Cluster.Store;

/// <summary>
/// Redis could not be reached during a grain call (<see cref="RedisOutage.Caused"/>): what a grain answers instead of
/// the client's own exception, which Orleans has no codec for and so cannot carry to a caller on another silo (that
/// caller would get a CodecNotFoundException, a 500, instead of a pause).
/// </summary>
[GenerateSerializer, Alias("orchestrator.redis-unreachable")]
public sealed class RedisUnreachableException : Exception
{
    public RedisUnreachableException(string message) : base(message)
    {
    }

    public RedisUnreachableException(string message, Exception inner) : base(message, inner)
    {
    }
}
