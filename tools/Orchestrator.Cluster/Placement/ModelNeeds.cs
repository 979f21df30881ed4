using System.Collections.Concurrent;
using System.Text.Json;
using Orchestrator.Cluster.Silo;
using Orchestrator.Engine.Sessions;

namespace Orchestrator.Cluster.Placement;

/// <summary>
/// Which sessions need a silo with a model: those whose pipeline has an <c>llm</c> node. Placement knows a grain only by
/// its key, the session id, which begins with its pipeline's name (<see cref="SessionId.New"/>); the pipelines folder
/// is the same on every silo, so any silo can tell, for a post, a reminder's tick or a hand-off alike.
/// </summary>
public sealed class ModelNeeds(ClusterSettings settings)
{
    /// <summary>The node type that runs a model.</summary>
    public const string ModelNodeType = "llm";

    private readonly ConcurrentDictionary<string, (DateTime Written, bool Needs)> _pipelines = new(StringComparer.Ordinal);

    /// <summary>True when pipeline <paramref name="name"/> of the pipelines folder has an <c>llm</c> node.</summary>
    public bool OfPipeline(string name)
    {
        var path = Path.Combine(Path.GetFullPath(settings.PipelinesDirectory), name + ".json");
        DateTime written;
        try
        {
            written = File.GetLastWriteTimeUtc(path);
            if (!File.Exists(path)) return false;
            if (_pipelines.TryGetValue(name, out var known) && known.Written == written) return known.Needs;
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var needs = document.RootElement.TryGetProperty("nodes", out var nodes) && nodes.ValueKind == JsonValueKind.Array
                && nodes.EnumerateArray().Any(n => n.ValueKind == JsonValueKind.Object && n.TryGetProperty("type", out var type)
                    && type.ValueKind == JsonValueKind.String && type.GetString() == ModelNodeType);
            _pipelines[name] = (written, needs);
            return needs;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            // A pipeline that cannot be read fails its sessions when they compile it, wherever they run.
            return false;
        }
    }

    /// <summary>True when the pipeline session <paramref name="sessionId"/> was posted with has an <c>llm</c> node.</summary>
    public bool OfSession(string sessionId)
    {
        var end = sessionId.IndexOf('_');
        if (end <= 0) return false;
        var prefix = sessionId[..end];
        string[] files;
        try
        {
            files = Directory.GetFiles(Path.GetFullPath(settings.PipelinesDirectory), "*.json");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (IdPrefix(name) == prefix && OfPipeline(name)) return true;
        }
        return false;
    }

    /// <summary>False when pipeline <paramref name="name"/> needs a model and this silo declares none.</summary>
    public bool CanRunHere(string name) => settings.Model is not null || !OfPipeline(name);

    private static string IdPrefix(string pipeline)
    {
        var id = SessionId.New(pipeline, DateTimeOffset.UnixEpoch);
        return id[..id.IndexOf('_')];
    }
}
