namespace Orchestrator.Llm.Generation;

/// <summary>
/// The models a node may use, given to the <c>llm</c> node's factory (never a static). One implementation per
/// backend; LLamaSharp's is <see cref="Llama.LlamaModels"/>.
/// </summary>
public interface ILanguageModels
{
    /// <summary>Checks the model a node names (null: the default) and describes it, without loading the weights.</summary>
    /// <exception cref="Models.ModelFileException">The model is unknown, missing, not GGUF, truncated, or its context cannot fit in memory.</exception>
    ModelDescription Describe(string? name);

    /// <summary>
    /// The model, loaded on first use and shared by every caller; the lease keeps it loaded until disposed.
    /// <paramref name="parallelism"/> asks the context pool for that many contexts (fewer when memory is short).
    /// </summary>
    Task<ILanguageModel> OpenAsync(string? name, int parallelism, CancellationToken cancellationToken);
}
