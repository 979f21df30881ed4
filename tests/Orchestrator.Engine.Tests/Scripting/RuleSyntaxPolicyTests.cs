using Orchestrator.Engine.Scripting;

namespace Orchestrator.Engine.Tests.Scripting;

/// <summary>Syntax a rule does not need, and the size and nesting limits, all refused before the compiler binds the rule.</summary>
[TestFixture]
public sealed class RuleSyntaxPolicyTests
{
    private static readonly RuleCompiler Compiler = new(cacheDirectory: null);

    private static RuleCompilationException Refused(string text) =>
        Assert.Throws<RuleCompilationException>(() =>
            Compiler.CompileStop(RuleSource.Inline(RuleKind.Stop, text), typeof(RuleGlobals)))!;

    [TestCase("class C { } return true;", "rules.stop:1:1: a type declaration", TestName = "a class")]
    [TestCase("return new R(1).GetHashCode() > 0;\nrecord R(int A) { public override int GetHashCode() => new R(A).GetHashCode(); }", "rules.stop:2:1: a type declaration", TestName = "a record with a cyclic hash code")]
    [TestCase("return new C().X != null;\nclass C { public C X = new C(); }", "rules.stop:2:1: a type declaration", TestName = "a field initializer that constructs its own type")]
    [TestCase("async void Boom() { throw new Exception(); }\nBoom(); return true;", "rules.stop:1:1: async", TestName = "an async void local function that throws")]
    [TestCase("Action a = async () => throw new Exception();\na(); return true;", "rules.stop:1:12: async", TestName = "an async void lambda that throws")]
    [TestCase("await System.Threading.Tasks.Task.Yield(); return true;", "rules.stop:1:1: await", TestName = "await")]
    [TestCase("unsafe { int x = 1; int* p = &x; } return true;", "rules.stop:1:1: unsafe code", TestName = "an unsafe block")]
    [TestCase("bool F() { Span<int> s = stackalloc int[10]; return s.Length > 0; } return F();", "rules.stop:1:26: stackalloc", TestName = "stackalloc")]
    [TestCase("[Obsolete] bool F() => true;\nreturn F();", "rules.stop:1:1: an attribute", TestName = "an attribute")]
    [TestCase("static extern int getpid(); return getpid() > 0;", "rules.stop:1:1: extern", TestName = "extern")]
    [TestCase("#if DEBUG\nreturn true;\n#endif\nreturn false;", "rules.stop:1:1: #if is not allowed", TestName = "a preprocessor directive")]
    [TestCase("#r \"System.IO.dll\"\nreturn true;", "rules.stop:1:1: #r is not allowed", TestName = "#r")]
    [TestCase("#load \"other.csx\"\nreturn true;", "rules.stop:1:1: #load is not allowed", TestName = "#load")]
    [TestCase("return typeof(RuleGlobals).Name.Length > 0;", "rules.stop:1:8: typeof", TestName = "typeof")]
    [TestCase("var o = new object(); lock (o) { } return true;", "rules.stop:1:23: lock", TestName = "lock")]
    [TestCase("public static int X = 1; return X > 0;", "rules.stop:1:1: a modifier", TestName = "a field with modifiers")]
    public void Syntax_a_rule_does_not_need_is_refused(string text, string expected)
    {
        var e = Refused(text);
        Assert.That(e.Message, Does.StartWith(expected));
        Assert.That(e.Message, Does.Contain("is not allowed in a rule"));
    }

    [Test]
    public void A_rule_over_the_size_limit_is_refused_before_it_is_parsed()
    {
        // 50,000 terms: what took the compiler 27 s and ended in a stack trace.
        var text = "Iteration" + string.Concat(Enumerable.Repeat(" + 1", 50_000)) + " > 0";

        var e = Refused(text);

        Assert.That(e.Message, Is.EqualTo(
            "rules.stop: the rule is 200,013 characters long; the limit is 65,536 (a rule decides from its globals: keep it short)"));
    }

    [Test]
    public void A_rule_nested_past_the_limit_is_refused_with_the_place_and_the_limit()
    {
        var text = "Iteration" + string.Concat(Enumerable.Repeat("+1", 2_000)) + " > 0";

        var e = Refused(text);

        Assert.That(e.Diagnostics, Has.Count.EqualTo(1));
        Assert.That(e.Message, Does.StartWith("rules.stop:1:11: the rule nests 2,004 levels deep here").And.EndWith("the limit is 256 (split the expression with local variables)"));
    }

    [Test]
    public void A_long_ordinary_rule_is_still_accepted()
    {
        var text = string.Join("\n", Enumerable.Range(0, 200).Select(i => $"var v{i} = Iteration + {i};")) + "\nreturn v199 > 200;";
        Assert.That(Compiler.CompileStop(RuleSource.Inline(RuleKind.Stop, text), typeof(RuleGlobals)).Evaluate(RuleTestData.Globals(2)), Is.True);
    }

    [Test]
    public void A_rule_file_that_is_not_a_regular_file_is_refused_without_being_opened()
    {
        Assume.That(OperatingSystem.IsWindows(), Is.False, "FIFOs are a Unix thing");
        using var folder = RuleTestData.Folder();
        var fifo = Path.Combine(folder.Path, "pipe.csx");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo])) mkfifo.WaitForExit();
        var directory = Path.Combine(folder.Path, "folder.csx");
        Directory.CreateDirectory(directory);

        Assert.That(Assert.Throws<RuleCompilationException>(() => RuleSource.FromFile(fifo))!.Message,
            Is.EqualTo($"{fifo}: cannot read the rule: it is a FIFO (named pipe), not a regular file"));
        Assert.That(Assert.Throws<RuleCompilationException>(() => RuleSource.FromFile(directory))!.Message,
            Is.EqualTo($"{directory}: cannot read the rule: it is a directory, not a regular file"));
    }

    [Test]
    public void A_rule_file_of_megabytes_is_refused_before_it_is_read()
    {
        using var folder = RuleTestData.Folder();
        var path = folder.Write("huge.csx", "return " + string.Concat(Enumerable.Repeat("Iteration > 0 || ", 200_000)) + "false;");

        var e = Assert.Throws<RuleCompilationException>(() => RuleSource.FromFile(path))!;

        Assert.That(e.Message, Is.EqualTo($"{path}: cannot read the rule: the file is 3,400,013 bytes long; a rule is at most 65,536 characters"));
    }
}
