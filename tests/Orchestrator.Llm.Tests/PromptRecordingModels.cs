using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using Orchestrator.Llm.Generation;

namespace Orchestrator.Llm.Tests;

/// <summary>
/// The real models, with every prompt the node sends recorded on its way to the real chat client (generation is not
/// touched): the way to see what a model actually received.
/// </summary>
internal sealed class PromptRecordingModels(ILanguageModels inner) : ILanguageModels
{
    public ConcurrentQueue<string> Prompts { get; } = new();

    public ModelDescription Describe(string? name) => inner.Describe(name);

    public async Task<ILanguageModel> OpenAsync(string? name, int parallelism, CancellationToken cancellationToken) =>
        new Lease(await inner.OpenAsync(name, parallelism, cancellationToken), Prompts);

    private sealed class Lease(ILanguageModel model, ConcurrentQueue<string> prompts) : ILanguageModel
    {
        public ModelDescription Description => model.Description;
        public IChatClient Chat { get; } = new Recorder(model.Chat, prompts);
        public int CountTokens(string text) => model.CountTokens(text);
        public void Dispose() => model.Dispose();
    }

    private sealed class Recorder(IChatClient inner, ConcurrentQueue<string> prompts) : DelegatingChatClient(inner)
    {
        public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var list = messages.ToList();
            prompts.Enqueue(string.Concat(list.Select(m => m.Text)));
            return base.GetResponseAsync(list, options, cancellationToken);
        }
    }
}
