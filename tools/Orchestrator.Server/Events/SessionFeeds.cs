using System.Collections.Concurrent;
using System.Threading.Channels;
using Orchestrator.Engine.Dataflow;

namespace Orchestrator.Server.Events;

/// <summary>
/// Wakes the event streams of a session when something happened to it, and hands them the live-only events
/// (a node started). It is the engine's execution observer for every pipeline the server runs. Each stream has
/// a bounded buffer that drops its oldest live event when full, so a slow client never slows a session; the
/// durable events are re-read from events.jsonl, so none of those is ever lost.
/// </summary>
/// <remarks>
/// An adapter over today's engine (one observer per network, events.jsonl written behind the session loop):
/// the per-session typed event stream of the engine seams issue replaces it without changing the endpoint.
/// </remarks>
public sealed class SessionFeeds : IExecutionObserver
{
    public const int BufferSize = 256;

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Subscription, byte>> _subscribers = new(StringComparer.Ordinal);

    public Subscription Subscribe(string sessionId)
    {
        var subscription = new Subscription(this, sessionId);
        _subscribers.GetOrAdd(sessionId, _ => new ConcurrentDictionary<Subscription, byte>())[subscription] = 0;
        return subscription;
    }

    public int SubscriberCount(string sessionId) => _subscribers.TryGetValue(sessionId, out var set) ? set.Count : 0;

    /// <summary>Wakes the streams of <paramref name="sessionId"/> (it was queued, started, stopped).</summary>
    public void Pulse(string sessionId)
    {
        if (!_subscribers.TryGetValue(sessionId, out var set)) return;
        foreach (var subscriber in set.Keys) subscriber.Wake();
    }

    void IExecutionObserver.ActionStarted(ActionRequest request, int attempt)
    {
        if (!_subscribers.TryGetValue(request.SessionId, out var set)) return;
        var e = new LiveEvent("node-started", request.SessionId, request.NodeId, request.Iteration, attempt, DateTimeOffset.UtcNow);
        foreach (var subscriber in set.Keys) subscriber.Write(e);
    }

    void IExecutionObserver.ActionCompleted(ActionOutcome outcome) => Pulse(outcome.SessionId);

    private void Unsubscribe(Subscription subscription)
    {
        if (_subscribers.TryGetValue(subscription.SessionId, out var set))
        {
            set.TryRemove(subscription, out _);
            if (set.IsEmpty) _subscribers.TryRemove(new KeyValuePair<string, ConcurrentDictionary<Subscription, byte>>(subscription.SessionId, set));
        }
    }

    /// <summary>One stream's buffer and wake-up signal.</summary>
    public sealed class Subscription(SessionFeeds feeds, string sessionId) : IDisposable
    {
        private readonly Channel<LiveEvent> _live = Channel.CreateBounded<LiveEvent>(
            new BoundedChannelOptions(BufferSize) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string SessionId { get; } = sessionId;

        /// <summary>Completes when something happened to the session since the last call.</summary>
        public Task WaitAsync(TimeSpan timeout, CancellationToken ct)
        {
            var wake = Volatile.Read(ref _wake);
            return wake.Task.WaitAsync(timeout, ct).ContinueWith(_ =>
            {
                Interlocked.CompareExchange(ref _wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), wake);
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        public bool TryRead(out LiveEvent e) => _live.Reader.TryRead(out e!);

        internal void Write(LiveEvent e)
        {
            _live.Writer.TryWrite(e);
            Wake();
        }

        internal void Wake() => Volatile.Read(ref _wake).TrySetResult();

        public void Dispose() => feeds.Unsubscribe(this);
    }
}
