namespace Orchestrator.Manuscripts.Consistency;

/// <summary>
/// The metrics the <c>consistency</c> node adds when it runs with a reference library (absent without one, so they are
/// not among the declared metrics).
/// </summary>
public static class LibraryMetrics
{
    /// <summary>Names the library holds.</summary>
    public const string LibraryNames = "libraryNames";

    /// <summary>Stated traits the library holds.</summary>
    public const string LibraryTraits = "libraryTraits";

    /// <summary>Manuscript names the library writes another way.</summary>
    public const string NameVariants = "libraryNameVariants";

    /// <summary>New names two edits from a library name.</summary>
    public const string NearDuplicateNames = "libraryNearDuplicateNames";

    /// <summary>Stated traits that differ from the library's.</summary>
    public const string TraitConflicts = "libraryTraitConflicts";

    /// <summary>min(0.15, 0.05 × (mentions of variant names + near duplicates + trait conflicts) per 10,000 words).</summary>
    public const string PenaltyLibrary = "penaltyLibrary";
}
