using Orchestrator.Engine.Nodes;
using Orchestrator.Manuscripts.Characters;
using Orchestrator.Manuscripts.Text;
using M = Orchestrator.Manuscripts.Characters.CharactersMetrics;

namespace Orchestrator.Manuscripts.Tests.Characters;

/// <summary>Small inline books for the character tests, and readers of the node's cast layout.</summary>
internal static class CharacterBooks
{
    /// <summary>Every name counts (minMentions 1), so tiny texts show what detection does.</summary>
    public static readonly CharactersOptions EveryName = new() { MinMentions = 1 };

    /// <summary>A book of chapters "Chapter 1".."Chapter n"; paragraphs inside a chapter are separated by blank lines.</summary>
    public static ManuscriptDocument Book(params string[] chapters) =>
        TextIndexer.Build(string.Concat(chapters.Select((c, i) => $"Chapter {i + 1}\n\n{c.Trim()}\n\n")), "Test", "hash");

    public static NodeResult Analyse(ManuscriptDocument document, CharactersOptions? options = null) =>
        CharactersNode.Analyse(document, options ?? EveryName);

    public static NodeResult Analyse(string prose, CharactersOptions? options = null) => Analyse(Book(prose), options);

    public static string[] Cast(this NodeResult result) => result.Labels[M.CastLabels].ToArray();

    public static int RankOf(this NodeResult result, string name)
    {
        var rank = Array.IndexOf(result.Cast(), name);
        Assert.That(rank, Is.GreaterThanOrEqualTo(0), $"'{name}' is not in the cast: {string.Join(", ", result.Cast())}");
        return rank;
    }

    public static double Mentions(this NodeResult result, string name) => result.Series[M.CastMentionsSeries][result.RankOf(name)];

    public static double Lines(this NodeResult result, string name) => result.Series[M.CastLinesSeries][result.RankOf(name)];

    public static string[] VariantsOf(this NodeResult result, string name) =>
        result.Labels[M.CastVariantsLabels][result.RankOf(name)].Split(" | ");

    public static double[] PerChapter(this NodeResult result, string name) =>
        result.Series[M.MentionsSeries(result.RankOf(name) + 1)].ToArray();
}
