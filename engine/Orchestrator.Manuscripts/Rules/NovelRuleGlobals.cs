using Orchestrator.Engine.Scripting;
using Orchestrator.Manuscripts.Requirements;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Rules;

/// <summary>What a novel pipeline's rules see: the engine's globals plus the requirements and the manuscript's facts.</summary>
public class NovelRuleGlobals : RuleGlobals
{
    public NovelRuleGlobals() { }

    public NovelRuleGlobals(RuleGlobals engine, ManuscriptRequirements requirements, ManuscriptFacts manuscript) : base(engine)
    {
        Requirements = requirements;
        Manuscript = manuscript;
    }

    /// <summary>What the run was asked for: genre, target length, themes.</summary>
    public ManuscriptRequirements Requirements { get; init; } = ManuscriptRequirements.None;

    /// <summary>The manuscript being analysed.</summary>
    public ManuscriptFacts Manuscript { get; init; } = new("", 0, 0, 0, 0);
}

/// <summary>The facts of a manuscript a rule may read.</summary>
public sealed record ManuscriptFacts(string Title, int Words, int Chapters, int Scenes, int Parts)
{
    public static ManuscriptFacts From(ManuscriptDocument document) =>
        new(document.Title, document.WordCount, document.Chapters.Count, document.Scenes.Length, document.Parts.Count);
}
