using Orchestrator.Llm.Generation;
using Orchestrator.Manuscripts.Reference;

namespace Orchestrator.Llm.Node;

/// <summary>What the <c>llm</c> node's factory is given by its host: the models, the generation cache, the folder prompt files are read from and the reference library.</summary>
/// <param name="Models">The models (LLamaSharp's <see cref="Llama.LlamaModels"/> in the hosts).</param>
/// <param name="Cache">Where generations are kept (<see cref="FileGenerationCache"/> under the data folder in the hosts).</param>
/// <param name="PromptFolder">Relative prompt files are read from here: the folder of the pipeline file.</param>
/// <param name="Library">The reference library <c>{{passages}}</c> is retrieved from; null: no library, the placeholder is empty.</param>
public sealed record LlmServices(ILanguageModels Models, IGenerationCache Cache, string PromptFolder, IReferenceLibrary? Library = null);
