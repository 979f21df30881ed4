using Orchestrator.Manuscripts.Lexicons;
using Orchestrator.Manuscripts.Themes;

namespace Orchestrator.Manuscripts.Pacing;

/// <summary>
/// The built-in action-verb lexicon of the <c>pacing</c> node: verbs of fast physical movement, force and
/// alarm, the vocabulary that makes a passage move. Every stem is expanded with its regular inflections
/// (<see cref="Inflections"/>: run → runs, running) and the irregular forms are listed (ran, fled, struck),
/// so <c>run/ran/running/runs</c> all count.
/// </summary>
/// <remarks>
/// Left out on purpose: verbs whose common forms are mostly another word in fiction — <c>race</c> (the human
/// race), <c>charge</c> (in charge), <c>tear</c> (tears), <c>fire</c>, <c>storm</c>, <c>duck</c>, <c>trip</c>,
/// <c>bolt</c>, <c>grip</c>, <c>hammer</c>, <c>spring</c> (the season), <c>bear</c>, <c>leave</c> (left), <c>bound</c>
/// (bound to), <c>pound</c> (money), <c>wheel</c>, <c>sweep</c> — and
/// the verbs of ordinary motion (walk, go, come, turn), which every page has.
/// </remarks>
internal static class ActionVerbs
{
    /// <summary>Stems whose regular inflections are generated.</summary>
    internal const string Stems = """
        run rush dash dart hurry sprint scramble scurry gallop flee chase pursue escape
        jump leap vault hurl fling throw toss lunge pounce plunge dive tumble stumble collapse crash
        smash shatter burst explode slam bang crack snap split shove push pull drag yank jerk wrench
        grab snatch seize clutch grasp clench wrestle struggle fight attack assault strike hit punch
        kick slap smack stab slash cut thrust shoot kill slay murder strangle choke
        climb crawl swing spin whirl twist swerve dodge evade flinch recoil
        scream shriek shout yell roar howl bellow gasp pant
        hurtle careen surge flash whip lash flail thrash batter
        blast sink capsize ram pierce impale
        """;

    /// <summary>Irregular past tenses and participles of the stems above.</summary>
    internal const string IrregularForms = """
        ran fled leapt leaped threw thrown flung dove struck stricken hit cut shot slew slain
        swung spun burst sank sunk split thrust fought
        """;

    /// <summary>Every form counted as an action verb.</summary>
    public static WordSet Words { get; } = new(Inflections.OfAll(Stems).Concat(IrregularForms.Split(
        [' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)));

    /// <summary>Length of the shortest form (3: hit, ran, cut): shorter words need no lookup.</summary>
    public static int MinLength { get; } = Words.Words.Min(w => w.Length);

    /// <summary>Whether a word of the text is an action verb.</summary>
    public static bool Contains(ReadOnlySpan<char> word) => word.Length >= MinLength && Words.Contains(word);
}
