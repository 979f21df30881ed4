namespace Orchestrator.Manuscripts.Reference;

/// <summary>
/// A simple stated trait read in a library document: <c>Elinor Vance's eyes are grey</c> is subject
/// <c>Elinor Vance</c>, attribute <c>eyes</c>, value <c>grey</c>; the sentence is the evidence.
/// </summary>
public sealed record TraitFact(string Subject, string Attribute, string Value, string Evidence, FactPlace Place);
