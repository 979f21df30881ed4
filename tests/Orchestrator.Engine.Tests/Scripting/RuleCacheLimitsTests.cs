using Orchestrator.Engine.Scripting;
using static Orchestrator.Engine.Tests.Scripting.RuleTestData;

namespace Orchestrator.Engine.Tests.Scripting;

/// <summary>
/// The rules caches stay bounded: in memory, the least recently used rule is dropped past the limit; on disk, writing a
/// new entry deletes those unused past the age limit, then the least recently used past the count limit, and a load
/// from disk counts as a use.
/// </summary>
[TestFixture]
public sealed class RuleCacheLimitsTests
{
    private static RuleSource Stop(string text) => RuleSource.Inline(RuleKind.Stop, text);

    [Test]
    public void Past_its_limit_the_memory_cache_drops_the_least_recently_used_rule()
    {
        var compiler = new RuleCompiler(cacheDirectory: null, new RuleCacheLimits { MemoryEntries = 2 });
        compiler.CompileStop(Stop("Iteration > 1"), typeof(RuleGlobals));
        compiler.CompileStop(Stop("Iteration > 2"), typeof(RuleGlobals));
        compiler.CompileStop(Stop("Iteration > 1"), typeof(RuleGlobals)); // used again: now the most recent
        compiler.CompileStop(Stop("Iteration > 3"), typeof(RuleGlobals)); // drops "Iteration > 2"
        Assert.That((compiler.CompiledCount, compiler.MemoryCacheHits, compiler.LoadedCount), Is.EqualTo((3, 1, 2)));

        var kept = compiler.CompileStop(Stop("Iteration > 1"), typeof(RuleGlobals));
        Assert.That(compiler.MemoryCacheHits, Is.EqualTo(2), "the rule used recently is still loaded");
        var dropped = compiler.CompileStop(Stop("Iteration > 2"), typeof(RuleGlobals));
        Assert.That(compiler.CompiledCount, Is.EqualTo(4), "the least recently used one was dropped and is compiled again");
        Assert.That(compiler.LoadedCount, Is.EqualTo(2));
        Assert.That((kept.Evaluate(Globals(2)), dropped.Evaluate(Globals(2))), Is.EqualTo((true, false)));
    }

    [Test]
    public void Writing_an_entry_prunes_the_folder_by_age_then_by_count()
    {
        using var cache = Folder();
        Directory.CreateDirectory(cache.Path);
        var now = DateTime.UtcNow;
        var stale = Entry(cache.Path, "stale", now - TimeSpan.FromDays(40));
        var recent = Enumerable.Range(1, 4).Select(hours => Entry(cache.Path, $"recent{hours}", now - TimeSpan.FromHours(hours))).ToArray();
        var compiler = new RuleCompiler(cache.Path, new RuleCacheLimits { DiskEntries = 3, DiskMaxAge = TimeSpan.FromDays(30) });

        compiler.CompileStop(Stop("Iteration >= 4"), typeof(RuleGlobals));

        var left = Directory.GetFiles(cache.Path, "*.dll").Select(Path.GetFileName).ToHashSet();
        Assert.That(left, Has.Count.EqualTo(3));
        Assert.That(left, Does.Contain(RuleCompiler.CacheKey(Stop("Iteration >= 4"), RuleKind.Stop, typeof(RuleGlobals)) + ".dll"), "the new entry");
        Assert.That(left, Does.Contain(Path.GetFileName(recent[0])).And.Contain(Path.GetFileName(recent[1])), "the two most recently used others");
        Assert.That(left, Does.Not.Contain(Path.GetFileName(stale)), "unused for 40 days");
        Assert.That(left, Does.Not.Contain(Path.GetFileName(recent[3])), "past the count");
    }

    [Test]
    public void A_rule_loaded_from_disk_counts_as_used_and_survives_the_age_limit()
    {
        using var cache = Folder();
        var limits = new RuleCacheLimits { DiskMaxAge = TimeSpan.FromDays(30) };
        new RuleCompiler(cache.Path, limits).CompileStop(Stop("Iteration == 5"), typeof(RuleGlobals));
        var entry = Directory.GetFiles(cache.Path, "*.dll").Single();
        File.SetLastWriteTimeUtc(entry, DateTime.UtcNow - TimeSpan.FromDays(40));

        var next = new RuleCompiler(cache.Path, limits);
        Assert.That(next.CompileStop(Stop("Iteration == 5"), typeof(RuleGlobals)).Origin, Is.EqualTo(RuleOrigin.DiskCache));
        next.CompileStop(Stop("Iteration == 6"), typeof(RuleGlobals)); // a write: prunes

        Assert.That(File.Exists(entry), Is.True, "used by the load just now");
        Assert.That(Directory.GetFiles(cache.Path, "*.dll"), Has.Length.EqualTo(2));
    }

    [Test]
    public void The_defaults_are_stated_once()
    {
        var limits = RuleCacheLimits.Default;
        Assert.That((limits.MemoryEntries, limits.DiskEntries, limits.DiskMaxAge), Is.EqualTo((64, 256, TimeSpan.FromDays(30))));
        Assert.That(new RuleCompiler(null).Limits, Is.SameAs(limits));
    }

    private static string Entry(string folder, string name, DateTime usedAt)
    {
        var path = Path.Combine(folder, name + ".dll");
        File.WriteAllBytes(path, [1, 2, 3]);
        File.SetLastWriteTimeUtc(path, usedAt);
        return path;
    }
}
