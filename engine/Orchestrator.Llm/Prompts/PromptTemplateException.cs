namespace Orchestrator.Llm.Prompts;

/// <summary>A prompt template that cannot be used: missing file or unknown placeholder.</summary>
public sealed class PromptTemplateException(string message) : Exception(message);
