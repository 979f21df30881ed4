using Orchestrator.Manuscripts.Lexicons;

namespace Orchestrator.Manuscripts.Style;

/// <summary>
/// Glue words: the function words that hold a sentence together without carrying its meaning (articles,
/// prepositions, conjunctions, auxiliary and modal verbs, demonstratives, relatives, negation and a few
/// intensifiers). A sentence whose words are mostly glue is "sticky" (the term and the ~45% threshold are
/// ProWritingAid's). Personal pronouns are left out: in fiction they carry who does what.
/// </summary>
public static class GlueWords
{
    public static WordSet Set { get; } = WordSet.Parse("""
        a an the
        about above across after against along among amongst around as at before behind below beneath beside
        besides between beyond by down during for from in inside into near of off on onto out outside over past
        since through throughout till to toward towards under until unto up upon with within without
        and but or nor so yet if than that though although because while whilst whether
        am is are was were be been being have has had having do does did
        can could may might must shall should will would
        it its this these those there here which who whom whose what when where
        not no very just also then too such much more most some any all each every other
        """);
}
