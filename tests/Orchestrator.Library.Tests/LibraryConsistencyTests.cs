using Orchestrator.Engine.Findings;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Manuscripts.Consistency;
using Orchestrator.Manuscripts.Loading;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Library.Tests;

/// <summary>
/// The consistency node against a library built from a small series bible (through SQLite, as a run uses it): a
/// respelled name, a near-duplicate new name and a contradicted trait are found with both places; where the manuscript
/// agrees with the bible there is no finding.
/// </summary>
[TestFixture]
public sealed class LibraryConsistencyTests
{
    private const string Bible = """
        # The Skellan Bible

        ## Chapter 1. People

        The keeper of the light is Elinor Vance. Elinor Vance's eyes are grey, like the sea in March.

        Her brother is Tobias Vance, a fisherman. Tobias was thirty when the storm came. Tobias had brown eyes.

        The harbour master is Marianne Colquhoun, and the doctor is Ambrose Pettigrew.

        ## Chapter 2. Places

        The island is called Skellan. The ferry from Skellan runs twice a week.
        """;

    private const string Respelled = """
        # The Keeper

        ## Chapter 1

        The lamp was lit at dusk. At the top of the tower Elinore wound the clockwork, and the beam began to turn.

        Down at the harbour, Marianne Colquhoun counted the boats. The doctor, Ambrose Pettigrew, was late again.

        ## Chapter 2

        In the morning the new cook arrived on the ferry. Her name was Ambrosia, and she had never seen the sea.

        By noon Tobias Vance was mending nets. Tobias was thirty-four, and his hands were raw. Everyone said Elinore worked too hard.

        That night, in the lamplight, Elinor's eyes were blue.
        """;

    private const string Agreeing = """
        # The Keeper

        ## Chapter 1

        The lamp was lit at dusk. At the top of the tower Elinor wound the clockwork, and the beam began to turn.

        Down at the harbour, Marianne Colquhoun counted the boats. The doctor, Ambrose Pettigrew, was late again.

        ## Chapter 2

        By noon Tobias Vance was mending nets. Tobias was thirty, and his hands were raw. Tobias had brown eyes, like his father.

        That night, in the lamplight, Elinor's eyes were pale grey. The ferry left Skellan at dawn.
        """;

    [Test]
    public async Task A_respelled_name_a_near_duplicate_and_a_contradicted_trait_are_found_with_both_places()
    {
        var result = await AnalyseAsync(Respelled);
        var findings = result.Findings.Where(f => LibraryRules.All.Contains(f.Rule)).ToArray();

        Assert.That(findings.Select(f => f.Rule), Is.EquivalentTo(new[]
        {
            LibraryRules.NameVariant, LibraryRules.NearDuplicateName, LibraryRules.TraitConflict, LibraryRules.TraitConflict,
        }));

        var variant = findings.Single(f => f.Rule == LibraryRules.NameVariant);
        Assert.That(variant.Message, Is.EqualTo("“Elinore” (2 mentions) is written “Elinor” in the library (bible.md, chapter 1, paragraph 1)."));
        Assert.That(variant.Location, Is.EqualTo(new TextLocation(1, 1, Respelled.IndexOf("Elinore", StringComparison.Ordinal), 7)));

        var near = findings.Single(f => f.Rule == LibraryRules.NearDuplicateName);
        Assert.That(near.Message, Does.StartWith("“Ambrosia” is not in the library but is two letters from its “Ambrose” (bible.md, chapter 1, paragraph 3)"));
        Assert.That((near.Location!.Chapter, near.Location.Paragraph), Is.EqualTo((2, 1)));

        var eyes = findings.Single(f => f.Rule == LibraryRules.TraitConflict && f.Message.Contains("eye colour", StringComparison.Ordinal));
        Assert.That(eyes.Message, Is.EqualTo("Elinor's eye colour is “blue” here (chapter 2, paragraph 3), but “grey” in the library " +
            "(bible.md, chapter 1, paragraph 1): “Elinor Vance's eyes are grey, like the sea in March.”"));
        Assert.That((eyes.Location!.Chapter, eyes.Location.Paragraph), Is.EqualTo((2, 3)));

        var age = findings.Single(f => f.Rule == LibraryRules.TraitConflict && f.Message.Contains("age", StringComparison.Ordinal));
        Assert.That(age.Message, Does.StartWith("Tobias's age is “thirty-four” here (chapter 2, paragraph 2), but “thirty” in the library (bible.md, chapter 1, paragraph 2)"));

        Assert.That(result.Metrics[LibraryMetrics.NameVariants], Is.EqualTo(1));
        Assert.That(result.Metrics[LibraryMetrics.NearDuplicateNames], Is.EqualTo(1));
        Assert.That(result.Metrics[LibraryMetrics.TraitConflicts], Is.EqualTo(2));
        Assert.That(result.Metrics[LibraryMetrics.PenaltyLibrary], Is.GreaterThan(0));
    }

    [Test]
    public async Task Where_the_manuscript_agrees_with_the_library_there_is_no_finding()
    {
        var result = await AnalyseAsync(Agreeing);

        Assert.That(result.Findings.Where(f => LibraryRules.All.Contains(f.Rule)), Is.Empty);
        Assert.That(result.Metrics[LibraryMetrics.NameVariants], Is.Zero);
        Assert.That(result.Metrics[LibraryMetrics.NearDuplicateNames], Is.Zero);
        Assert.That(result.Metrics[LibraryMetrics.TraitConflicts], Is.Zero);
        Assert.That(result.Metrics[LibraryMetrics.PenaltyLibrary], Is.Zero);
        Assert.That(result.Metrics[LibraryMetrics.LibraryTraits], Is.EqualTo(3), "Elinor's eyes, Tobias's age and Tobias's eyes");
    }

    [Test]
    public void Without_a_library_the_node_adds_no_library_metric_and_no_stamp()
    {
        var document = ManuscriptLoader.Load("keeper.md", System.Text.Encoding.UTF8.GetBytes(Respelled));
        var result = ConsistencyNode.Analyse(document);
        Assert.That(result.Metrics.Keys, Has.None.StartsWith("library"));
        Assert.That(new ConsistencyNode(new NodeDefinition { Id = "consistency", Type = "consistency" }).InputStamp, Is.Empty);
    }

    [Test]
    public async Task The_library_version_is_the_node_s_input_stamp_and_changes_with_the_library()
    {
        using var folder = new TempFolder();
        await using var library = await LibraryStore.OpenAsync("series", folder.Library("series"), new LibraryOptions { Create = true }, CancellationToken.None);
        var node = new ConsistencyNode(new NodeDefinition { Id = "consistency", Type = "consistency" }, library);
        var empty = node.InputStamp;
        var bible = folder.Write("bible.md", Bible);
        await library.AddAsync(bible, CancellationToken.None);
        var added = node.InputStamp;
        await library.AddAsync(bible, CancellationToken.None);

        Assert.That(empty, Does.StartWith("library series sha256:"));
        Assert.That(added, Is.Not.EqualTo(empty));
        Assert.That(node.InputStamp, Is.EqualTo(added), "an unchanged library keeps the stamp, so results are reused");
    }

    private static async Task<Orchestrator.Engine.Nodes.NodeResult> AnalyseAsync(string manuscript)
    {
        using var folder = new TempFolder();
        await using var library = await LibraryStore.OpenAsync("series", folder.Library("series"), new LibraryOptions { Create = true }, CancellationToken.None);
        await library.AddAsync(folder.Write("bible.md", Bible), CancellationToken.None);
        ManuscriptDocument document = ManuscriptLoader.Load("keeper.md", System.Text.Encoding.UTF8.GetBytes(manuscript));
        return ConsistencyNode.Analyse(document, library: await library.FactsAsync(CancellationToken.None));
    }
}
