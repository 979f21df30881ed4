using System.Globalization;
using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Manuscripts.Narration;

namespace Orchestrator.Manuscripts.Characters;

/// <summary>
/// The options of the <c>characters</c> node, read from the node's <c>options</c> object. Every option is
/// optional; see <see cref="CharactersNode"/> for what each one does.
/// </summary>
public sealed record CharactersOptions
{
    public static readonly CharactersOptions Default = new();

    /// <summary><c>castSize</c>: how many top characters get per-chapter series and cast figures (default 12, 1–64).</summary>
    public int CastSize { get; init; } = 12;

    /// <summary><c>majorCast</c>: how many top characters count as major for the absence and silence checks (default 5).</summary>
    public int MajorCast { get; init; } = 5;

    /// <summary><c>minMentions</c>: fewest mentions for a name to count as a character (default 3).</summary>
    public int MinMentions { get; init; } = 3;

    /// <summary><c>absenceChapters</c>: a major character unnamed for this many consecutive chapters after their
    /// first appearance is reported (default 10).</summary>
    public int AbsenceChapters { get; init; } = 10;

    /// <summary><c>absenceShare</c>: the absence must also span at least this share of the book's words, so a run of
    /// short chapters is not a long absence (default 0.10, in [0, 1]).</summary>
    public double AbsenceShare { get; init; } = 0.10;

    /// <summary><c>openingMaxCharacters</c>: more characters than this introduced in the opening chapter is reported (default 8).</summary>
    public int OpeningMaxCharacters { get; init; } = 8;

    /// <summary><c>minAttributedLines</c>: fewest attributed lines of dialogue in the book before "never speaks" is
    /// judged (default 20; below it, attribution is too sparse to tell).</summary>
    public int MinAttributedLines { get; init; } = 20;

    /// <summary><c>mergeDominance</c>: the share of a name word's uses one person must hold for a bare name to be
    /// merged into them (default 0.75, in [0.5, 1]).</summary>
    public double MergeDominance { get; init; } = 0.75;

    /// <summary><c>firstPersonThreshold</c>: narration whose first-person share reaches this is first person, and its
    /// narrator joins the cast (default <see cref="NarrationVoice.DefaultFirstPersonThreshold"/>, as the consistency node's).</summary>
    public double FirstPersonThreshold { get; init; } = NarrationVoice.DefaultFirstPersonThreshold;

    /// <summary><c>topPairs</c>: how many co-occurring pairs of cast members to list (default 10, 0–50).</summary>
    public int TopPairs { get; init; } = 10;

    /// <summary>Reads the options, checking kinds and ranges; a wrong value is an <see cref="InvalidNodeInputException"/>.</summary>
    public static CharactersOptions From(NodeOptions options)
    {
        return NodeOptionsReader.Read(options, Default, () =>
        {
            var result = new CharactersOptions
            {
                CastSize = options.GetInt("castSize", Default.CastSize),
                MajorCast = options.GetInt("majorCast", Default.MajorCast),
                MinMentions = options.GetInt("minMentions", Default.MinMentions),
                AbsenceChapters = options.GetInt("absenceChapters", Default.AbsenceChapters),
                AbsenceShare = options.GetDouble("absenceShare", Default.AbsenceShare),
                OpeningMaxCharacters = options.GetInt("openingMaxCharacters", Default.OpeningMaxCharacters),
                MinAttributedLines = options.GetInt("minAttributedLines", Default.MinAttributedLines),
                MergeDominance = options.GetDouble("mergeDominance", Default.MergeDominance),
                TopPairs = options.GetInt("topPairs", Default.TopPairs),
                FirstPersonThreshold = options.GetDouble("firstPersonThreshold", Default.FirstPersonThreshold),
            };
            result.Check();
            return result;
        });
    }

    private void Check()
    {
        NodeOptionsReader.Require(CastSize is >= 1 and <= 64, "castSize", "between 1 and 64", CastSize);
        NodeOptionsReader.Require(MajorCast >= 1 && MajorCast <= CastSize, "majorCast", $"between 1 and castSize ({CastSize})", MajorCast);
        NodeOptionsReader.Require(MinMentions >= 1, "minMentions", "at least 1", MinMentions);
        NodeOptionsReader.Require(AbsenceChapters >= 2, "absenceChapters", "at least 2", AbsenceChapters);
        NodeOptionsReader.Require(AbsenceShare is >= 0 and <= 1, "absenceShare", "in [0, 1]", AbsenceShare);
        NodeOptionsReader.Require(OpeningMaxCharacters >= 1, "openingMaxCharacters", "at least 1", OpeningMaxCharacters);
        NodeOptionsReader.Require(MinAttributedLines >= 0, "minAttributedLines", "0 or more", MinAttributedLines);
        NodeOptionsReader.Require(MergeDominance is >= 0.5 and <= 1, "mergeDominance", "in [0.5, 1]", MergeDominance);
        NodeOptionsReader.Require(TopPairs is >= 0 and <= 50, "topPairs", "between 0 and 50", TopPairs);
        NodeOptionsReader.Require(FirstPersonThreshold > 0 && FirstPersonThreshold < 1, "firstPersonThreshold", "between 0 and 1", FirstPersonThreshold);
    }

}
