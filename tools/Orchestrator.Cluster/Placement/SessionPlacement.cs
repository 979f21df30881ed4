using Orleans.Placement;
using Orleans.Runtime;

namespace Orchestrator.Cluster.Placement;

/// <summary>
/// The placement of session grains: on the active silo with the most free run slots for the session (see
/// <see cref="SessionPlacementDirector"/>), rather than on the silo that took the post.
/// </summary>
public sealed class SessionPlacement : PlacementStrategy;

/// <summary>Places a grain class by <see cref="SessionPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SessionPlacementAttribute() : PlacementAttribute(new SessionPlacement());
