using Orchestrator.Manuscripts.Lexicons;

namespace Orchestrator.Manuscripts.Style;

/// <summary>
/// The verbs of dialogue tags. <see cref="Plain"/> are the invisible ones (said, asked, replied...);
/// <see cref="Bookisms"/> are said-bookisms, showy substitutes for "said" that draw the eye from the speech to
/// the tag (hissed, snarled, ejaculated, opined...). A verb counts as a tag only next to quoted speech in the
/// same paragraph (see <see cref="StyleNode"/>).
/// </summary>
public static class DialogueTagVerbs
{
    public static WordSet Plain { get; } = WordSet.Parse("""
        said says asked asks replied replies answered answers whispered whispers shouted shouts called calls
        cried cries added adds continued continues muttered mutters murmured murmurs repeated repeats yelled yells
        returned observed began told
        """);

    public static WordSet Bookisms { get; } = WordSet.Parse("""
        hissed snarled exclaimed ejaculated growled barked spat snapped retorted sneered chortled chuckled giggled
        laughed smiled grinned sighed breathed gasped howled intoned opined queried quipped roared rasped screeched
        shrieked sniffed sobbed squeaked stammered stuttered thundered trilled wailed whined yelped bellowed bleated
        blurted boomed cooed croaked drawled enthused expostulated interjected mused purred remonstrated rejoined
        vociferated averred asseverated chirped proclaimed admonished beamed smirked scoffed simpered grunted groaned
        moaned hollered huffed gushed cackled squealed squawked seethed fumed grated snorted spluttered sputtered
        """);

    /// <summary>Subject pronouns, for tags such as "said he softly".</summary>
    public static WordSet Pronouns { get; } = WordSet.Of("he", "she", "they", "i", "we", "you", "it");
}
