namespace Orchestrator.Manuscripts.Consistency;

/// <summary>What <see cref="WordScan"/> noted about one use of a word.</summary>
[Flags]
internal enum WordFlags : byte
{
    None = 0,
    /// <summary>Starts with a lower-case letter.</summary>
    Lower = 1 << 0,
    /// <summary>Capital first letter, no other capital.</summary>
    Capitalised = 1 << 1,
    /// <summary>All capitals, two letters or more.</summary>
    AllCaps = 1 << 2,
    /// <summary>First word of a sentence, or right after an opening quotation mark, bracket or colon.</summary>
    Initial = 1 << 3,
    /// <summary>A capitalised use the capitalisation check counts.</summary>
    CapitalisedEligible = 1 << 4,
    /// <summary>Outside quoted speech.</summary>
    Narration = 1 << 5,
}
