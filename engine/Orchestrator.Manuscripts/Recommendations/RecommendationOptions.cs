using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Manuscripts.Recommendations;

/// <summary>Options of the <c>recommendations</c> node.</summary>
/// <param name="Top">How many ranked recommendations to keep (default 25).</param>
/// <param name="TopStrengths">How many strengths to keep (default 8).</param>
/// <param name="Examples">How many of a rule's worst findings a grouped recommendation locates (default 5).</param>
public sealed record RecommendationOptions(int Top = 25, int TopStrengths = 8, int Examples = 5)
{
    public static readonly RecommendationOptions Default = new();

    public static RecommendationOptions From(NodeOptions options) => NodeOptionsReader.Read(options, Default, () =>
    {
        var result = new RecommendationOptions(options.GetInt("top", Default.Top), options.GetInt("topStrengths", Default.TopStrengths),
            options.GetInt("examples", Default.Examples));
        if (result.Top < 1 || result.TopStrengths < 0)
            throw new InvalidNodeInputException("options 'top' must be at least 1 and 'topStrengths' at least 0");
        NodeOptionsReader.Require(result.Examples >= 1, "examples", "at least 1", result.Examples);
        return result;
    });
}
