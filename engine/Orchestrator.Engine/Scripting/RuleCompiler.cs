using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Engine.Scripting;

/// <summary>
/// Compiles decision rules (C# scripts, Microsoft.CodeAnalysis.CSharp.Scripting) into
/// <see cref="StopRule"/>s and <see cref="SelectRule"/>s, and keeps them: in memory by content
/// hash (compiling the same rule twice costs nothing) and, given a cache folder, on disk as
/// assemblies, so that a later process with the same rules loads them without loading the
/// compiler at all (Roslyn's first compile in a process costs about a second).
/// </summary>
/// <remarks>
/// <para>What a rule may do. A rule is C# script: an expression (<c>Quality &gt;= Settings.QualityThreshold</c>)
/// or statements that end with <c>return</c> or a final expression. It sees the members of its
/// globals type (<see cref="RuleGlobals"/> or a type derived from it) without a prefix, and has
/// <c>System</c>, <c>System.Collections.Generic</c>, <c>System.Linq</c>, <c>System.Text</c> and the
/// engine's rule types imported. A stop rule returns <c>bool</c>; a select rule returns
/// <c>IEnumerable&lt;string&gt;</c> (a <c>string[]</c>, a list or a LINQ query of node ids).</para>
/// <para>What a rule may use. Rules decide, they do not act: a rule is compiled against a minimal set of
/// assemblies, and every symbol it names must be on an allow-list checked on the semantic model
/// (<see cref="RulePolicy"/>: its globals and the types they lead to, primitives, <c>string</c>, <c>Math</c>,
/// <c>TimeSpan</c>, LINQ, the generic collections, <c>Regex</c> with a match timeout). Syntax a rule does not
/// need (type declarations, <c>async</c>, <c>unsafe</c>, attributes, directives...) and rules over the size
/// or nesting limits are refused before compiling (<see cref="RuleSyntaxPolicy"/>). This is not a sandbox:
/// rules are trusted code, like the pipeline file that names them.</para>
/// <para>How a rule is kept from hanging or killing the engine. Before compiling, the rule's syntax
/// tree is rewritten: every loop body and every <c>goto</c> starts with a check of the call's
/// deadline, and every function body (methods, local functions, lambdas, accessors) counts its depth
/// on entry and uncounts it in a <c>finally</c>. <c>Evaluate</c> runs on the caller's thread;
/// <c>EvaluateAsync</c>, what the engine calls, runs on a rule worker and stops waiting at the budget plus a
/// grace period, even when the rule is stuck inside one library call; past
/// <see cref="CompiledRule.Timeout"/> (<c>rules.timeout</c>, default 1 s), or deeper than the depth
/// limit (default 1,000 nested calls, less if the stack runs short first), it ends with a
/// <see cref="RuleEvaluationException"/> instead of hanging or overflowing the stack. The checks run
/// in rule code (a lambda, the next loop turn); a call stuck inside one library call never reaches one,
/// and only <c>EvaluateAsync</c> gets the engine past it.</para>
/// <para>Thread-safe. The host keeps one instance for as long as it compiles rules: its memory cache lives as long as it
/// does, bounded by <see cref="RuleCacheLimits"/> (least recently used rules dropped), and the disk cache is pruned
/// by age and count whenever a new entry is written.</para>
/// </remarks>
public sealed class RuleCompiler
{
    /// <summary>Default limit of nested calls of a rule's functions.</summary>
    public const int DefaultMaxDepth = 1000;

    /// <summary>Default time budget of one call of a rule (<c>rules.timeout</c>).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Changes whenever the shape of the compiled code changes, so older cache entries are not used.</summary>
    private const string FormatSalt = "orchestrator-rules/1";

    private readonly RuleMemoryCache<LoadedRule> _loaded;
    private readonly RuleDiskCache? _disk;
    private int _compiled;
    private int _diskHits;
    private int _memoryHits;

    /// <param name="cacheDirectory">Folder for compiled rules (e.g. <c>&lt;data&gt;/rules-cache</c>),
    /// created when first written; null to keep compiled rules in memory only.</param>
    /// <param name="maxDepth">Limit of nested calls of a rule's functions.</param>
    public RuleCompiler(string? cacheDirectory, int maxDepth = DefaultMaxDepth)
        : this(cacheDirectory, RuleCacheLimits.Default, maxDepth)
    {
    }

    /// <inheritdoc cref="RuleCompiler(string?, int)"/>
    /// <param name="limits">How many rules the memory and disk caches keep, and for how long on disk.</param>
    /// <param name="time">The clock the disk cache dates its entries by; the system's when null.</param>
    public RuleCompiler(string? cacheDirectory, RuleCacheLimits limits, int maxDepth = DefaultMaxDepth, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDepth, 1);
        CacheDirectory = string.IsNullOrEmpty(cacheDirectory) ? null : Path.GetFullPath(cacheDirectory);
        MaxDepth = maxDepth;
        Limits = limits;
        _loaded = new RuleMemoryCache<LoadedRule>(limits.MemoryEntries);
        _disk = CacheDirectory is null ? null : new RuleDiskCache(CacheDirectory, limits, time ?? TimeProvider.System);
    }

    public RuleCacheLimits Limits { get; }

    /// <summary>Rules kept loaded now (at most <see cref="RuleCacheLimits.MemoryEntries"/>).</summary>
    public int LoadedCount => _loaded.Count;

    public string? CacheDirectory { get; }

    public int MaxDepth { get; }

    /// <summary>Rules this instance compiled with Roslyn.</summary>
    public int CompiledCount => Volatile.Read(ref _compiled);

    /// <summary>Rules this instance loaded from the disk cache, without the compiler.</summary>
    public int DiskCacheHits => Volatile.Read(ref _diskHits);

    /// <summary>Rules this instance had already compiled or loaded (same text, kind and globals type).</summary>
    public int MemoryCacheHits => Volatile.Read(ref _memoryHits);

    /// <summary>Compiles (or loads) a stop rule.</summary>
    /// <param name="source">The rule's text and name.</param>
    /// <param name="globalsType"><see cref="RuleGlobals"/> or a public type derived from it: what the rule sees.</param>
    /// <param name="timeout">Time budget of one call; <see cref="DefaultTimeout"/> when null.</param>
    /// <exception cref="RuleCompilationException">C# errors or forbidden APIs, one line each.</exception>
    public StopRule CompileStop(RuleSource source, Type globalsType, TimeSpan? timeout = null) =>
        new(source, Get(source, RuleKind.Stop, globalsType), timeout ?? DefaultTimeout, MaxDepth);

    /// <summary>Compiles (or loads) a select rule.</summary>
    /// <inheritdoc cref="CompileStop(RuleSource, Type, TimeSpan?)"/>
    public SelectRule CompileSelect(RuleSource source, Type globalsType, TimeSpan? timeout = null) =>
        new(source, Get(source, RuleKind.Select, globalsType), timeout ?? DefaultTimeout, MaxDepth);

    /// <inheritdoc cref="CompileStop(RuleSource, Type, TimeSpan?)"/>
    public StopRule CompileStop<TGlobals>(RuleSource source, TimeSpan? timeout = null) where TGlobals : RuleGlobals =>
        CompileStop(source, typeof(TGlobals), timeout);

    /// <inheritdoc cref="CompileSelect(RuleSource, Type, TimeSpan?)"/>
    public SelectRule CompileSelect<TGlobals>(RuleSource source, TimeSpan? timeout = null) where TGlobals : RuleGlobals =>
        CompileSelect(source, typeof(TGlobals), timeout);

    /// <summary>
    /// Compiles both rules of a pipeline (each inline or a <c>.csx</c> file relative to the
    /// pipeline file), with the pipeline's <c>rules.timeout</c>. What <c>orchestrator validate</c>
    /// and the start of a run call.
    /// </summary>
    /// <exception cref="RuleCompilationException">Every problem of both rules, one line each.</exception>
    public PipelineRules CompileRules(PipelineDefinition pipeline, Type globalsType)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return CompileRules(pipeline.Rules, pipeline.SourcePath, globalsType);
    }

    /// <inheritdoc cref="CompileRules(PipelineDefinition, Type)"/>
    /// <param name="rules">The pipeline's rules; null when it has none.</param>
    /// <param name="pipelinePath">The pipeline file, against whose folder <c>.csx</c> paths resolve; null for the current folder.</param>
    /// <param name="globalsType"><see cref="RuleGlobals"/> or a public type derived from it.</param>
    public PipelineRules CompileRules(RulesDefinition? rules, string? pipelinePath, Type globalsType)
    {
        if (rules is null) return PipelineRules.None;
        var problems = new List<RuleDiagnostic>();
        var select = Try(() => rules.Select is null ? null : CompileSelect(RuleSource.Resolve(RuleKind.Select, rules.Select, pipelinePath), globalsType, rules.Timeout));
        var stop = Try(() => rules.Stop is null ? null : CompileStop(RuleSource.Resolve(RuleKind.Stop, rules.Stop, pipelinePath), globalsType, rules.Timeout));
        if (problems.Count > 0) throw new RuleCompilationException(problems);
        return new PipelineRules(select, stop);

        T? Try<T>(Func<T?> compile) where T : class
        {
            try
            {
                return compile();
            }
            catch (RuleCompilationException e)
            {
                problems.AddRange(e.Diagnostics);
                return null;
            }
        }
    }

    private LoadedRule Get(RuleSource source, RuleKind kind, Type globalsType)
    {
        ArgumentNullException.ThrowIfNull(source);
        CheckGlobalsType(globalsType);
        var key = CacheKey(source, kind, globalsType);
        var (lazy, found) = _loaded.GetOrAdd(key, () => new Lazy<LoadedRule>(() => LoadOrCompile(key, source, kind, globalsType)));
        if (found) Interlocked.Increment(ref _memoryHits);
        try
        {
            return lazy.Value;
        }
        catch
        {
            // Compile errors are cheap to find again; an I/O hiccup should not stick.
            _loaded.Remove(key, lazy);
            throw;
        }
    }

    private LoadedRule LoadOrCompile(string key, RuleSource source, RuleKind kind, Type globalsType)
    {
        var assemblyName = "OrchestratorRule_" + key[..32];
        if (_disk?.TryRead(key) is { } cached)
        {
            try
            {
                var loaded = RuleAssemblyLoader.Load(cached, kind, globalsType, source.Name, RuleOrigin.DiskCache);
                Interlocked.Increment(ref _diskHits);
                return loaded;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A damaged or stale entry: compile again and overwrite it.
            }
        }

        var image = Compile(source, kind, globalsType, assemblyName);
        Interlocked.Increment(ref _compiled);
        _disk?.TryWrite(key, image);
        return RuleAssemblyLoader.Load(image, kind, globalsType, source.Name, RuleOrigin.Compiled);
    }

    /// <summary>
    /// The only way into Roslyn. Never inlined: the JIT would otherwise resolve the compiler's
    /// types while compiling the caller, and load Microsoft.CodeAnalysis on the cached path too.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static byte[] Compile(RuleSource source, RuleKind kind, Type globalsType, string assemblyName) =>
        RoslynRuleBuilder.Build(source, kind, globalsType, assemblyName);

    /// <summary>
    /// Text, kind, globals type, and the exact builds of the engine and of the globals' assemblies
    /// (their module version ids, which change with their content): a cached rule is only reused
    /// against the very types it was compiled against.
    /// </summary>
    internal static string CacheKey(RuleSource source, RuleKind kind, Type globalsType)
    {
        var text = new StringBuilder(FormatSalt).Append('\n').Append(kind).Append('\n')
            .Append(globalsType.FullName).Append('\n')
            .Append(typeof(RuleGuard).Assembly.ManifestModule.ModuleVersionId).Append('\n');
        for (var type = globalsType; type is not null && type != typeof(object); type = type.BaseType)
            text.Append(type.Assembly.ManifestModule.ModuleVersionId).Append('\n');
        text.Append(source.Hash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static void CheckGlobalsType(Type globalsType)
    {
        ArgumentNullException.ThrowIfNull(globalsType);
        if (!typeof(RuleGlobals).IsAssignableFrom(globalsType))
            throw new ArgumentException($"{globalsType.FullName} does not derive from {typeof(RuleGlobals).FullName}", nameof(globalsType));
        if (!globalsType.IsVisible || globalsType.ContainsGenericParameters)
            throw new ArgumentException($"{globalsType.FullName} must be a public, non-generic type: rules see it from another assembly", nameof(globalsType));
    }
}

/// <summary>The compiled rules of one pipeline; either may be null when the pipeline does not set it.</summary>
public sealed record PipelineRules(SelectRule? Select, StopRule? Stop)
{
    /// <summary>A pipeline without rules.</summary>
    public static PipelineRules None { get; } = new(null, null);
}
