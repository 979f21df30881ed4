using Orchestrator.Manuscripts.Lexicons;

namespace Orchestrator.Manuscripts.Style;

/// <summary>
/// Weasel, filler and hedge words: intensifiers that add nothing (very, really, quite, totally), fillers
/// (just, actually, basically, literally) and hedges that blur a statement (perhaps, somewhat, seemingly,
/// apparently, somehow). Checked in narration only. "Sort of" and "kind of" count as hedges unless a
/// determiner comes before them ("what kind of man", "the sort of thing").
/// </summary>
public static class HedgeWords
{
    public static WordSet Set { get; } = WordSet.Parse("""
        very really quite rather somewhat fairly just actually basically literally simply totally truly
        seemingly apparently perhaps maybe possibly probably somehow slightly virtually practically essentially
        arguably relatively extremely incredibly definitely absolutely honestly utterly
        """);

    /// <summary>The heads of the two-word hedges "sort of" and "kind of".</summary>
    public static WordSet PhraseHeads { get; } = WordSet.Of("sort", "kind");

    /// <summary>Words that, before "sort of"/"kind of", make it a noun phrase rather than a hedge.</summary>
    public static WordSet Determiners { get; } = WordSet.Parse("""
        a an the this that these those what which any some every each no one same other another his her their
        my your our its whatever different all
        """);
}
