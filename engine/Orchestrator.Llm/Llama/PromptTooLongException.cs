namespace Orchestrator.Llm.Llama;

/// <summary>A prompt that, with the tokens to generate, does not fit the model's context.</summary>
public sealed class PromptTooLongException(int promptTokens, int maxTokens, int contextSize)
    : Exception($"the prompt has {promptTokens} tokens and {maxTokens} more are to be generated, but the context holds {contextSize}")
{
    public int PromptTokens { get; } = promptTokens;
}
