using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Manuscripts.Requirements;

/// <summary>
/// The JSON form of <see cref="ManuscriptRequirements"/> kept in a session's state (and in a cluster's order): the web
/// defaults, camelCase. Its serialization code is generated at compile time, so a cold run neither reflects over the type
/// nor emits accessors for it.
/// </summary>
public static class ManuscriptRequirementsJson
{
    public static string Serialize(ManuscriptRequirements requirements) =>
        JsonSerializer.Serialize(requirements, ManuscriptRequirementsJsonContext.Default.ManuscriptRequirements);

    /// <summary>The requirements in <paramref name="json"/>; <see cref="ManuscriptRequirements.None"/> for a JSON null.</summary>
    /// <exception cref="JsonException">The text is not JSON of requirements.</exception>
    public static ManuscriptRequirements Deserialize(string json)
    {
        var read = JsonSerializer.Deserialize(json, ManuscriptRequirementsJsonContext.Default.ManuscriptRequirements);
        if (read is null) return ManuscriptRequirements.None;
        // Generated code sets every init-only property, so one the text leaves out ("{}", as a cluster's order holds when
        // the poster gave none) comes back null instead of keeping the record's default.
        return read.Themes is null ? read with { Themes = ManuscriptRequirements.None.Themes } : read;
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ManuscriptRequirements))]
internal sealed partial class ManuscriptRequirementsJsonContext : JsonSerializerContext;
