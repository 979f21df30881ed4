using System.Diagnostics;
using Orchestrator.Engine.Nodes;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Serilog;

namespace Orchestrator.Engine.Dataflow;

/// <summary>
/// Runs one action of one node: waits for a global slot, applies the per-attempt timeout and the
/// retry policy (Polly), validates the result, and turns every ending, exceptions included, into an
/// <see cref="ActionOutcome"/>. It never throws: an exception escaping into a dataflow block would
/// fault the block and drop every message buffered in it, other sessions' too.
/// </summary>
internal sealed class ActionExecutor
{
    private readonly WorkflowNode _node;
    private readonly SemaphoreSlim _globalSlots;
    private readonly ResiliencePipeline _retry;
    private readonly ResiliencePipeline _timeout;
    private readonly IExecutionObserver? _observer;
    private readonly ILogger _log;
    private readonly TimeProvider _time;

    public ActionExecutor(WorkflowNode node, ExecutionPolicy policy, SemaphoreSlim globalSlots,
        IExecutionObserver? observer, ILogger log, TimeProvider time)
    {
        _node = node;
        _globalSlots = globalSlots;
        _observer = observer;
        _log = log.ForContext("Node", node.Id);
        _time = time;
        _retry = BuildRetry(policy, time, observer);
        _timeout = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddTimeout(new TimeoutStrategyOptions { Timeout = policy.Timeout })
            .Build();
    }

    public async Task<ActionOutcome> ExecuteAsync(ActionRequest request)
    {
        var execution = request.Execution;
        var ct = execution.CancellationToken;
        var startedAt = _time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        var attempts = 0;
        var log = _log.ForContext("Session", request.SessionId).ForContext("Iteration", request.Iteration);
        // The request rides in the resilience context so the retry strategy (built once per node) can say whose attempt failed.
        var retryContext = ResilienceContextPool.Shared.Get(ct);
        retryContext.Properties.Set(RequestKey, request);
        try
        {
            var result = await _retry.ExecuteAsync(async resilience =>
            {
                var retryToken = resilience.CancellationToken;
                await _globalSlots.WaitAsync(retryToken).ConfigureAwait(false);
                try
                {
                    attempts++;
                    _observer?.ActionStarted(request, attempts);
                    var context = execution.CreateContext(request, attempts, log);
                    return await _timeout.ExecuteAsync(
                        static async (state, token) =>
                        {
                            // WaitAsync: a node that ignores its token still cannot hold the engine past its timeout.
                            var result = await state.Node.RunAsync(state.Context, token).WaitAsync(token).ConfigureAwait(false);
                            var verdict = state.Node.Validate(result);
                            return verdict.IsValid ? result : throw new InvalidResultException(verdict.Error!);
                        },
                        (Node: _node, Context: context),
                        retryToken).ConfigureAwait(false);
                }
                finally
                {
                    _globalSlots.Release();
                }
            }, retryContext).ConfigureAwait(false);

            return Outcome(request, ActionStatus.Succeeded, result, null, attempts, startedAt, clock.Elapsed);
        }
        catch (Exception ex)
        {
            var (status, error) = Classify(ex, ct);
            if (status != ActionStatus.Cancelled)
                log.Warning("{Node} ended {Status} after {Attempts} attempt(s): {Error}", _node.Id, status, attempts, error.Message);
            return Outcome(request, status, null, error, attempts, startedAt, clock.Elapsed);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(retryContext);
        }
    }

    private static readonly ResiliencePropertyKey<ActionRequest> RequestKey = new("orchestrator.request");

    private static (ActionStatus, ActionError) Classify(Exception ex, CancellationToken ct) => ex switch
    {
        TimeoutRejectedException t => (ActionStatus.TimedOut, new ActionError("Timeout", $"timed out after {t.Timeout.TotalSeconds:0.###} s")),
        OperationCanceledException when ct.IsCancellationRequested => (ActionStatus.Cancelled, new ActionError("Cancelled", "the run was cancelled")),
        InvalidNodeInputException => (ActionStatus.Invalid, new ActionError("InvalidInput", ex.Message)),
        InvalidResultException => (ActionStatus.Invalid, new ActionError("InvalidResult", ex.Message)),
        _ => (ActionStatus.Failed, new ActionError(ex.GetType().Name, ex.Message)),
    };

    private static bool IsRetryable(Exception? ex) =>
        ex is not null and not InvalidNodeInputException and not InvalidResultException and not OperationCanceledException;

    private static ResiliencePipeline BuildRetry(ExecutionPolicy policy, TimeProvider time, IExecutionObserver? observer)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (policy.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = policy.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = policy.Backoff,
                MaxDelay = ExecutionPolicy.MaxBackoff,
                ShouldHandle = args => ValueTask.FromResult(IsRetryable(args.Outcome.Exception)),
                OnRetry = args =>
                {
                    if (observer is not null && args.Context.Properties.TryGetValue(RequestKey, out var request))
                    {
                        var (_, error) = Classify(args.Outcome.Exception!, args.Context.CancellationToken);
                        // AttemptNumber is the zero-based number of the attempt that failed; the next one is two more, one-based.
                        observer.ActionRetrying(request, args.AttemptNumber + 2, args.RetryDelay, error);
                    }
                    return default;
                },
            });
        }
        return builder.Build();
    }

    private ActionOutcome Outcome(ActionRequest request, ActionStatus status, NodeResult? result, ActionError? error,
        int attempts, DateTimeOffset startedAt, TimeSpan duration)
    {
        var outcome = new ActionOutcome
        {
            SessionId = request.SessionId,
            NodeId = request.NodeId,
            Iteration = request.Iteration,
            Status = status,
            Result = result,
            Error = error,
            Attempts = attempts,
            StartedAt = startedAt,
            Duration = duration,
            Execution = request.Execution,
            NodeIndex = request.NodeIndex,
        };
        _observer?.ActionCompleted(outcome);
        return outcome;
    }
}
