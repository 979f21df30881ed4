namespace Orchestrator.Server.Sessions;

/// <summary>A page of sessions; <see cref="Next"/> is the <c>after</c> for the next page (null on the last).</summary>
public sealed record SessionPage(IReadOnlyList<SessionView> Items, string? Next);
