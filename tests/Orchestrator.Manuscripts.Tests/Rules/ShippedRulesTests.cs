using Orchestrator.Engine.Dataflow;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Engine.Scripting;
using Orchestrator.Manuscripts.Requirements;
using Orchestrator.Manuscripts.Rules;

namespace Orchestrator.Manuscripts.Tests.Rules;

/// <summary>
/// Every example rule in <c>pipelines/rules</c> compiles against <see cref="NovelRuleGlobals"/> and
/// decides what its header says. Each rule is compiled once for the fixture (a cold compile costs
/// seconds), into a temporary disk cache that the pipeline test then loads from.
/// </summary>
[TestFixture]
public sealed class ShippedRulesTests
{
    private static readonly string RulesFolder = FindRulesFolder();

    private string _cache = "";
    private readonly Dictionary<string, CompiledRule> _rules = new(StringComparer.Ordinal);

    [OneTimeSetUp]
    public void CompileEveryShippedRule()
    {
        _cache = Path.Combine(Path.GetTempPath(), "orchestrator-shipped-rules-" + Guid.NewGuid().ToString("N"));
        var compiler = new RuleCompiler(_cache);
        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(RulesFolder, "*.csx").Order(StringComparer.Ordinal))
        {
            var source = RuleSource.FromFile(file);
            try
            {
                _rules[Path.GetFileName(file)] = KindOf(source) switch
                {
                    RuleKind.Stop => compiler.CompileStop<NovelRuleGlobals>(source),
                    RuleKind.Select => compiler.CompileSelect<NovelRuleGlobals>(source),
                    _ => throw new InvalidOperationException(),
                };
            }
            catch (Exception e) when (e is RuleCompilationException or InvalidDataException)
            {
                problems.Add(e.Message);
            }
        }
        Assert.That(problems, Is.Empty, "every shipped rule compiles and says in its first line whether it is a stop or a select rule");
    }

    [OneTimeTearDown]
    public void DeleteTheCache()
    {
        if (Directory.Exists(_cache)) Directory.Delete(_cache, recursive: true);
    }

    [Test]
    public void Every_shipped_rule_is_compiled_and_evaluated_here()
    {
        Assert.That(_rules.Keys, Is.EquivalentTo(new[]
        {
            "one-pass-for-samples.csx", "skip-slow-when-late.csx", "stop-after-two.csx",
            "stop-when-good-enough.csx", "structure-first.csx",
        }), "a new example rule needs its cases in this fixture");
        Assert.That(_rules.Values.Select(r => r.GlobalsType), Has.All.EqualTo(typeof(NovelRuleGlobals)));
    }

    [Test]
    public void Every_shipped_rule_says_what_it_does_and_how_to_use_it()
    {
        foreach (var file in Directory.EnumerateFiles(RulesFolder, "*.csx"))
        {
            var text = File.ReadAllText(file);
            var kind = KindOf(new RuleSource(file, text)) == RuleKind.Stop ? "stop" : "select";
            Assert.That(text, Does.Contain($"\"rules\": {{ \"{kind}\": \"rules/{Path.GetFileName(file)}\" }}"), file);
        }
    }

    [TestCase(0.85, new[] { 0.85 }, true, TestName = "good enough: stops at the threshold in the first iteration")]
    [TestCase(0.79, new[] { 0.79 }, false, TestName = "good enough: just below the threshold goes on")]
    [TestCase(0.6, new[] { 0.5, 0.6, 0.6 }, false, TestName = "good enough: three iterations are too few to judge the gain")]
    [TestCase(0.61, new[] { 0.5, 0.6, 0.6, 0.61 }, false, TestName = "good enough: a gain in the last three goes on")]
    [TestCase(0.6, new[] { 0.5, 0.6, 0.6, 0.58, 0.6 }, true, TestName = "good enough: three iterations without a gain stop")]
    [TestCase(0.59, new[] { 0.6, 0.5, 0.55, 0.59 }, true, TestName = "good enough: a recovery that does not pass the earlier best stops")]
    public void Stop_when_good_enough(double quality, double[] history, bool stops)
    {
        var globals = Novel(new RuleGlobals
        {
            Iteration = history.Length,
            Quality = quality,
            QualityHistory = history,
            Settings = new PipelineSettings { QualityThreshold = 0.8 },
        });

        Assert.That(Stop("stop-when-good-enough.csx").Evaluate(globals), Is.EqualTo(stops));
    }

    [Test]
    public void Structure_first_runs_structure_alone_while_it_is_a_candidate_then_the_rest_in_order()
    {
        var rule = Select("structure-first.csx");

        Assert.That(rule.Evaluate(Novel(Engine(1, "structure", "style", "characters", "pacing"))), Is.EqualTo(new[] { "structure" }));
        Assert.That(rule.Evaluate(Novel(Engine(2, "style", "characters", "pacing"))), Is.EqualTo(new[] { "style", "characters", "pacing" }));
        Assert.That(rule.Evaluate(Novel(Engine(3))), Is.Empty);
    }

    [Test]
    public void Skip_slow_when_late_keeps_everything_early_and_drops_the_slow_ones_late()
    {
        var rule = Select("skip-slow-when-late.csx");
        var nodes = new Dictionary<string, RuleNodeState>
        {
            ["style"] = Ran(TimeSpan.FromSeconds(45)),
            ["pacing"] = Ran(TimeSpan.FromSeconds(30)),
            ["characters"] = Ran(TimeSpan.FromSeconds(5)),
            ["themes"] = new(),
        };
        RuleGlobals At(TimeSpan elapsed) => new()
        {
            Iteration = 3,
            Candidates = Candidates("style", "characters", "pacing", "themes", "consistency"),
            Nodes = nodes,
            Elapsed = elapsed,
            Settings = new PipelineSettings { SessionTimeout = TimeSpan.FromMinutes(30) },
        };

        Assert.That(rule.Evaluate(Novel(At(TimeSpan.FromMinutes(15)))),
            Is.EqualTo(new[] { "style", "characters", "pacing", "themes", "consistency" }), "half the budget is not yet late");
        Assert.That(rule.Evaluate(Novel(At(TimeSpan.FromMinutes(16)))),
            Is.EqualTo(new[] { "characters", "themes", "consistency" }), "30 s counts as slow; never run and unknown nodes are kept");
    }

    [TestCase(1, false)]
    [TestCase(2, true)]
    [TestCase(3, true)]
    public void Stop_after_two(int iteration, bool stops)
    {
        Assert.That(Stop("stop-after-two.csx").Evaluate(Novel(Engine(iteration))), Is.EqualTo(stops));
    }

    [TestCase(3_000, null, true, TestName = "samples: 3,000 words with no target is a sample")]
    [TestCase(90_000, null, false, TestName = "samples: a 90,000-word book with no target goes on")]
    [TestCase(8_000, 100_000, true, TestName = "samples: 8,000 words of a 100,000-word target is a sample")]
    [TestCase(12_000, 100_000, false, TestName = "samples: 12,000 words of a 100,000-word target goes on")]
    [TestCase(5_000, null, false, TestName = "samples: exactly 5,000 words is not a sample")]
    public void One_pass_for_samples(int words, int? target, bool stops)
    {
        var globals = new NovelRuleGlobals(Engine(1),
            new ManuscriptRequirements { Genre = "literary", TargetLength = target },
            new ManuscriptFacts("Sample", words, 3, 9, 0));

        Assert.That(Stop("one-pass-for-samples.csx").Evaluate(globals), Is.EqualTo(stops));
    }

    [Test]
    public void NovelRules_compiles_a_pipelines_rule_files_relative_to_it_and_finds_them_in_the_disk_cache()
    {
        var pipeline = new PipelineDefinition
        {
            Name = "examples",
            Nodes = [],
            Rules = new RulesDefinition { Select = "rules/structure-first.csx", Stop = "rules/stop-after-two.csx" },
            SourcePath = Path.Combine(Path.GetDirectoryName(RulesFolder)!, "examples.json"),
        };

        var rules = NovelRules.Compile(pipeline, _cache);

        Assert.That(rules.Select!.Name, Is.EqualTo(Path.Combine(RulesFolder, "structure-first.csx")));
        Assert.That(rules.Stop!.Name, Is.EqualTo(Path.Combine(RulesFolder, "stop-after-two.csx")));
        Assert.That(new[] { rules.Select.Origin, rules.Stop.Origin }, Has.All.EqualTo(RuleOrigin.DiskCache),
            "compiled by the fixture into the same cache folder: loaded without the compiler");
        Assert.That(rules.Stop.Evaluate(Novel(Engine(2))), Is.True);
    }

    [Test]
    public void NovelRules_gives_no_rules_for_a_pipeline_without_them()
    {
        var pipeline = new PipelineDefinition { Name = "plain", Nodes = [] };

        Assert.That(NovelRules.Compile(pipeline, _cache), Is.SameAs(PipelineRules.None));
    }

    private StopRule Stop(string name) => (StopRule)_rules[name];

    private SelectRule Select(string name) => (SelectRule)_rules[name];

    private static RuleGlobals Engine(int iteration, params string[] candidates) => new()
    {
        Iteration = iteration,
        Candidates = Candidates(candidates),
    };

    private static RuleCandidate[] Candidates(params string[] ids) =>
        ids.Select((node, i) => new RuleCandidate(node, 5.0 - i, "not run yet", 1)).ToArray();

    private static NovelRuleGlobals Novel(RuleGlobals engine) =>
        new(engine, ManuscriptRequirements.None, new ManuscriptFacts("A Novel", 85_000, 24, 70, 0));

    private static RuleNodeState Ran(TimeSpan duration) =>
        new(ActionStatus.Succeeded, 0.7, 1, null, duration, new Dictionary<string, double>());

    /// <summary>The kind a shipped rule declares in its first line: <c>// Stop rule:</c> or <c>// Select rule:</c>.</summary>
    private static RuleKind KindOf(RuleSource source)
    {
        var first = source.Text.AsSpan()[..Math.Max(0, source.Text.IndexOf('\n'))];
        if (first.StartsWith("// Stop rule:", StringComparison.Ordinal)) return RuleKind.Stop;
        if (first.StartsWith("// Select rule:", StringComparison.Ordinal)) return RuleKind.Select;
        throw new InvalidDataException($"{source.Name}: the first line must start with '// Stop rule:' or '// Select rule:'");
    }

    private static string FindRulesFolder()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "pipelines", "rules");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(directory.FullName, "pipeline.schema.json"))) return candidate;
        }
        throw new DirectoryNotFoundException("pipelines/rules not found above the test directory");
    }
}
