namespace Orchestrator.Manuscripts.Characters;

/// <summary>A capitalised word's place in the built-in lists, looked up once per distinct word.</summary>
[Flags]
internal enum TokenFlags : byte
{
    None = 0,

    /// <summary>In <see cref="CharacterLexicon.Never"/>.</summary>
    Never = 1,

    /// <summary>In <see cref="CharacterLexicon.PlacePrefixes"/>.</summary>
    PlacePrefix = 2,

    /// <summary>A title of address or a rank: the word after it follows a title.</summary>
    Title = 4,

    /// <summary>In <see cref="CharacterLexicon.FunctionWords"/>: never a name.</summary>
    Function = 8,
}
