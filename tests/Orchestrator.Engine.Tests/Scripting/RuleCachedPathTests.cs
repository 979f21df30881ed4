using System.Reflection;
using System.Runtime.Loader;
using Orchestrator.Engine.Scripting;

namespace Orchestrator.Engine.Tests.Scripting;

/// <summary>
/// The point of the disk cache: a process whose rules are all cached never loads the compiler.
/// The test process has loaded Roslyn long ago (other tests compile), so the cached path runs in an
/// isolated, collectable load context with its own copy of the engine: every assembly that copy
/// needs is asked of that context, which records the requests.
/// </summary>
[TestFixture]
public sealed class RuleCachedPathTests
{
    [Test]
    public void The_cached_path_does_not_load_Microsoft_CodeAnalysis()
    {
        using var cache = RuleTestData.Folder();
        const string text = "Iteration >= 2 && Candidates.Count == 0";
        var warm = new RuleCompiler(cache.Path);
        warm.CompileStop(RuleSource.Inline(RuleKind.Stop, text), typeof(RuleGlobals));
        Assert.That(warm.CompiledCount, Is.EqualTo(1));

        var context = new RecordingContext(typeof(RuleCompiler).Assembly.Location, typeof(RuleCachedPathTests).Assembly.Location);
        try
        {
            var (result, compiled, diskHits) = RunCachedRule(context, cache.Path, text);

            Assert.That(result, Is.True);
            Assert.That(compiled, Is.EqualTo(0), "the isolated compiler compiled the rule instead of loading it");
            Assert.That(diskHits, Is.EqualTo(1));
            Assert.That(context.Requested, Has.None.StartsWith("Microsoft.CodeAnalysis"),
                "asked for: " + string.Join(", ", context.Requested));
            Assert.That(context.Assemblies.Select(a => a.GetName().Name), Has.None.StartsWith("Microsoft.CodeAnalysis"));
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>Drives the isolated engine by reflection: its types are not this test's types.</summary>
    private static (bool Result, int Compiled, int DiskHits) RunCachedRule(RecordingContext context, string cacheFolder, string text)
    {
        var engine = context.Engine;
        var compilerType = engine.GetType(typeof(RuleCompiler).FullName!, throwOnError: true)!;
        var sourceType = engine.GetType(typeof(RuleSource).FullName!, throwOnError: true)!;
        var kindType = engine.GetType(typeof(RuleKind).FullName!, throwOnError: true)!;
        var globalsType = engine.GetType(typeof(RuleGlobals).FullName!, throwOnError: true)!;
        Assert.That(globalsType, Is.Not.EqualTo(typeof(RuleGlobals)), "the engine was not isolated");

        var compiler = Activator.CreateInstance(compilerType, cacheFolder, RuleCompiler.DefaultMaxDepth)!;
        var source = sourceType.GetMethod(nameof(RuleSource.Inline))!.Invoke(null, [Enum.ToObject(kindType, (int)RuleKind.Stop), text]);
        var rule = compilerType.GetMethod(nameof(RuleCompiler.CompileStop), [sourceType, typeof(Type), typeof(TimeSpan?)])!
            .Invoke(compiler, [source, globalsType, null])!;
        var globals = Activator.CreateInstance(globalsType)!;
        globalsType.GetProperty(nameof(RuleGlobals.Iteration))!.SetValue(globals, 2);
        var result = (bool)rule.GetType().GetMethod(nameof(StopRule.Evaluate))!.Invoke(rule, [globals, CancellationToken.None])!;
        int Count(string property) => (int)compilerType.GetProperty(property)!.GetValue(compiler)!;
        return (result, Count(nameof(RuleCompiler.CompiledCount)), Count(nameof(RuleCompiler.DiskCacheHits)));
    }

    private sealed class RecordingContext : AssemblyLoadContext
    {
        private readonly AssemblyDependencyResolver _resolver;

        public RecordingContext(string enginePath, string applicationPath) : base("isolated engine", isCollectible: true)
        {
            _resolver = new AssemblyDependencyResolver(applicationPath);
            Engine = LoadFromAssemblyPath(enginePath);
        }

        public Assembly Engine { get; }

        public List<string> Requested { get; } = [];

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            lock (Requested) Requested.Add(assemblyName.Name ?? "");
            var path = _resolver.ResolveAssemblyToPath(assemblyName);
            return path is null ? null : LoadFromAssemblyPath(path);
        }
    }
}
