namespace Orchestrator.Manuscripts.Consistency;

/// <summary>The rule ids of the findings the <c>consistency</c> node makes against a reference library (<c>--library</c>).</summary>
public static class LibraryRules
{
    /// <summary>A name the library writes another way: the same letters in another case, accents, hyphens or apostrophes (MacLeod/Macleod), or one edit away (Elinore/Elinor).</summary>
    public const string NameVariant = "consistency.library.name-variant";

    /// <summary>A name the library does not have, two edits from one it has (Marianne/Marina): readers may take one for the other.</summary>
    public const string NearDuplicateName = "consistency.library.near-duplicate-name";

    /// <summary>A stated trait (eyes, hair, age) that differs from what the library states for the same character.</summary>
    public const string TraitConflict = "consistency.library.trait-conflict";

    public static IReadOnlyList<string> All { get; } = [NameVariant, NearDuplicateName, TraitConflict];
}
