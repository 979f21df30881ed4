using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Orchestrator.Manuscripts.Genres;
using Orchestrator.Manuscripts.Requirements;
using Orchestrator.Server.Pipelines;
using Orchestrator.Server.Uploads;

namespace Orchestrator.Server.Sessions;

/// <summary>
/// The fields of a post besides the manuscript — <c>pipeline</c>, <c>genre</c>, <c>targetLength</c>, <c>themes</c> —
/// read from the form or the query string and checked, and the key that identifies "the same work".
/// </summary>
public sealed record SessionRequest(string Pipeline, ManuscriptRequirements Requirements)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <exception cref="UploadException">An unknown pipeline or genre, or a target length that is not a positive number (400).</exception>
    public static SessionRequest Read(HttpRequest request, IFormCollection? form, PipelineCatalog catalog, string defaultPipeline)
    {
        string? Field(string name)
        {
            var value = form is not null && form.TryGetValue(name, out var f) ? f.ToString() : request.Query[name].ToString();
            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }

        var pipeline = Field("pipeline") ?? defaultPipeline;
        if (catalog.PathOf(pipeline) is null)
            throw Bad($"unknown pipeline '{pipeline}' (the server's pipelines: {string.Join(", ", catalog.Names())})");
        var genre = Field("genre");
        if (genre is not null && !GenreNorms.TryGet(genre, out _))
            throw Bad($"unknown genre '{genre}' (known: {string.Join(", ", GenreNorms.Known)})");
        int? target = null;
        if (Field("targetLength") is { } text)
        {
            if (!int.TryParse(text, out var words) || words <= 0)
                throw Bad($"targetLength must be a positive number of words (got '{text}')");
            target = words;
        }
        var themes = Field("themes")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        return new SessionRequest(pipeline, new ManuscriptRequirements { Genre = genre, TargetLength = target, Themes = themes });
    }

    /// <summary>
    /// Content, pipeline and requirements in one key. The pipeline is hashed as its sessions are keyed: its file, its
    /// rules and what its nodes read besides the manuscript (a reference library's version, a model's hash), so a
    /// finished session is reused only while those are unchanged.
    /// </summary>
    public string ContentKey(string contentHash, PipelineCatalog catalog)
    {
        var pipelineHash = catalog.SessionKeyHash(Pipeline);
        var requirements = JsonSerializer.Serialize(Requirements, Json);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{contentHash}\n{Pipeline}\n{pipelineHash}\n{requirements}")));
    }

    private static UploadException Bad(string message) => new(StatusCodes.Status400BadRequest, message);
}
