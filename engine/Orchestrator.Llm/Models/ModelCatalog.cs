using Microsoft.Extensions.Configuration;

namespace Orchestrator.Llm.Models;

/// <summary>
/// The models a process may use: those named in configuration (<c>llm:models:&lt;name&gt;:path</c>, <c>contextSize</c>,
/// <c>threads</c>, <c>batchSize</c>, <c>seed</c>; <c>llm:defaultModel</c> names the default) and a <c>--model PATH</c>
/// override, which replaces the default model. A node without a <c>model</c> option uses the default.
/// </summary>
public sealed class ModelCatalog
{
    /// <summary>The name a <c>--model PATH</c> override, and a lone configured model, answer to when none is given.</summary>
    public const string DefaultName = "default";

    private readonly Dictionary<string, ModelSettings> _models;
    private readonly string? _defaultName;

    public ModelCatalog(IEnumerable<ModelSettings> models, string? defaultName = null)
    {
        _models = models.ToDictionary(m => m.Name, StringComparer.OrdinalIgnoreCase);
        _defaultName = defaultName ?? (_models.Count == 1 ? _models.Keys.First() : _models.ContainsKey(DefaultName) ? DefaultName : null);
    }

    public IReadOnlyCollection<ModelSettings> Models => _models.Values;

    /// <summary>True when a node naming no model has one (a <c>--model</c>, <c>llm:defaultModel</c>, or a lone model).</summary>
    public bool HasDefault => _defaultName is not null;

    /// <summary>Reads <c>llm:models</c> and <c>llm:defaultModel</c>; relative paths are taken from <paramref name="baseDirectory"/>.</summary>
    /// <param name="modelOverride">A <c>--model PATH</c>: it becomes the default model, with the default model's other settings.</param>
    public static ModelCatalog From(IConfiguration configuration, string baseDirectory, string? modelOverride = null)
    {
        var models = new List<ModelSettings>();
        foreach (var section in configuration.GetSection("llm:models").GetChildren())
        {
            var path = section["path"] ?? throw new ModelFileException($"llm:models:{section.Key}", "has no 'path' setting");
            models.Add(new ModelSettings
            {
                Name = section.Key,
                Path = System.IO.Path.GetFullPath(path, baseDirectory),
                ContextSize = ReadInt(section, "contextSize", ModelSettings.DefaultContextSize, 16),
                Threads = section["threads"] is null ? null : ReadInt(section, "threads", 1, 1),
                BatchSize = ReadInt(section, "batchSize", ModelSettings.DefaultBatchSize, 1),
                Seed = (uint)ReadInt(section, "seed", 0, 0),
            });
        }
        var defaultName = configuration["llm:defaultModel"];
        if (defaultName is not null && !models.Any(m => m.Name.Equals(defaultName, StringComparison.OrdinalIgnoreCase)) && modelOverride is null)
            throw new ModelFileException($"llm:defaultModel", $"names '{defaultName}', which is not under llm:models");
        var catalog = new ModelCatalog(models, defaultName);
        return modelOverride is null ? catalog : catalog.WithDefaultPath(System.IO.Path.GetFullPath(modelOverride));
    }

    /// <summary>A catalog whose default model is the file at <paramref name="path"/> (what <c>--model</c> does).</summary>
    public ModelCatalog WithDefaultPath(string path)
    {
        var template = _defaultName is not null ? _models[_defaultName] : null;
        var name = _defaultName ?? DefaultName;
        var replaced = template is null
            ? new ModelSettings { Name = name, Path = path }
            : template with { Path = path };
        var models = _models.Values.Where(m => !m.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Append(replaced);
        return new ModelCatalog(models, name);
    }

    /// <summary>The settings of the model a node names (null: the default).</summary>
    /// <exception cref="ModelFileException">No such model, or no default when none is named.</exception>
    public ModelSettings Resolve(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            if (_defaultName is null)
                throw new ModelFileException("(no model)",
                    "no model is configured: pass --model PATH to a GGUF file, or name one under llm:models in orchestrator.json");
            return _models[_defaultName];
        }
        return _models.TryGetValue(name, out var model)
            ? model
            : throw new ModelFileException(name, $"is not a model named under llm:models (known: {(_models.Count == 0 ? "none" : string.Join(", ", _models.Keys.Order()))})");
    }

    private static int ReadInt(IConfigurationSection section, string key, int fallback, int min)
    {
        var text = section[key];
        if (text is null) return fallback;
        return int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min
            ? value
            : throw new ModelFileException($"llm:models:{section.Key}", $"setting '{key}' must be an integer >= {min} (got '{text}')");
    }
}
