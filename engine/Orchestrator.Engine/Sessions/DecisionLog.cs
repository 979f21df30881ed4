using System.Text.Json;
using Orchestrator.Engine.Decisions;
using Orchestrator.Engine.State;

namespace Orchestrator.Engine.Sessions;

/// <summary>
/// The plans of a session over every process that drove it, as its event log holds them: what a resumed session's
/// report lists with the plans of its own process (see <see cref="SessionRun.EarlierDecisions"/>).
/// </summary>
/// <remarks>
/// A process cut before it dispatched an iteration it had planned leaves that plan in the log, and the next process plans
/// the same iteration again: the later plan supersedes the earlier ones from that iteration on, so the list holds what an
/// uninterrupted run would have planned, once.
/// </remarks>
public static class DecisionLog
{
    /// <summary>The plans in <paramref name="events"/> (one session's log, in order); details that do not decode are skipped.</summary>
    public static IReadOnlyList<PlanAnalytics> Read(IEnumerable<SessionEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var plans = new List<PlanAnalytics>();
        var newProcess = false;
        foreach (var e in events)
        {
            if (e.Kind is SessionEventKind.Started or SessionEventKind.Resume) newProcess = true;
            // Escalations and "finishing iteration N" are Decision events too; a plan has neither node nor status.
            if (e is not { Kind: SessionEventKind.Decision, Node: null, Status: null, Details: { } details }) continue;
            if (Decode(details) is not { } plan) continue;
            if (newProcess) Supersede(plans, plan.Iteration);
            newProcess = false;
            plans.Add(plan);
        }
        return plans;
    }

    /// <summary><paramref name="earlier"/> processes' plans followed by <paramref name="own"/>, the later superseding the earlier from its first iteration on.</summary>
    public static IReadOnlyList<PlanAnalytics> Merge(IReadOnlyList<PlanAnalytics> earlier, IReadOnlyList<PlanAnalytics> own)
    {
        if (earlier.Count == 0) return own.ToArray();
        var merged = earlier.ToList();
        if (own.Count > 0) Supersede(merged, own[0].Iteration);
        merged.AddRange(own);
        return merged;
    }

    private static void Supersede(List<PlanAnalytics> plans, int fromIteration) => plans.RemoveAll(p => p.Iteration >= fromIteration);

    private static PlanAnalytics? Decode(string details)
    {
        try
        {
            return JsonSerializer.Deserialize(details, DecisionLogJsonContext.Default.PlanAnalytics);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
