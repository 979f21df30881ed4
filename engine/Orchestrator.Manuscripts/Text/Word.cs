namespace Orchestrator.Manuscripts.Text;

/// <summary>
/// A word token: letters and digits with inner apostrophes and hyphens (don't, well-known).
/// Only the span is stored; read the text with <see cref="ManuscriptDocument.WordText"/>.
/// </summary>
public readonly record struct Word(int Start, int Length);
