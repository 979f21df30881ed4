namespace Orchestrator.Llm.Generation;

/// <summary>
/// How one chapter's (or the book's) prompt was cut to fit the context: the cache keys of its parts' generations,
/// in order. Cached beside the generations so a run that finds everything cached needs neither the model's
/// tokenizer nor its weights: nothing is loaded.
/// </summary>
public sealed record PromptPlan(IReadOnlyList<string> PartKeys);
