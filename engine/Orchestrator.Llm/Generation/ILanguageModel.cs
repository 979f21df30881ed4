using Microsoft.Extensions.AI;

namespace Orchestrator.Llm.Generation;

/// <summary>A lease on a loaded model: its tokenizer and a chat client. Disposing returns the lease (the model may then unload when idle).</summary>
public interface ILanguageModel : IDisposable
{
    ModelDescription Description { get; }

    /// <summary>Tokens the model reads for <paramref name="text"/> (with the start token), for fitting prompts to the context.</summary>
    int CountTokens(string text);

    /// <summary>
    /// Completion-style chat: the messages' texts are the prompt as written (no chat template), and the response's
    /// <see cref="ChatResponse.Usage"/> carries the exact prompt and generated token counts. Honours
    /// <see cref="ChatOptions.Temperature"/>, <see cref="ChatOptions.Seed"/>, <see cref="ChatOptions.MaxOutputTokens"/>,
    /// <see cref="ChatOptions.StopSequences"/> and a JSON <see cref="ChatOptions.ResponseFormat"/> (grammar-constrained).
    /// </summary>
    IChatClient Chat { get; }
}
