using Orchestrator.Engine.Scripting;

namespace Orchestrator.Engine.Tests.Scripting;

[TestFixture]
public sealed class RulePolicyTests
{
    private static readonly RuleCompiler Compiler = new(cacheDirectory: null);

    private static RuleCompilationException Refused(string text) =>
        Assert.Throws<RuleCompilationException>(() =>
            Compiler.CompileStop(RuleSource.Inline(RuleKind.Stop, text), typeof(RuleGlobals)))!;

    [Test]
    public void Reading_a_file_is_refused_at_compile_time_with_the_api_and_its_position()
    {
        var e = Refused("""System.IO.File.ReadAllText("/etc/passwd").Length > 0""");
        Assert.That(e.Message, Is.EqualTo(
            "rules.stop:1:1: 'System.IO.File.ReadAllText' is not allowed in a rule: files and streams (System.IO) (rules decide from their globals, they do not act)"));
    }

    [Test]
    public void A_file_api_reached_through_a_using_directive_is_refused_where_it_is_used()
    {
        using var folder = RuleTestData.Folder();
        var path = folder.Write("stop.csx", "using System.IO;\nvar ok = Quality > 0.5;\nreturn ok && File.Exists(\"done\");\n");
        var e = Assert.Throws<RuleCompilationException>(() => Compiler.CompileStop(RuleSource.FromFile(path), typeof(RuleGlobals)))!;
        Assert.That(e.Diagnostics.Single().ToString(), Does.StartWith($"{path}:3:14: 'System.IO.File.Exists' is not allowed in a rule: files"));
    }

    [TestCase("""System.Diagnostics.Process.Start("rm").Id > 0""", "'System.Diagnostics.Process.Start'", "processes")]
    [TestCase("""new System.Net.Http.HttpClient() != null""", "'new System.Net.Http.HttpClient'", "the network")]
    [TestCase("""Environment.GetEnvironmentVariable("HOME") != null""", "'System.Environment.GetEnvironmentVariable'", "the environment")]
    [TestCase("""typeof(RuleGlobals).GetMethods().Length > 0""", "'System.Type.GetMethods'", "reflection")]
    [TestCase("""Type.GetType("System.IO.File") != null""", "'System.Type.GetType'", "reflection (Type.GetType")]
    [TestCase("""Activator.CreateInstance(typeof(object)) != null""", "'System.Activator.CreateInstance'", "reflection (System.Activator)")]
    [TestCase("""System.Reflection.Assembly.Load("x") != null""", "'System.Reflection.Assembly.Load'", "reflection")]
    [TestCase("""AppDomain.CurrentDomain != null""", "'System.AppDomain.CurrentDomain'", "the process")]
    [TestCase("""System.Threading.Thread.Sleep(1000); return true;""", "'System.Threading.Thread.Sleep'", "threads")]
    [TestCase("""System.Threading.Tasks.Task.Delay(-1).Wait(); return true;""", "rules.stop:1:1: 'System.Threading.Tasks.Task.Delay'", "threads")]
    [TestCase("""var t = typeof(RuleGlobals); return t.Assembly.GetTypes().Length > 0;""", "rules.stop:1:39: 'System.Type.Assembly'", "reflection")]
    [TestCase("""System.Runtime.InteropServices.Marshal.SizeOf<int>() > 0""", "'System.Runtime.InteropServices.Marshal.SizeOf'", "native code")]
    [TestCase("""Console.ReadLine() == "y" """, "'System.Console.ReadLine'", "the console")]
    [TestCase("""System.Text.RegularExpressions.Regex.IsMatch("a", "a")""", "'System.Text.RegularExpressions.Regex.IsMatch'", "regular expressions")]
    [TestCase("""dynamic d = Quality; return d > 0;""", "'dynamic'", "dynamic")]
    [TestCase("""bool F() { Span<int> s = stackalloc int[10]; return s.Length > 0; } return F();""", "stackalloc", "overflows the stack")]
    [TestCase("""[System.Runtime.InteropServices.DllImport("libc")] static extern int getpid(); return getpid() > 0;""", "extern", "native code")]
    [TestCase("""class C { ~C() { } } return true;""", "a finalizer", "finalizer thread")]
    [TestCase("""RuleGuard.Exit(); return true;""", "'Orchestrator.Engine.Scripting.RuleGuard.Exit'", "a rule sees only its globals")]
    [TestCase("""Orchestrator.Engine.Pipelines.PipelineDuration.Parse("00:00:01") > TimeSpan.Zero""", "'Orchestrator.Engine.Pipelines.PipelineDuration.Parse'", "a rule sees only its globals")]
    public void Apis_that_act_are_refused(string text, string api, string why)
    {
        var e = Refused(text);
        Assert.That(e.Message, Does.Contain(api).And.Contain(why));
        Assert.That(e.Message, Does.StartWith("rules.stop:1:"));
    }

    [Test]
    public void Every_forbidden_use_is_reported_in_order()
    {
        var e = Refused("var a = Environment.ProcessorCount;\nvar b = System.IO.Path.GetTempPath();\nreturn a > 0 && b != null;");
        Assert.That(e.Diagnostics.Select(d => (d.Line, d.Column)), Is.EqualTo(new (int?, int?)[] { (1, 9), (2, 9) }));
    }

    [TestCase("#r \"System.IO.dll\"\nreturn true;", "#r")]
    [TestCase("#load \"other.csx\"\nreturn true;", "#load")]
    public void Directives_that_read_files_are_refused(string text, string directive)
    {
        var e = Refused(text);
        Assert.That(e.Message, Does.StartWith($"rules.stop:1:1: {directive} is not allowed in a rule"));
    }

    [Test]
    public void Ordinary_library_code_is_allowed()
    {
        var rule = Compiler.CompileStop(RuleSource.Inline(RuleKind.Stop, """
            var sb = new StringBuilder();
            foreach (var (node, state) in Nodes.OrderBy(n => n.Key)) sb.Append(node).Append(state.Status?.ToString() ?? "-").Append(';');
            var stats = QualityHistory.Select(q => Math.Round(q, 2)).ToArray();
            var ids = new HashSet<string>(Candidates.Select(c => c.Node));
            return sb.Length > 0 && stats.Length == 2 && ids.Count == 0 && GetType() != null && DateTime.UtcNow.Year > 2000
                && string.Join(",", Scores.Keys.Order()) == "structure,style" && Settings with { MaxIterations = 9 } is { MaxIterations: 9 };
            """), typeof(RuleGlobals));
        Assert.That(rule.Evaluate(RuleTestData.Globals()), Is.True);
    }
}
