using System.Diagnostics;
using Orchestrator.Engine.Scripting;

namespace Orchestrator.Engine.Tests.Scripting;

/// <summary>
/// The shapes of rule that used to crash or hang the engine, called as the engine calls them
/// (<c>EvaluateAsync</c>, on a rule worker): each fails with a <see cref="RuleEvaluationException"/>
/// within the budget plus one second, and the process goes on to call other rules.
/// </summary>
[TestFixture]
public sealed class RuleWorkerTests
{
    private static readonly RuleCompiler Compiler = new(cacheDirectory: null);
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(300);

    private static StopRule Stop(string text) =>
        Compiler.CompileStop(RuleSource.Inline(RuleKind.Stop, text), typeof(RuleGlobals), Budget);

    [TestCase("IEnumerable<int> xs = null!;\nxs = new[] { 1 }.SelectMany(_ => xs);\nreturn xs.Count() > 0;", RuleFailure.RecursionTooDeep, TestName = "a self-referencing SelectMany")]
    [TestCase("int F(int n) => F(n + 1) + 1;\nreturn F(0) > 0;", RuleFailure.RecursionTooDeep, TestName = "unbounded recursion")]
    [TestCase("while (true) { }", RuleFailure.TimedOut, TestName = "an endless loop")]
    [TestCase("return new Regex(\"(a+)+$\", RegexOptions.None, TimeSpan.FromSeconds(3)).IsMatch(new string('a', 40) + \"b\");", RuleFailure.TimedOut, TestName = "a backtracking regex inside one library call")]
    [TestCase("return Enumerable.Repeat(1L, 1_000_000_000).Sum() > 0;", RuleFailure.TimedOut, TestName = "a billion items inside one library call")]
    public async Task A_rule_that_would_crash_or_hang_fails_within_its_budget_and_the_engine_goes_on(string text, RuleFailure failure)
    {
        var rule = Stop(text);
        var watch = Stopwatch.StartNew();

        var e = Assert.ThrowsAsync<RuleEvaluationException>(() => rule.EvaluateAsync(RuleTestData.Globals()))!;

        Assert.That(watch.Elapsed, Is.LessThan(Budget + TimeSpan.FromSeconds(1)));
        Assert.That(e.Failure, Is.EqualTo(failure), e.Message);
        Assert.That(e.Message, Does.StartWith("rules.stop: "));
        Assert.That(await Stop("Iteration >= 2").EvaluateAsync(RuleTestData.Globals(2)), Is.True, "the next rule runs");
    }

    [Test]
    public async Task Cancellation_returns_at_once_even_from_inside_a_library_call()
    {
        var rule = Compiler.CompileStop(RuleSource.Inline(RuleKind.Stop, "return Enumerable.Repeat(1L, 1_000_000_000).Sum() > 0;"),
            typeof(RuleGlobals), TimeSpan.FromSeconds(30));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var watch = Stopwatch.StartNew();

        Assert.That(async () => await rule.EvaluateAsync(RuleTestData.Globals(), cancel.Token), Throws.InstanceOf<OperationCanceledException>());

        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)));
        Assert.That(await Stop("Iteration >= 2").EvaluateAsync(RuleTestData.Globals(2)), Is.True);
    }

    [Test]
    public async Task Calls_that_end_in_time_reuse_their_worker()
    {
        var rule = Compiler.CompileSelect(RuleSource.Inline(RuleKind.Select, "Candidates.Select(c => c.Node).Reverse()"), typeof(RuleGlobals));
        Assert.That(await rule.EvaluateAsync(RuleTestData.Globals(1, "a", "b")), Is.EqualTo(new[] { "b", "a" }));
        var started = RuleWorkers.Started;

        for (var i = 0; i < 20; i++) await rule.EvaluateAsync(RuleTestData.Globals(1, "a", "b"));

        Assert.That(RuleWorkers.Started - started, Is.LessThanOrEqualTo(1), "an idle worker is taken again");
    }
}
