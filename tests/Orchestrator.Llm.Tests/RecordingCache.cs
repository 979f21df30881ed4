using Orchestrator.Llm.Generation;

namespace Orchestrator.Llm.Tests;

/// <summary>The real file cache, counting what goes in and out, and optionally cancelling a run after N writes.</summary>
internal sealed class RecordingCache(string folder) : IGenerationCache
{
    private readonly FileGenerationCache _inner = new(folder);
    private int _puts;
    private int _hits;

    public FileGenerationCache Files => _inner;
    public int Puts => _puts;
    public int Hits => _hits;

    /// <summary>Cancelled once this many generations were written (a timeout striking mid-node).</summary>
    public (int After, CancellationTokenSource Source)? CancelAfter { get; set; }

    public async ValueTask<Generation.Generation?> TryGetAsync(string key, CancellationToken cancellationToken)
    {
        var found = await _inner.TryGetAsync(key, cancellationToken);
        if (found is not null) Interlocked.Increment(ref _hits);
        return found;
    }

    public async ValueTask PutAsync(string key, Generation.Generation generation, CancellationToken cancellationToken)
    {
        await _inner.PutAsync(key, generation, cancellationToken);
        if (Interlocked.Increment(ref _puts) == CancelAfter?.After) await CancelAfter.Value.Source.CancelAsync();
    }

    public ValueTask<PromptPlan?> TryGetPlanAsync(string key, CancellationToken cancellationToken) => _inner.TryGetPlanAsync(key, cancellationToken);

    public ValueTask PutPlanAsync(string key, PromptPlan plan, CancellationToken cancellationToken) => _inner.PutPlanAsync(key, plan, cancellationToken);
}
