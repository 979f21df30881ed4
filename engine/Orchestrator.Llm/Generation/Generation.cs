namespace Orchestrator.Llm.Generation;

/// <summary>One generated text and what it cost: kept in the <see cref="IGenerationCache"/> under its key.</summary>
/// <param name="Text">What the model wrote (stop sequence removed).</param>
/// <param name="PromptTokens">Tokens read.</param>
/// <param name="GeneratedTokens">Tokens written.</param>
/// <param name="Seconds">Wall time of the generation.</param>
public sealed record Generation(string Text, int PromptTokens, int GeneratedTokens, double Seconds);
