using Orchestrator.Engine.Scripting;
using Orchestrator.Manuscripts.Requirements;

namespace Orchestrator.Manuscripts.Rules;

/// <summary>
/// What a novel pipeline's rules see: everything the engine fills in (<see cref="RuleGlobals"/>)
/// plus what the author asked for and what the manuscript is
/// (<c>Manuscript.Words &lt; (Requirements.TargetLength ?? 0) / 2</c>).
/// </summary>
public sealed class NovelRuleGlobals : RuleGlobals
{
    /// <param name="engine">The engine's globals for this iteration, copied as they are.</param>
    /// <param name="requirements">Genre, target length and themes given for the run.</param>
    /// <param name="manuscript">The counts of the manuscript being analysed (<see cref="ManuscriptFacts.From"/>).</param>
    public NovelRuleGlobals(RuleGlobals engine, ManuscriptRequirements requirements, ManuscriptFacts manuscript)
        : base(engine)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        ArgumentNullException.ThrowIfNull(manuscript);
        Requirements = requirements;
        Manuscript = manuscript;
    }

    /// <summary>What the author asked for: <c>Requirements.Genre</c> (null when not given), <c>Requirements.TargetLength</c> (words, or null), <c>Requirements.Themes</c>.</summary>
    public ManuscriptRequirements Requirements { get; }

    /// <summary>The manuscript: <c>Manuscript.Title</c>, <c>Words</c>, <c>Chapters</c>, <c>Scenes</c>, <c>Parts</c>.</summary>
    public ManuscriptFacts Manuscript { get; }
}
