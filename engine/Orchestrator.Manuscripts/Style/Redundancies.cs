namespace Orchestrator.Manuscripts.Style;

/// <summary>
/// Redundant pairs (pleonasms): a word that repeats what its neighbour already says ("free gift", "PIN number",
/// "revert back"), with the word to keep. The list is this project's own, of the usual pleonasms style guides name.
/// Matched anywhere (narration and speech) by <see cref="PhraseMatcher"/>, inflected forms too ("reverted back").
/// </summary>
public static class Redundancies
{
    /// <summary>Phrase (lower case) and what to write instead.</summary>
    public static IReadOnlyList<(string Phrase, string Plain)> Table { get; } =
    [
        ("pin number", "PIN"), ("atm machine", "ATM"), ("lcd display", "LCD"), ("hiv virus", "HIV"), ("rsvp please", "RSVP"),
        ("free gift", "gift"), ("added bonus", "bonus"), ("past history", "history"), ("end result", "result"),
        ("final outcome", "outcome"), ("final conclusion", "conclusion"), ("advance planning", "planning"), ("plan ahead", "plan"),
        ("future plans", "plans"), ("close proximity", "proximity"), ("completely finished", "finished"), ("completely destroyed", "destroyed"),
        ("unexpected surprise", "surprise"), ("true facts", "facts"), ("basic fundamentals", "fundamentals"), ("join together", "join"),
        ("merge together", "merge"), ("collaborate together", "collaborate"), ("cooperate together", "cooperate"), ("revert back", "revert"),
        ("return back", "return"), ("repeat again", "repeat"), ("sum total", "total"), ("new innovation", "innovation"),
        ("absolutely essential", "essential"), ("armed gunman", "gunman"), ("consensus of opinion", "consensus"), ("exact same", "same"),
        ("twelve noon", "noon"), ("twelve midnight", "midnight"), ("usual custom", "custom"), ("brief moment", "moment"),
        ("still remains", "remains"), ("postpone until later", "postpone"), ("reason why", "reason"), ("mutual cooperation", "cooperation"),
        ("over exaggerate", "exaggerate"), ("past experience", "experience"), ("personal opinion", "opinion"), ("unintended mistake", "mistake"),
        ("foreign imports", "imports"), ("circle around", "circle"), ("each and every", "each"), ("first and foremost", "first"),
        ("ask the question", "ask"), ("shrug * shoulders", "shrug"), ("nod * head", "nod"), ("blink * eyes", "blink"),
        ("sudden impulse", "impulse"), ("empty space", "space"), ("frozen ice", "ice"), ("safe haven", "haven"), ("new beginning", "beginning"),
        ("old adage", "adage"), ("descend down", "descend"), ("ascend up", "ascend"), ("raise up", "raise"), ("enter into", "enter"),
    ];
}
