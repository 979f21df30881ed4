using LLama;
using LLama.Abstractions;
using System.Collections.Concurrent;

namespace Orchestrator.Llm.Llama;

/// <summary>
/// The contexts of one loaded model: created on demand up to a capacity, reused between generations (their memory is
/// cleared on return), and never more than <see cref="Capacity"/> at once, so N concurrent chapters share N contexts
/// of one set of weights. The capacity grows to the largest parallelism asked for, bounded by what memory allows.
/// </summary>
internal sealed class LlamaContextPool(LLamaWeights weights, IContextParams parameters, int memoryLimit) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(0, int.MaxValue);
    private readonly ConcurrentBag<LLamaContext> _idle = [];
    private readonly Lock _gate = new();
    private int _capacity;
    private int _inUse;
    private int _peak;
    private int _created;

    public int Capacity => _capacity;

    /// <summary>Most contexts in use at the same time since the model loaded.</summary>
    public int PeakInUse => Volatile.Read(ref _peak);

    /// <summary>Contexts created (each costs a KV cache).</summary>
    public int Created => Volatile.Read(ref _created);

    /// <summary>Raises the capacity to <paramref name="wanted"/>, never past what memory allows.</summary>
    public void EnsureCapacity(int wanted)
    {
        lock (_gate)
        {
            var target = Math.Clamp(wanted, 1, memoryLimit);
            if (target <= _capacity) return;
            _slots.Release(target - _capacity);
            _capacity = target;
        }
    }

    public async Task<Lease> RentAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        var inUse = Interlocked.Increment(ref _inUse);
        InterlockedMax(ref _peak, inUse);
        try
        {
            if (!_idle.TryTake(out var context))
            {
                context = weights.CreateContext(parameters);
                Interlocked.Increment(ref _created);
            }
            return new Lease(this, context);
        }
        catch
        {
            Interlocked.Decrement(ref _inUse);
            _slots.Release();
            throw;
        }
    }

    private void Return(LLamaContext context)
    {
        context.NativeHandle.MemoryClear();
        _idle.Add(context);
        Interlocked.Decrement(ref _inUse);
        _slots.Release();
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var context)) context.Dispose();
        _slots.Dispose();
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current) return;
            current = seen;
        }
    }

    /// <summary>One rented context; disposing clears it and gives it back.</summary>
    public sealed class Lease(LlamaContextPool pool, LLamaContext context) : IDisposable
    {
        private int _returned;
        public LLamaContext Context { get; } = context;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _returned, 1) == 0) pool.Return(Context);
        }
    }
}
