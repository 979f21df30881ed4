using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using Json.Schema.Keywords;

namespace Orchestrator.Engine.Pipelines;

/// <summary>
/// The schema's <c>pattern</c> keyword with interpreted regular expressions. JsonSchema.Net compiles each pattern to IL
/// (<see cref="RegexOptions.Compiled"/>), which a cold process pays for in Reflection.Emit and a fully optimising JIT for
/// every pattern of the schema, about a tenth of a cold <c>run</c>, to match a handful of short names once.
/// </summary>
internal sealed class InterpretedPatternKeyword : PatternKeyword
{
    /// <summary>The schema's draft (its <c>$schema</c>) with this <c>pattern</c>.</summary>
    public static Dialect Draft202012 { get; } = Dialect.Draft202012.Without([Instance]).With([new InterpretedPatternKeyword()]);

    public override object? ValidateKeywordValue(JsonElement value) =>
        value.ValueKind is JsonValueKind.String
            ? new Regex(value.GetString()!, RegexOptions.ECMAScript)
            : base.ValidateKeywordValue(value);
}
