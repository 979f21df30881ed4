using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Manuscripts.Recommendations;

/// <summary>Options of the <c>recommendations</c> node.</summary>
/// <param name="Top">How many ranked recommendations to keep (default 25).</param>
/// <param name="TopStrengths">How many strengths to keep (default 8).</param>
public sealed record RecommendationOptions(int Top = 25, int TopStrengths = 8)
{
    public static readonly RecommendationOptions Default = new();

    public static RecommendationOptions From(NodeOptions options) => NodeOptionsReader.Read(options, Default, () =>
    {
        var result = new RecommendationOptions(options.GetInt("top", Default.Top), options.GetInt("topStrengths", Default.TopStrengths));
        if (result.Top < 1 || result.TopStrengths < 0)
            throw new InvalidNodeInputException("options 'top' must be at least 1 and 'topStrengths' at least 0");
        return result;
    });
}
