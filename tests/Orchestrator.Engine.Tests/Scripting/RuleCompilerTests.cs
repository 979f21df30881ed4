using System.Diagnostics;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Engine.Scripting;
using static Orchestrator.Engine.Tests.Scripting.RuleTestData;

namespace Orchestrator.Engine.Tests.Scripting;

[TestFixture]
public sealed class RuleCompilerTests
{
    /// <summary>One compiler for the fixture, in memory only: the same rule text compiles once.</summary>
    private static readonly RuleCompiler Compiler = new(cacheDirectory: null);

    private static StopRule Stop(string text, TimeSpan? timeout = null) =>
        Compiler.CompileStop(RuleSource.Inline(RuleKind.Stop, text), typeof(RuleGlobals), timeout);

    private static SelectRule Select(string text) =>
        Compiler.CompileSelect(RuleSource.Inline(RuleKind.Select, text), typeof(RuleGlobals));

    [Test]
    public void A_select_rule_returns_only_structure()
    {
        var rule = Select("""Candidates.Where(c => c.Node == "structure").Select(c => c.Node)""");
        Assert.That(rule.Evaluate(Globals(1, "style", "structure", "pacing")), Is.EqualTo(new[] { "structure" }));
    }

    [Test]
    public void A_select_rule_may_return_an_array_and_keeps_its_order_without_duplicates()
    {
        var rule = Select("""new[] { "pacing", "structure", "pacing" }""");
        Assert.That(rule.Evaluate(Globals(1, "structure", "style", "pacing")), Is.EqualTo(new[] { "pacing", "structure" }));
    }

    [Test]
    public void A_stop_rule_stops_at_iteration_2()
    {
        var rule = Stop("Iteration >= 2");
        Assert.That(rule.Evaluate(Globals(1)), Is.False);
        Assert.That(rule.Evaluate(Globals(2)), Is.True);
        Assert.That(rule.Name, Is.EqualTo("rules.stop"));
    }

    [Test]
    public void Rules_read_every_global()
    {
        var rule = Stop("""
            Quality < Settings.QualityThreshold
            && Scores["style"] > 0.6
            && Nodes["style"].Status == ActionStatus.Failed && Nodes["style"].Attempts == 2 && Nodes["structure"].Succeeded
            && Nodes["pacing"].Status == null
            && Candidates.Count == 2 && Candidates[0].Priority > Candidates[1].Priority
            && QualityHistory.Last() == 0.5
            && Elapsed > TimeSpan.FromSeconds(10)
            """);
        Assert.That(rule.Evaluate(Globals(1, "style", "structure")), Is.True);
    }

    [Test]
    public void A_compile_error_in_a_csx_file_gives_its_line_and_column()
    {
        using var folder = Folder();
        var path = folder.Write("rules/stop.csx", """
            // stop when good enough
            var threshold = Settings.QualityThreshold;
            var best = QualityHistory.Count == 0 ? 0 : QualityHistory.Max();
            return best >= threshold && Qualty > 0;
            """);

        var e = Assert.Throws<RuleCompilationException>(() => Compiler.CompileStop(RuleSource.FromFile(path), typeof(RuleGlobals)));

        Assert.That(e.Diagnostics, Has.Count.EqualTo(1));
        Assert.That(e.Diagnostics[0], Is.EqualTo(new RuleDiagnostic(path, 4, 29, "CS0103: The name 'Qualty' does not exist in the current context")));
        Assert.That(e.Message, Is.EqualTo($"{path}:4:29: CS0103: The name 'Qualty' does not exist in the current context"));
    }

    [Test]
    public void An_inline_rule_with_errors_is_named_after_its_hook_and_reports_every_error()
    {
        var e = Assert.Throws<RuleCompilationException>(() => Select("Candidates.Select(c => c.Nod).Where(x => y)"));
        Assert.That(e.Diagnostics.Select(d => d.ToString()), Is.EqualTo(new[]
        {
            "rules.select:1:26: CS1061: 'RuleCandidate' does not contain a definition for 'Nod' and no accessible extension method 'Nod' accepting a first argument of type 'RuleCandidate' could be found (are you missing a using directive or an assembly reference?)",
            "rules.select:1:42: CS0103: The name 'y' does not exist in the current context",
        }));
    }

    [Test]
    public void A_rule_of_the_wrong_type_is_a_compile_error()
    {
        var e = Assert.Throws<RuleCompilationException>(() => Stop("Quality"));
        Assert.That(e.Message, Does.StartWith("rules.stop:1:1: CS0029:"));
    }

    [Test]
    public void An_endless_loop_ends_within_the_timeout_naming_the_rule()
    {
        var rule = Stop("while (true) {}");
        var watch = Stopwatch.StartNew();

        var e = Assert.Throws<RuleEvaluationException>(() => rule.Evaluate(Globals()));

        Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9)).And.LessThan(TimeSpan.FromSeconds(3)));
        Assert.That(e.Failure, Is.EqualTo(RuleFailure.TimedOut));
        Assert.That(e.Message, Is.EqualTo("rules.stop: timed out after 1 s"));
        Assert.That(Stop("Iteration >= 2").Evaluate(Globals(2)), Is.True, "the engine goes on");
    }

    [Test]
    public void Unbounded_recursion_in_a_local_function_ends_cleanly_and_the_process_survives()
    {
        using var folder = Folder();
        var path = folder.Write("recurse.csx", "int F(int n) => F(n + 1);\nreturn F(0) > 0;\n");
        var rule = Compiler.CompileStop(RuleSource.FromFile(path), typeof(RuleGlobals));
        var watch = Stopwatch.StartNew();

        var e = Assert.Throws<RuleEvaluationException>(() => rule.Evaluate(Globals()));

        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)));
        Assert.That(e.Failure, Is.EqualTo(RuleFailure.RecursionTooDeep));
        Assert.That(e.Message, Is.EqualTo($"{path}: recursion deeper than 1000 calls"));
        // The same rule, and others, still run afterwards: the guard state was reset.
        Assert.Throws<RuleEvaluationException>(() => rule.Evaluate(Globals()));
        Assert.That(Stop("Iteration >= 2").Evaluate(Globals(2)), Is.True);
    }

    [TestCase("int F(int n) { return F(n + 1); }\nreturn F(0) > 0;", TestName = "a block-bodied local function")]
    [TestCase("Func<int, int> f = null!;\nf = n => f(n + 1);\nreturn f(0) > 0;", TestName = "a recursive lambda")]
    [TestCase("Func<int, int> f = null!;\nf = n => new[] { n + 1 }.Select(f).First();\nreturn f(0) > 0;", TestName = "a lambda recursing through LINQ")]
    [TestCase("Func<int, int> f = null!;\nf = delegate (int n) { return f(n + 1); };\nreturn f(0) > 0;", TestName = "a recursive anonymous method")]
    [TestCase("int F(int n) { try { return F(n + 1); } catch { return F(n + 1); } }\nreturn F(0) > 0;", TestName = "a recursion that catches")]
    [TestCase("int F(int n) { try { return F(n + 1); } finally { F(n + 1); } }\nreturn F(0) > 0;", TestName = "a recursion that recurses in finally")]
    [TestCase("int F(int n) => new[] { n }.Select(F).Sum();\nreturn F(0) > 0;", TestName = "a recursion through a method group in LINQ")]
    [TestCase("bool Even(int n) => n == 0 || Odd(n - 1);\nbool Odd(int n) => n != 0 && Even(n - 1);\nreturn Even(int.MaxValue);", TestName = "mutual recursion")]
    public void Recursion_without_end_fails_cleanly(string text)
    {
        var e = Assert.Throws<RuleEvaluationException>(() => Stop(text).Evaluate(Globals()));
        Assert.That(e.Failure, Is.EqualTo(RuleFailure.RecursionTooDeep), e.Message);
    }

    [TestCase("while (true) { try { while (true) { } } catch { } }", TestName = "a loop that catches the timeout")]
    [TestCase("again: goto again;", TestName = "a goto loop")]
    [TestCase("for (;;) ;", TestName = "an empty for")]
    [TestCase("do { } while (true);", TestName = "a do loop")]
    [TestCase("foreach (var i in Enumerable.Range(0, int.MaxValue)) foreach (var j in Enumerable.Range(0, int.MaxValue)) { } return true;", TestName = "nested foreach")]
    [TestCase("return Enumerable.Range(0, int.MaxValue).Where(i => { while (true) { } }).Any();", TestName = "a loop in a lambda")]
    [TestCase("return Enumerable.Repeat(1, int.MaxValue).Concat(Enumerable.Repeat(1, int.MaxValue)).Count(i => i > 0) > 0;", TestName = "a library loop calling a lambda")]
    public void Loops_without_end_time_out(string text)
    {
        var rule = Stop(text, TimeSpan.FromMilliseconds(200));
        var watch = Stopwatch.StartNew();
        var e = Assert.Throws<RuleEvaluationException>(() => rule.Evaluate(Globals()));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
        Assert.That(e.Message, Is.EqualTo("rules.stop: timed out after 200 ms"));
    }

    [Test]
    public void A_lazy_select_answer_runs_under_the_guard()
    {
        var rule = Compiler.CompileSelect(RuleSource.Inline(RuleKind.Select, "Candidates.Select(c => { while (true) { } return c.Node; })"),
            typeof(RuleGlobals), TimeSpan.FromMilliseconds(100));
        var e = Assert.Throws<RuleEvaluationException>(() => rule.Evaluate(Globals(1, "style")));
        Assert.That(e.Failure, Is.EqualTo(RuleFailure.TimedOut));
    }

    [Test]
    public void Cancellation_ends_a_call_at_its_next_check()
    {
        var rule = Stop("while (true) {}", TimeSpan.FromSeconds(30));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        Assert.That(() => rule.Evaluate(Globals(), cancel.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void A_rule_that_throws_fails_with_the_exception_and_its_line()
    {
        using var folder = Folder();
        var path = folder.Write("throws.csx", "var ratio = Quality;\nif (ratio < 1)\n    throw new InvalidOperationException(\"no verdict\");\nreturn false;\n");
        var rule = Compiler.CompileStop(RuleSource.FromFile(path), typeof(RuleGlobals));

        var e = Assert.Throws<RuleEvaluationException>(() => rule.Evaluate(Globals()));

        Assert.That(e.Failure, Is.EqualTo(RuleFailure.Threw));
        Assert.That(e.Message, Is.EqualTo($"{path}: threw InvalidOperationException: no verdict (line 3)"));
        Assert.That(e.InnerException, Is.InstanceOf<InvalidOperationException>());
    }

    [Test]
    public void A_missing_key_is_reported_as_thrown()
    {
        var e = Assert.Throws<RuleEvaluationException>(() => Stop("""Scores["nope"] > 0""").Evaluate(Globals()));
        Assert.That(e.Message, Does.StartWith("rules.stop: threw KeyNotFoundException: The given key 'nope' was not present"));
    }

    [Test]
    public void A_select_rule_returning_a_non_candidate_is_refused_with_the_ids()
    {
        var rule = Select("""new[] { "structure", "stlye", "dialogue" }""");

        var e = Assert.Throws<RuleEvaluationException>(() => rule.Evaluate(Globals(1, "structure", "style")));

        Assert.That(e.Failure, Is.EqualTo(RuleFailure.InvalidResult));
        Assert.That(e.UnknownIds, Is.EqualTo(new[] { "stlye", "dialogue" }));
        Assert.That(e.Message, Is.EqualTo(
            "rules.select: returned ids that are not candidates: 'stlye' (did you mean 'style'?), 'dialogue'; candidates: structure, style"));
    }

    [Test]
    public void A_select_answer_over_many_candidates_is_checked_the_same_way()
    {
        var many = Enumerable.Range(0, 100).Select(i => $"n{i}").ToArray();
        var rule = Select("""Candidates.Select(c => c.Node).Reverse().Append("n5")""");
        Assert.That(rule.Evaluate(Globals(1, many)), Is.EqualTo(many.Reverse()));

        var e = Assert.Throws<RuleEvaluationException>(() => Select("""Candidates.Select(c => c.Node).Append("n100").Append("n100")""").Evaluate(Globals(1, many)));
        Assert.That(e.UnknownIds, Is.EqualTo(new[] { "n100" }));
    }

    [Test]
    public void A_select_rule_returning_null_is_refused()
    {
        var e = Assert.Throws<RuleEvaluationException>(() => Select("(string[])null!").Evaluate(Globals(1, "style")));
        Assert.That(e.Message, Is.EqualTo("rules.select: returned null instead of a list of node ids"));
    }

    [Test]
    public void A_derived_globals_type_gives_rules_its_extra_members()
    {
        var rule = Compiler.CompileStop(RuleSource.Inline(RuleKind.Stop,
            """Manuscript.Words > 50_000 && Manuscript.Chapters >= 10 && Requirements["genre"] == "thriller" && Iteration >= 1"""),
            typeof(NovelLikeGlobals));
        var globals = new NovelLikeGlobals
        {
            Iteration = 1,
            Manuscript = new RuleTestManuscript("The Keeper", 80_000, 24),
            Requirements = new Dictionary<string, string> { ["genre"] = "thriller" },
        };

        Assert.That(rule.Evaluate(globals), Is.True);
        Assert.That(rule.GlobalsType, Is.EqualTo(typeof(NovelLikeGlobals)));
        Assert.That(() => rule.Evaluate(Globals()), Throws.ArgumentException.With.Message.Contains(nameof(NovelLikeGlobals)));
    }

    [Test]
    public void A_derived_globals_member_is_unknown_to_a_rule_compiled_for_the_base_type()
    {
        var e = Assert.Throws<RuleCompilationException>(() => Stop("Manuscript.Words > 0"));
        Assert.That(e.Message, Does.StartWith("rules.stop:1:1: CS0103: The name 'Manuscript' does not exist"));
    }

    [Test]
    public void The_globals_type_must_derive_from_RuleGlobals()
    {
        Assert.That(() => Compiler.CompileStop(RuleSource.Inline(RuleKind.Stop, "true"), typeof(string)), Throws.ArgumentException);
    }

    [Test]
    public void Expression_bodies_of_every_kind_still_compile_and_run()
    {
        var rule = Select("""
            var picked = new List<string>();
            Candidates.ToList().ForEach(c => picked.Add(c.Node));
            Action<string> drop = id => picked.Remove(id);
            drop("pacing");
            string Upper(string s) => s.ToUpperInvariant();
            void Nothing() { }
            Nothing();
            Func<int> fail = () => throw new InvalidOperationException();
            var box = new { Value = 1 };
            int Twice(int value) => value * 2;
            IEnumerable<string> Yield() { foreach (var id in picked) yield return id; }
            if (Upper("a") != "A" || box.Value + Twice(box.Value) != 3) throw new Exception("wrong");
            return Yield().Where(id => id != "nope");
            """);
        Assert.That(rule.Evaluate(Globals(1, "structure", "pacing", "style")), Is.EqualTo(new[] { "structure", "style" }));
    }

    [Test]
    public void The_same_rule_compiles_once_per_compiler()
    {
        var compiler = new RuleCompiler(cacheDirectory: null);
        var first = compiler.CompileStop(RuleSource.Inline(RuleKind.Stop, "Iteration > 7"), typeof(RuleGlobals));
        var second = compiler.CompileStop(RuleSource.Inline(RuleKind.Stop, "Iteration > 7"), typeof(RuleGlobals), TimeSpan.FromSeconds(5));

        Assert.That(compiler.CompiledCount, Is.EqualTo(1));
        Assert.That(compiler.MemoryCacheHits, Is.EqualTo(1));
        Assert.That(second.Timeout, Is.EqualTo(TimeSpan.FromSeconds(5)));
        Assert.That(first.Evaluate(Globals(8)) && second.Evaluate(Globals(8)), Is.True);
    }

    [Test]
    public void A_second_compiler_on_the_same_folder_loads_from_disk_without_compiling()
    {
        using var cache = Folder();
        var source = RuleSource.Inline(RuleKind.Select, """Candidates.Take(1).Select(c => c.Node)""");
        var first = new RuleCompiler(cache.Path);
        Assert.That(first.CompileSelect(source, typeof(RuleGlobals)).Origin, Is.EqualTo(RuleOrigin.Compiled));
        Assert.That(first.CompiledCount, Is.EqualTo(1));
        Assert.That(Directory.GetFiles(cache.Path, "*.dll"), Has.Length.EqualTo(1));

        var second = new RuleCompiler(cache.Path);
        var rule = second.CompileSelect(source, typeof(RuleGlobals));

        Assert.That(second.CompiledCount, Is.EqualTo(0));
        Assert.That(second.DiskCacheHits, Is.EqualTo(1));
        Assert.That(rule.Origin, Is.EqualTo(RuleOrigin.DiskCache));
        Assert.That(rule.Evaluate(Globals(1, "style", "structure")), Is.EqualTo(new[] { "style" }));
    }

    [Test]
    public void A_damaged_cache_entry_is_compiled_again()
    {
        using var cache = Folder();
        var source = RuleSource.Inline(RuleKind.Stop, "Iteration == 3");
        new RuleCompiler(cache.Path).CompileStop(source, typeof(RuleGlobals));
        var file = Directory.GetFiles(cache.Path, "*.dll").Single();
        File.WriteAllBytes(file, [1, 2, 3]);

        var compiler = new RuleCompiler(cache.Path);
        var rule = compiler.CompileStop(source, typeof(RuleGlobals));

        Assert.That(compiler.CompiledCount, Is.EqualTo(1));
        Assert.That(rule.Evaluate(Globals(3)), Is.True);
        Assert.That(new FileInfo(file).Length, Is.GreaterThan(3));
    }

    [Test]
    public void The_cache_key_depends_on_the_text_the_kind_and_the_globals_type()
    {
        var a = RuleSource.Inline(RuleKind.Stop, "true");
        var b = RuleSource.Inline(RuleKind.Stop, "true ");
        var same = RuleSource.Inline(RuleKind.Stop, "true");
        Assert.That(RuleCompiler.CacheKey(a, RuleKind.Stop, typeof(RuleGlobals)), Is.EqualTo(RuleCompiler.CacheKey(same, RuleKind.Stop, typeof(RuleGlobals))));
        Assert.That(RuleCompiler.CacheKey(a, RuleKind.Stop, typeof(RuleGlobals)), Is.Not.EqualTo(RuleCompiler.CacheKey(b, RuleKind.Stop, typeof(RuleGlobals))));
        Assert.That(RuleCompiler.CacheKey(a, RuleKind.Stop, typeof(RuleGlobals)), Is.Not.EqualTo(RuleCompiler.CacheKey(a, RuleKind.Select, typeof(RuleGlobals))));
        Assert.That(RuleCompiler.CacheKey(a, RuleKind.Stop, typeof(RuleGlobals)), Is.Not.EqualTo(RuleCompiler.CacheKey(a, RuleKind.Stop, typeof(NovelLikeGlobals))));
    }

    [Test]
    public void A_pipelines_rules_resolve_csx_files_next_to_it_and_report_all_problems_together()
    {
        using var folder = Folder();
        var pipeline = folder.Write("novel.json", "{}");
        folder.Write("rules/select.csx", "Candidates.Select(c => c.Node)\n");
        var rules = new RulesDefinition { Select = "rules/select.csx", Stop = "Iteration >= 2", Timeout = TimeSpan.FromSeconds(2) };

        var compiled = Compiler.CompileRules(rules, pipeline, typeof(RuleGlobals));

        Assert.That(compiled.Select!.Name, Is.EqualTo(Path.Combine(folder.Path, "rules/select.csx")));
        Assert.That(compiled.Stop!.Timeout, Is.EqualTo(TimeSpan.FromSeconds(2)));
        Assert.That(compiled.Select.Evaluate(Globals(1, "a", "b")), Is.EqualTo(new[] { "a", "b" }));

        var broken = new RulesDefinition { Select = "rules/missing.csx", Stop = "Iteration >=" };
        var e = Assert.Throws<RuleCompilationException>(() => Compiler.CompileRules(broken, pipeline, typeof(RuleGlobals)));
        Assert.That(e.Diagnostics.Select(d => d.ToString()), Is.EqualTo(new[]
        {
            $"{Path.Combine(folder.Path, "rules/missing.csx")}: cannot read the rule: file not found",
            "rules.stop:1:13: CS1733: Expected expression",
        }));
    }

    [Test]
    public void A_pipeline_without_rules_has_none()
    {
        Assert.That(Compiler.CompileRules(null, null, typeof(RuleGlobals)), Is.SameAs(PipelineRules.None));
    }
}
