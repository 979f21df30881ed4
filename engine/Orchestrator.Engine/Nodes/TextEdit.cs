namespace Orchestrator.Engine.Nodes;

/// <summary>
/// One replacement a revising node proposes for the subject's text: replace <see cref="Length"/> characters at
/// <see cref="Offset"/> (0-based, in the text the node saw) with <see cref="Replacement"/>. The engine does not
/// apply edits; the domain does, between iterations, and the next iteration analyses the revised text.
/// </summary>
/// <param name="Rule">Why: the revision rule that made the edit (e.g. <c>lexical-illusion</c>), for the diff and the report.</param>
public sealed record TextEdit(int Offset, int Length, string Replacement, string Rule);
