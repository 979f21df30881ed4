using System.Text.Json.Serialization;
using Orchestrator.Engine.Decisions;
using Orchestrator.Engine.Iteration;

namespace Orchestrator.Engine.Sessions;

/// <summary>
/// Serialization code for the details of Decision and Iteration events, generated at compile time: the session loop writes
/// them every iteration, and a cold run then neither reflects over these types nor emits accessors for them. Bound at run
/// time to <see cref="DecisionLog.Json"/>'s options.
/// </summary>
[JsonSerializable(typeof(PlanAnalytics))]
[JsonSerializable(typeof(IterationMetrics))]
internal sealed partial class DecisionLogJsonContext : JsonSerializerContext;
