using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using LLama;
using LLama.Native;
using LLama.Sampling;
using Microsoft.Extensions.AI;
using Orchestrator.Llm.Grammar;

namespace Orchestrator.Llm.Llama;

/// <summary>
/// A completion-style <see cref="IChatClient"/> over one loaded model: the prompt is the messages' texts as written
/// (small GGUF models often have no chat template), each generation rents a context from the model's pool, and the
/// usage carries the exact token counts.
/// </summary>
/// <remarks>
/// Not LLamaSharp's own <c>AsChatClient()</c>: that one frames the prompt with "User:"/"Assistant:" lines and stops
/// on them, reports no token usage, creates a new context per call and does not turn a JSON response format into a
/// grammar. The loop below is the one of LLamaSharp's <c>StatelessExecutor</c> (decode the prompt, then sample and
/// decode one token at a time) on a pooled context, with the cancellation token checked between prompt batches and
/// before every token, so a cancel or timeout stops within one token's time.
/// </remarks>
internal sealed class LlamaChatClient(LlamaModel model) : IChatClient
{
    /// <summary>Output tokens when the options set none.</summary>
    public const int DefaultMaxOutputTokens = 256;

    // Prompt tokens decoded between two cancellation checks: small enough to stop quickly, large enough to batch well.
    private const int PromptSlice = 128;

    private static readonly ChatClientMetadata Metadata = new("llamasharp");

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken).ConfigureAwait(false);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var prompt = string.Join("\n", messages.Select(m => m.Text));
        var maxTokens = options?.MaxOutputTokens ?? DefaultMaxOutputTokens;
        var stops = options?.StopSequences ?? [];
        using var lease = await model.Pool.RentAsync(cancellationToken).ConfigureAwait(false);
        var context = lease.Context;
        var tokens = context.Tokenize(prompt, addBos: true, special: true);
        if (tokens.Length + maxTokens > context.ContextSize)
            throw new PromptTooLongException(tokens.Length, maxTokens, (int)context.ContextSize);

        var batch = new LLamaBatch();
        var past = 0;
        for (var start = 0; start < tokens.Length; start += PromptSlice)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var slice = tokens.AsSpan(start, Math.Min(PromptSlice, tokens.Length - start)).ToArray().ToList();
            batch.Clear();
            var (result, _, next) = await context.DecodeAsync(slice, LLamaSeqId.Zero, batch, past).ConfigureAwait(false);
            if (result != DecodeResult.Ok) throw new InvalidOperationException($"llama.cpp could not decode the prompt ({result})");
            past = next;
        }

        using var sampler = new DefaultSamplingPipeline
        {
            Temperature = options?.Temperature ?? 0f,
            Seed = options?.Seed is { } seed ? unchecked((uint)seed) : 0u,
            Grammar = GrammarOf(options?.ResponseFormat),
        };
        var decoder = new StreamingTokenDecoder(context);
        var text = new StringBuilder();
        // Text that could still be the start of a stop sequence is held back until the next piece decides.
        var holdBack = stops.Count == 0 ? 0 : stops.Max(s => s.Length) - 1;
        var emitted = 0;
        var generated = 0;
        var finish = ChatFinishReason.Length;
        var messageId = Guid.NewGuid().ToString("N");
        while (generated < maxTokens)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var token = sampler.Sample(context.NativeHandle, batch.TokenCount - 1);
            if (token.IsEndOfGeneration(model.Weights.Vocab)) { finish = ChatFinishReason.Stop; break; }
            generated++;
            decoder.Add(token);
            var before = text.Length;
            text.Append(decoder.Read());
            if (StopAt(text, stops, before) is { } cut)
            {
                text.Length = cut;
                finish = ChatFinishReason.Stop;
                break;
            }
            if (text.Length - holdBack > emitted)
            {
                yield return Update(text.ToString(emitted, text.Length - holdBack - emitted), messageId);
                emitted = text.Length - holdBack;
            }
            batch.Clear();
            batch.Add(token, past++, LLamaSeqId.Zero, true);
            var decoded = await context.DecodeAsync(batch, cancellationToken).ConfigureAwait(false);
            if (decoded != DecodeResult.Ok) throw new InvalidOperationException($"llama.cpp could not decode token {generated} ({decoded})");
        }
        if (text.Length > emitted) yield return Update(text.ToString(emitted, text.Length - emitted), messageId);

        yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(new UsageDetails
        {
            InputTokenCount = tokens.Length, OutputTokenCount = generated, TotalTokenCount = tokens.Length + generated,
        })])
        {
            MessageId = messageId,
            FinishReason = finish,
            ModelId = model.Description.Name,
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? Metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
        // The model owns the client; disposing a lease's client must not unload anything.
    }

    private static ChatResponseUpdate Update(string text, string messageId) => new(ChatRole.Assistant, text) { MessageId = messageId };

    private static global::LLama.Sampling.Grammar? GrammarOf(ChatResponseFormat? format) => format switch
    {
        ChatResponseFormatJson { Schema: { } schema } => new(JsonSchemaGbnf.From(schema), "root"),
        ChatResponseFormatJson => new(JsonSchemaGbnf.AnyObject, "root"),
        _ => null,
    };

    /// <summary>Where the text must end when a stop sequence appeared in it (searching only where the new piece could complete one).</summary>
    private static int? StopAt(StringBuilder text, IList<string> stops, int before)
    {
        if (stops.Count == 0) return null;
        var current = text.ToString(); // stops are rare and short; the generated text is small
        int? cut = null;
        foreach (var stop in stops)
        {
            if (stop.Length == 0) continue;
            var from = Math.Max(0, before - stop.Length + 1);
            var at = current.IndexOf(stop, from, StringComparison.Ordinal);
            if (at >= 0 && (cut is null || at < cut)) cut = at;
        }
        return cut;
    }
}
