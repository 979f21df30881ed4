namespace Orchestrator.Manuscripts.Reference;

/// <summary>The names and stated traits of a whole library, for the consistency checks.</summary>
public sealed record ReferenceFacts(IReadOnlyList<NameFact> Names, IReadOnlyList<TraitFact> Traits)
{
    public static ReferenceFacts Empty { get; } = new([], []);
}
