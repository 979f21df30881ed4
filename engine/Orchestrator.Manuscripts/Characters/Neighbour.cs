namespace Orchestrator.Manuscripts.Characters;

/// <summary>What a word next to a capitalised run says about it (one lookup answers every question).</summary>
[Flags]
internal enum Neighbour : byte
{
    None = 0,
    The = 1,
    SpeechVerb = 2,
    PersonVerb = 4,
    Locative = 8,
    StrongLocative = 16,
    /// <summary>"a" or "an": a kind of person (a Quaker, an Englishman), not a person.</summary>
    Article = 32,
}
