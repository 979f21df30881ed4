namespace Orchestrator.Llm.Node;

/// <summary>What one generation reads: the whole book, or one chapter (one generation per chapter, fanned out).</summary>
public enum LlmScope
{
    Book,
    Chapter,
}
