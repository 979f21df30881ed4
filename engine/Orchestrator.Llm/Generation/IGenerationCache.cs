namespace Orchestrator.Llm.Generation;

/// <summary>
/// Generations by key (<see cref="GenerationKey"/>: model file hash, filled prompt, sampling options), so a rerun, a
/// batch rerun or a resume after a crash never generates the same text twice. Writes must be atomic: a reader sees
/// a whole entry or none.
/// </summary>
public interface IGenerationCache
{
    ValueTask<Generation?> TryGetAsync(string key, CancellationToken cancellationToken);

    ValueTask PutAsync(string key, Generation generation, CancellationToken cancellationToken);

    /// <summary>The plan of a whole prompt (its parts' keys), keyed by <see cref="GenerationKey.OfPlan"/>.</summary>
    ValueTask<PromptPlan?> TryGetPlanAsync(string key, CancellationToken cancellationToken);

    ValueTask PutPlanAsync(string key, PromptPlan plan, CancellationToken cancellationToken);
}
