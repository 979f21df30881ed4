using System.Text.Json;

namespace Orchestrator.Server.Events;

/// <summary>The JSON shape of live events (camelCase, as the API's bodies).</summary>
internal static class EventJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
