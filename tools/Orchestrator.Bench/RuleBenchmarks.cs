using System.Reflection;
using System.Runtime.Loader;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Orchestrator.Engine.Dataflow;
using Orchestrator.Engine.Scripting;

namespace Orchestrator.Bench;

/// <summary>
/// Per-call cost of decision rules once loaded (goal: under 1 µs), next to the same decision
/// written in plain C#. The stop rule reads a few globals; the select rule filters four candidates
/// with LINQ and the answer is checked against the candidates.
/// <c>dotnet run -c Release --project tools/Orchestrator.Bench -- --filter '*RuleBenchmarks*'</c>
/// </summary>
[MemoryDiagnoser]
public class RuleBenchmarks
{
    internal const string StopText = "Quality >= Settings.QualityThreshold || Iteration >= Settings.MaxIterations";
    internal const string SelectText = "Candidates.Where(c => c.Priority >= 0.5).Select(c => c.Node)";

    private StopRule _stop = null!;
    private SelectRule _select = null!;
    private RuleGlobals _globals = null!;

    [GlobalSetup]
    public void Setup()
    {
        var compiler = new RuleCompiler(cacheDirectory: null);
        _stop = compiler.CompileStop(RuleSource.Inline(RuleKind.Stop, StopText), typeof(RuleGlobals));
        _select = compiler.CompileSelect(RuleSource.Inline(RuleKind.Select, SelectText), typeof(RuleGlobals));
        _globals = Globals();
    }

    [Benchmark]
    public bool StopRule() => _stop.Evaluate(_globals);

    [Benchmark]
    public int SelectRule() => _select.Evaluate(_globals).Count;

    /// <summary>
    /// The stop rule as the engine calls it, once per iteration: handed to a rule worker thread
    /// and awaited with its deadline, so the handoff (a thread wake-up) is part of the figure.
    /// </summary>
    [Benchmark]
    public Task<bool> StopRuleOnWorker() => _stop.EvaluateAsync(_globals);

    /// <summary>The stop decision in C#, for scale.</summary>
    [Benchmark(Baseline = true)]
    public bool StopInCSharp() =>
        _globals.Quality >= _globals.Settings.QualityThreshold || _globals.Iteration >= _globals.Settings.MaxIterations;

    /// <summary>The select decision in C#, for scale.</summary>
    [Benchmark]
    public int SelectInCSharp() => _globals.Candidates.Where(c => c.Priority >= 0.5).Select(c => c.Node).ToList().Count;

    internal static RuleGlobals Globals() => new()
    {
        Iteration = 2,
        Quality = 0.62,
        QualityHistory = [0.41, 0.62],
        Scores = new Dictionary<string, double> { ["structure"] = 0.7, ["style"] = 0.5 },
        Nodes = new Dictionary<string, RuleNodeState>
        {
            ["structure"] = new(ActionStatus.Succeeded, 0.7, 1, null, TimeSpan.FromSeconds(1), new Dictionary<string, double>()),
        },
        Candidates =
        [
            new RuleCandidate("style", 0.9, "failed, retry 2 of 3", 2),
            new RuleCandidate("pacing", 0.7, "input changed", 1),
            new RuleCandidate("dialogue", 0.4, "ready", 1),
            new RuleCandidate("themes", 0.2, "ready", 1),
        ],
        Elapsed = TimeSpan.FromSeconds(40),
    };
}

/// <summary>
/// What a process pays, from its start, to get one rule ready and call it once: each launch is a
/// fresh process (RunStrategy.ColdStart: no pilot, no warm-up, the first call is the one measured).
/// <list type="bullet">
/// <item><c>ColdCompile</c>: an empty cache folder, so Roslyn is loaded, JIT-compiled and run, and
/// the assembly emitted, written and loaded.</item>
/// <item><c>CachedLoad</c>: the cache folder already holds the rule, so the process reads it, loads
/// it in a collectable context and calls it; the benchmark fails if Microsoft.CodeAnalysis was
/// loaded into the default context on the way. The cache is filled in the global setup by an
/// engine loaded in a separate, isolated load context, so the measured path starts as cold as a
/// new `orchestrator run` would (Roslyn's JIT-compiled code and the engine's are not shared).</item>
/// </list>
/// <c>dotnet run -c Release --project tools/Orchestrator.Bench -- --filter '*RuleStartBenchmarks*'</c>
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 5, warmupCount: 0, iterationCount: 1)]
public class RuleStartBenchmarks
{
    private string _cache = null!;

    [GlobalSetup(Target = nameof(ColdCompile))]
    public void EmptyCache() => _cache = NewFolder();

    [GlobalSetup(Target = nameof(CachedLoad))]
    public void FilledCache()
    {
        _cache = NewFolder();
        IsolatedEngine.CompileInto(_cache, RuleBenchmarks.StopText);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        try { Directory.Delete(_cache, recursive: true); }
        catch (IOException) { }
    }

    [Benchmark]
    public bool ColdCompile() => RunOnce().Result;

    [Benchmark]
    public bool CachedLoad()
    {
        var (result, compiler) = RunOnce();
        if (compiler.DiskCacheHits != 1 || compiler.CompiledCount != 0)
            throw new InvalidOperationException("the rule was not loaded from the cache");
        if (AssemblyLoadContext.Default.Assemblies.Any(a => a.GetName().Name?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true))
            throw new InvalidOperationException("the cached path loaded Microsoft.CodeAnalysis");
        return result;
    }

    private (bool Result, RuleCompiler Compiler) RunOnce()
    {
        var compiler = new RuleCompiler(_cache);
        var rule = compiler.CompileStop(RuleSource.Inline(RuleKind.Stop, RuleBenchmarks.StopText), typeof(RuleGlobals));
        return (rule.Evaluate(RuleBenchmarks.Globals()), compiler);
    }

    private static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "orchestrator-bench-rules-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>A second copy of the engine, in its own load context, that compiles a rule into a cache folder.</summary>
    private static class IsolatedEngine
    {
        public static void CompileInto(string cache, string text)
        {
            var context = new Context(typeof(RuleCompiler).Assembly.Location, typeof(RuleStartBenchmarks).Assembly.Location);
            try
            {
                var engine = context.LoadFromAssemblyPath(typeof(RuleCompiler).Assembly.Location);
                var compilerType = engine.GetType(typeof(RuleCompiler).FullName!, throwOnError: true)!;
                var sourceType = engine.GetType(typeof(RuleSource).FullName!, throwOnError: true)!;
                var kindType = engine.GetType(typeof(RuleKind).FullName!, throwOnError: true)!;
                var globalsType = engine.GetType(typeof(RuleGlobals).FullName!, throwOnError: true)!;
                var compiler = Activator.CreateInstance(compilerType, cache, RuleCompiler.DefaultMaxDepth)!;
                var source = sourceType.GetMethod(nameof(RuleSource.Inline))!.Invoke(null, [Enum.ToObject(kindType, (int)RuleKind.Stop), text]);
                compilerType.GetMethod(nameof(RuleCompiler.CompileStop), [sourceType, typeof(Type), typeof(TimeSpan?)])!
                    .Invoke(compiler, [source, globalsType, null]);
            }
            finally
            {
                context.Unload();
            }
        }

        private sealed class Context(string enginePath, string applicationPath) : AssemblyLoadContext("bench isolated engine", isCollectible: true)
        {
            private readonly AssemblyDependencyResolver _resolver = new(applicationPath);

            protected override Assembly? Load(AssemblyName assemblyName) =>
                assemblyName.Name == Path.GetFileNameWithoutExtension(enginePath) ? null
                : _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
        }
    }
}

/// <summary>
/// Getting a rule ready in a process that has already compiled one (Roslyn loaded and warm), as
/// when `validate` and `run` share a process or a pipeline has two rules: a fresh compiler each
/// time, so nothing comes from its memory cache.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, warmupCount: 3, iterationCount: 15)]
public class RuleCompileBenchmarks
{
    private string _cache = null!;
    private int _counter;

    [GlobalSetup]
    public void Setup()
    {
        _cache = Path.Combine(Path.GetTempPath(), "orchestrator-bench-rules-" + Guid.NewGuid().ToString("N"));
        new RuleCompiler(_cache).CompileStop(RuleSource.Inline(RuleKind.Stop, RuleBenchmarks.StopText), typeof(RuleGlobals));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        try { Directory.Delete(_cache, recursive: true); }
        catch (IOException) { }
    }

    /// <summary>A new text every time (a different constant), so Roslyn compiles it.</summary>
    [Benchmark]
    public StopRule WarmCompile() =>
        new RuleCompiler(cacheDirectory: null).CompileStop(
            RuleSource.Inline(RuleKind.Stop, $"Iteration >= {++_counter} && Quality >= Settings.QualityThreshold"), typeof(RuleGlobals));

    /// <summary>From the disk cache, into a new collectable context.</summary>
    [Benchmark]
    public StopRule WarmCachedLoad() =>
        new RuleCompiler(_cache).CompileStop(RuleSource.Inline(RuleKind.Stop, RuleBenchmarks.StopText), typeof(RuleGlobals));
}
