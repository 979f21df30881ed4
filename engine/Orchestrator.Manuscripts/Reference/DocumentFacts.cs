namespace Orchestrator.Manuscripts.Reference;

/// <summary>What <see cref="FactExtractor"/> reads in one document: its names and its simple stated traits.</summary>
public sealed record DocumentFacts(IReadOnlyList<NameUse> Names, IReadOnlyList<TraitStatement> Traits);
