using System.Globalization;
using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Engine.Nodes;

/// <summary>
/// How a node turns its <see cref="NodeOptions"/> into typed options. A wrong value is an input the node cannot run
/// with, so every problem — a value of the wrong JSON kind (<see cref="NodeOptions"/> throws
/// <see cref="InvalidOperationException"/>) or one out of range (<see cref="Require"/>) — ends as
/// <see cref="InvalidNodeInputException"/>, which is never retried.
/// </summary>
public static class NodeOptionsReader
{
    /// <summary><paramref name="defaults"/> when the node has no options; otherwise what <paramref name="read"/> makes of them.</summary>
    public static T Read<T>(NodeOptions options, T defaults, Func<T> read)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(read);
        if (options.IsEmpty) return defaults;
        try
        {
            return read();
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidNodeInputException(e.Message);
        }
    }

    /// <summary>Refuses option <paramref name="name"/> unless <paramref name="ok"/> (NaN is never ok).</summary>
    public static void Require(bool ok, string name, string expected, double actual)
    {
        if (!ok || double.IsNaN(actual))
            throw new InvalidNodeInputException(
                $"option '{name}' must be {expected} (got {actual.ToString(CultureInfo.InvariantCulture)})");
    }
}
