using System.Text.Json.Serialization;
using Orchestrator.Engine.Decisions;
using Orchestrator.Engine.Iteration;

namespace Orchestrator.Engine.Sessions;

/// <summary>
/// Serialization code for the details of Decision and Iteration events, generated at compile time: the session loop writes
/// them every iteration, and a cold run then neither reflects over these types nor emits accessors for them (nor does a
/// native build need to). The web defaults (camelCase), as the details have always been written.
/// </summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PlanAnalytics))]
[JsonSerializable(typeof(IterationMetrics))]
internal sealed partial class DecisionLogJsonContext : JsonSerializerContext;
