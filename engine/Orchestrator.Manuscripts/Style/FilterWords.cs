using Orchestrator.Manuscripts.Lexicons;

namespace Orchestrator.Manuscripts.Style;

/// <summary>
/// Filter words: verbs of perception and thought that put the viewpoint character between the reader and
/// the experience ("She saw the door open" rather than "The door opened"). Past and third-person present forms,
/// so they match past- and present-tense narration. Checked in narration only: in speech they are how people
/// talk. Not flagged after a determiner or "of" (a noun: "the thought", "a great deal of thought") nor in a tag
/// beside quoted speech ("“Never,” thought Alice").
/// </summary>
public static class FilterWords
{
    public static WordSet Set { get; } = WordSet.Parse("""
        saw sees felt feels heard hears noticed notices realized realised realizes realises watched watches
        wondered wonders seemed seems knew knows thought decided decides smelled smelt smells tasted tastes
        observed observes sensed senses
        """);
}
