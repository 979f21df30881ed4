namespace Orchestrator.Llm.Node;

/// <summary>Names of the <c>llm</c> node's metrics, series and labels.</summary>
public static class LlmMetrics
{
    /// <summary>Tokens read by the generations this node needed (cached ones included).</summary>
    public const string PromptTokens = "promptTokens";

    /// <summary>Tokens generated in this run (0 when every generation came from the cache).</summary>
    public const string GeneratedTokens = "generatedTokens";

    /// <summary>Tokens of generations reused from the cache.</summary>
    public const string CachedTokens = "cachedTokens";

    /// <summary>Generated tokens per second of generation time in this run (0 when nothing was generated).</summary>
    public const string TokensPerSecond = "tokensPerSecond";

    /// <summary>Chapters read (1 for a book-scoped node).</summary>
    public const string Chapters = "chapters";

    /// <summary>Prompts sent or found cached: more than chapters when long chapters were split.</summary>
    public const string Parts = "parts";

    public const string Generations = "generations";
    public const string CachedGenerations = "cachedGenerations";

    /// <summary>Outputs that are empty, or JSON that does not parse or does not follow the schema.</summary>
    public const string InvalidOutputs = "invalidOutputs";

    /// <summary>Labels: the output of each chapter (or the one book output), in order.</summary>
    public const string OutputLabels = "output";

    /// <summary>Labels: the chapter headings matching <see cref="OutputLabels"/>.</summary>
    public const string ChapterLabels = "chapters";

    public static readonly IReadOnlyCollection<string> Declared =
        [PromptTokens, GeneratedTokens, CachedTokens, TokensPerSecond, Chapters, Parts, Generations, CachedGenerations, InvalidOutputs];
}
