using Orchestrator.Engine.Scripting;

namespace Orchestrator.Engine.Tests.Scripting;

/// <summary>The allow-list: what a rule may name, checked on the semantic model against a minimal reference set.</summary>
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

    /// <summary>
    /// Each route the hostile tests used to write or read files, reach the network or start a
    /// process. The rule is called when (wrongly) it compiles, so that a route the guard let
    /// through would show its effect: the target file must not exist afterwards.
    /// </summary>
    [TestCase("""new System.Xml.Linq.XElement("a").Save(TARGET); return true;""", "CS0234", TestName = "XML Save")]
    [TestCase("""var r = new System.Xml.XmlUrlResolver(); return r.GetEntity(new Uri("file:///etc/passwd"), null, null) != null;""", "CS0234", TestName = "an XML URL resolver")]
    [TestCase("""var x = new System.Xml.Xsl.XsltArgumentList(); x.AddExtensionObject("urn:x", TARGET); return true;""", "CS0234", TestName = "an XSLT extension object")]
    [TestCase("""return System.ComponentModel.TypeDescriptor.GetConverter(TARGET) != null;""", "CS0234", TestName = "TypeDescriptor")]
    [TestCase("""var l = new System.Diagnostics.TextWriterTraceListener(TARGET); l.WriteLine("x"); l.Flush(); return true;""", "CS0234", TestName = "a trace listener")]
    [TestCase("""return System.Diagnostics.FileVersionInfo.GetVersionInfo(TARGET) != null;""", "CS0234", TestName = "FileVersionInfo")]
    [TestCase("""return System.Diagnostics.Process.Start("/bin/sh", "-c 'touch " + TARGET + "'") != null;""", "CS0234", TestName = "a process")]
    [TestCase("""System.IO.File.WriteAllText(TARGET, "x"); return true;""", "'System.IO.File.WriteAllText'", TestName = "System.IO in the core library")]
    [TestCase("""var w = new System.IO.StreamWriter(TARGET); w.Write("x"); w.Dispose(); return true;""", "'System.IO.StreamWriter' is not allowed in a rule: files and streams", TestName = "a stream writer")]
    [TestCase("""var t = Quality.GetType(); return t.Assembly != null && TARGET != null;""", "'object.GetType' is not allowed in a rule: reflection (System.Type)", TestName = "reflection through GetType")]
    public void Routes_out_of_a_rule_are_refused_and_have_no_effect(string template, string expected)
    {
        using var folder = RuleTestData.Folder();
        var target = Path.Combine(folder.Path, "escaped.txt");
        var text = template.Replace("TARGET", "\"" + target + "\"", StringComparison.Ordinal);

        var e = Assert.Throws<RuleCompilationException>(() =>
        {
            var rule = Compiler.CompileStop(RuleSource.Inline(RuleKind.Stop, text), typeof(RuleGlobals));
            rule.Evaluate(RuleTestData.Globals());
        })!;

        Assert.That(e.Message, Does.StartWith("rules.stop:1:").And.Contain(expected));
        Assert.That(File.Exists(target), Is.False);
    }

    [TestCase("""Environment.GetEnvironmentVariable("HOME") != null""", "'System.Environment.GetEnvironmentVariable'", "the environment")]
    [TestCase("""Type.GetType("System.IO.File") != null""", "'System.Type.GetType'", "reflection (System.Type)")]
    [TestCase("""AppDomain.CurrentDomain != null""", "'System.AppDomain.CurrentDomain'", "the process")]
    [TestCase("""GC.GetTotalMemory(false) > 0""", "'System.GC.GetTotalMemory'", "the garbage collector")]
    [TestCase("""System.Threading.Tasks.Task.Delay(-1).Wait(); return true;""", "rules.stop:1:1: 'System.Threading.Tasks.Task.Delay'", "threads")]
    [TestCase("""System.Threading.Thread.Sleep(1000); return true;""", "'System.Threading.Thread.Sleep'", "threads")]
    [TestCase("""System.Runtime.InteropServices.Marshal.SizeOf<int>() > 0""", "'System.Runtime.InteropServices.Marshal.SizeOf'", "runtime internals")]
    [TestCase("""DateTime.UtcNow.Year > 2000""", "'System.DateTime.UtcNow'", "the clock")]
    [TestCase("""Func<int> f = () => 1; return f.DynamicInvoke() != null;""", "'System.Delegate.DynamicInvoke'", "reflection")]
    [TestCase("""Func<int> f = () => 1; return f.Method != null;""", "'System.Delegate.Method'", "reflection")]
    [TestCase("""var a = new object[1]; a[0] = a; return System.Collections.StructuralComparisons.StructuralEqualityComparer.GetHashCode(a) > 0;""",
        "'System.Collections.StructuralComparisons.StructuralEqualityComparer'", "outside what rules may use")]
    [TestCase("""var a = new object[1]; return ((System.Collections.IStructuralEquatable)a).GetHashCode(null!) > 0;""", "System.Collections.IStructuralEquatable", "outside what rules may use")]
    [TestCase("""Regex.IsMatch("aaaa", "(a+)+$")""", "'System.Text.RegularExpressions.Regex.IsMatch'", "without a match timeout")]
    [TestCase("""new Regex("(a+)+$").IsMatch("aaaa")""", "'new System.Text.RegularExpressions.Regex'", "without a match timeout")]
    [TestCase("""new Regex("a", RegexOptions.None, Regex.InfiniteMatchTimeout).IsMatch("a")""", "'System.Text.RegularExpressions.Regex.InfiniteMatchTimeout'", "without a match timeout")]
    [TestCase("""dynamic d = Quality; return d > 0;""", "'dynamic'", "dynamic")]
    [TestCase("""RuleGuard.Exit(); return true;""", "'Orchestrator.Engine.Scripting.RuleGuard.Exit'", "a rule sees only its globals")]
    [TestCase("""Orchestrator.Engine.Pipelines.PipelineDuration.Parse("00:00:01") > TimeSpan.Zero""", "'Orchestrator.Engine.Pipelines.PipelineDuration.Parse'", "a rule sees only its globals")]
    [TestCase("""Console.ReadLine() == "y" """, "CS0103: The name 'Console' does not exist", "")]
    public void Symbols_outside_the_allow_list_are_refused(string text, string api, string why)
    {
        var e = Refused(text);
        Assert.That(e.Message, Does.Contain(api).And.Contain(why));
        Assert.That(e.Message, Does.StartWith("rules.stop:1:"));
    }

    [Test]
    public void Every_refused_use_is_reported_in_order()
    {
        var e = Refused("var a = Environment.ProcessorCount;\nvar b = System.IO.Path.GetTempPath();\nreturn a > 0 && b != null;");
        Assert.That(e.Diagnostics.Select(d => (d.Line, d.Column)), Is.EqualTo(new (int?, int?)[] { (1, 9), (2, 9) }));
    }

    [Test]
    public void What_the_allow_list_names_is_allowed()
    {
        var rule = Compiler.CompileStop(RuleSource.Inline(RuleKind.Stop, """
            var sb = new StringBuilder();
            foreach (var (node, state) in Nodes.OrderBy(n => n.Key)) sb.Append(node).Append(state.Status?.ToString() ?? "-").Append(';');
            var stats = QualityHistory.Select(q => Math.Round(q, 2)).ToArray();
            var ids = new HashSet<string>(Candidates.Select(c => c.Node));
            var byScore = (from s in Scores where s.Value > 0.5 orderby s.Key select s.Key).ToList();
            var pair = (Name: "style", Count: 2);
            var words = new Regex(@"\w+", RegexOptions.None, TimeSpan.FromMilliseconds(100)).Matches("two words").Count;
            var late = Elapsed > TimeSpan.FromSeconds(10) && Regex.IsMatch("abc", "b", RegexOptions.None, TimeSpan.FromMilliseconds(50));
            return sb.Length > 0 && stats.Length == 2 && ids.Count == 0 && byScore.SequenceEqual(new[] { "style" }) && pair.Count == words
                && late && string.Join(",", Scores.Keys.Order()) == "structure,style" && Settings with { MaxIterations = 9 } is { MaxIterations: 9 }
                && Nodes["style"].Status == ActionStatus.Failed && int.Parse("12") + Math.Max(1, 2) == 14;
            """), typeof(RuleGlobals));
        Assert.That(rule.Evaluate(RuleTestData.Globals()), Is.True);
    }
}
