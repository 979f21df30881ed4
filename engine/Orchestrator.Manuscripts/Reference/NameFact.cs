namespace Orchestrator.Manuscripts.Reference;

/// <summary>A name as a library document writes it (<c>Elinor</c>), how often, and where it first appears.</summary>
public sealed record NameFact(string Form, int Mentions, FactPlace Place);
