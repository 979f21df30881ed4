namespace Orchestrator.Manuscripts.Reference;

/// <summary>
/// A simple stated trait found in a document: subject (<c>Elinor Vance</c>), attribute (<c>eyes</c>, <c>hair</c> or
/// <c>age</c>), value as written (<c>pale grey</c>, <c>thirty</c>), where the statement is (offset and length in the
/// text) and its sentence.
/// </summary>
public sealed record TraitStatement(string Subject, string Attribute, string Value, int Offset, int Length, string Evidence);
