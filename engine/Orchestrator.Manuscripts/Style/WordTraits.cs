namespace Orchestrator.Manuscripts.Style;

/// <summary>What the style lexicons say about one word, gathered into one lookup (<see cref="StyleLexicon"/>).</summary>
[Flags]
internal enum WordTraits : uint
{
    None = 0,
    Glue = 1u << 0,
    BeVerb = 1u << 1,
    IrregularParticiple = 1u << 2,
    NotParticiple = 1u << 3,
    AdverbException = 1u << 4,
    Filter = 1u << 5,
    Hedge = 1u << 6,
    HedgeHead = 1u << 7,
    Determiner = 1u << 8,
    SaidBookism = 1u << 9,
    PlainTagVerb = 1u << 10,
    Pronoun = 1u << 11,
    ClicheStart = 1u << 12,
    RepeatAllowed = 1u << 13,
    EchoStop = 1u << 14,
    PassiveGap = 1u << 15,
    There = 1u << 16,
    ThereContraction = 1u << 17,
    Of = 1u << 18,
    HedgePhraseStart = 1u << 19,
    WordyStart = 1u << 20,
    RedundancyStart = 1u << 21,
    ConjunctionOpener = 1u << 22,

    TagVerb = SaidBookism | PlainTagVerb,
}
