using System.Diagnostics;
using System.Text.Json;
using Json.Schema;
using Microsoft.Extensions.AI;
using Orchestrator.Engine.Findings;
using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Engine.State;
using Orchestrator.Llm.Generation;
using Orchestrator.Llm.Llama;
using Orchestrator.Llm.Models;
using Orchestrator.Llm.Prompts;
using Orchestrator.Manuscripts.Requirements;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Llm.Node;

/// <summary>
/// The <c>llm</c> node: fills a prompt template with the book (or each chapter), the requirements and the upstream
/// results, and has a local model write the answer: chapter summaries, a critique, continuity facts as JSON.
/// </summary>
/// <remarks>
/// <para><b>Options</b>: <c>prompt</c> (required; inline, or a <c>.txt</c>/<c>.md</c> template file relative to the
/// pipeline's folder), <c>model</c> (a name under <c>llm:models</c>; default: the default model, which
/// <c>--model</c> overrides), <c>scope</c> (<c>book</c> or <c>chapter</c>: one generation per chapter, run with the
/// node's <c>parallelism</c> and gathered back in chapter order), <c>maxTokens</c> (default 128),
/// <c>temperature</c> (default 0: greedy, so the same input gives the same output), <c>seed</c> (default: the
/// model's), <c>stop</c> (a string or strings), <c>output</c> (<c>text</c> or <c>json</c>), <c>schema</c> (the
/// JSON schema of a <c>json</c> output; generation is constrained by the GBNF grammar made from it), and
/// <c>passages</c> and <c>passageWords</c> (how many reference-library passages fill <c>{{passages}}</c>, and at
/// most how many words of them; see <see cref="PromptPassages"/>).</para>
/// <para><b>Long text.</b> A prompt that does not fit the context beside <c>maxTokens</c> is split on paragraphs
/// (<see cref="PromptSplitter"/>) and the parts' outputs combined (<see cref="OutputCombiner"/>).</para>
/// <para><b>No generation twice.</b> Each prompt's output is cached (<see cref="IGenerationCache"/>) under
/// (model file hash, filled prompt, sampling options) as soon as it is generated, so a resume after a crash or a
/// timeout, a rerun and a batch rerun take what was generated and generate only the rest. The node's input stamp
/// (model file hash, template text, seed) enters its input hash, so a changed model or template re-runs it.</para>
/// <para><b>Result.</b> Score: the share of chapters whose output is valid (non-empty; for JSON, parsing and
/// following the schema). Metrics: <see cref="LlmMetrics"/>. Labels <c>output</c> and <c>chapters</c> hold each
/// chapter's output; one <c>llm.output</c> finding per chapter carries it, and one <c>llm.quote</c> finding per
/// passage the output quotes from the manuscript, located at that passage.</para>
/// </remarks>
public sealed class LlmNode(NodeDefinition definition, LlmServices services) : WorkflowNode(definition)
{
    public const string TypeName = "llm";

    public const string Description =
        "A local language model (LLamaSharp) on a prompt template: chapter summaries, critique, JSON facts; cached and resumable.";

    public const string OutputRule = "llm.output";
    public const string QuoteRule = "llm.quote";
    public const string InvalidOutputRule = "llm.invalid-output";

    /// <summary>Characters of an output shown in a finding's message (the whole output is in the labels).</summary>
    private const int MessageLength = 400;

    public override IReadOnlyCollection<string> DeclaredMetrics => LlmMetrics.Declared;

    /// <summary>The model file's hash, the template's text and the effective seed: what the options alone do not say.</summary>
    public override string InputStamp
    {
        get
        {
            try
            {
                var options = LlmOptions.From(Options);
                var model = services.Models.Describe(options.Model);
                var template = PromptTemplate.Load(options.Prompt, services.PromptFolder);
                // The library's version, when passages come from it: a changed library re-runs the node.
                var library = ReadsLibrary(template, options) ? $"\nlibrary {services.Library!.Name} {services.Library.Version}" : "";
                return ContentHash.OfText($"{model.FileHash}\n{options.Seed ?? model.Seed}\n{template.Text}{library}");
            }
            catch (Exception e) when (e is InvalidNodeInputException or ModelFileException or PromptTemplateException)
            {
                // Reported when the node runs; a stamp that says why keeps the hash stable until it is fixed.
                return ContentHash.OfText("unavailable: " + e.Message);
            }
        }
    }

    public override async Task<NodeResult> RunAsync(NodeContext context, CancellationToken cancellationToken)
    {
        var options = LlmOptions.From(Options);
        var template = LoadTemplate(options);
        var document = context.SubjectAs<ManuscriptDocument>();
        var requirements = context.RequirementsAs<ManuscriptRequirements>() ?? ManuscriptRequirements.None;
        var schema = ParseSchema(options);

        ModelDescription description;
        try
        {
            description = services.Models.Describe(options.Model);
        }
        catch (ModelFileException e)
        {
            throw new InvalidNodeInputException(e.Message);
        }
        var sampling = new SamplingOptions
        {
            MaxTokens = options.MaxTokens, Temperature = options.Temperature, Seed = options.Seed ?? description.Seed,
            Stop = options.Stop, JsonSchema = options.Json ? options.JsonSchema ?? "{}" : null,
        };
        var budget = description.ContextSize - options.MaxTokens;
        if (budget <= 0)
            throw new InvalidNodeInputException($"maxTokens {options.MaxTokens} leaves no room for a prompt in model '{description.Name}' (context {description.ContextSize} tokens)");
        var book = PromptValues.ForBook(document, requirements, context.Upstream);
        var items = Items(options, document);
        var values = new Dictionary<string, string>[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            values[i] = items[i].Values(book);
            if (ReadsLibrary(template, options))
                values[i][PromptValues.Passages] = await PassagesAsync(document, items[i], options, cancellationToken);
        }
        var planKeys = items.Select((_, i) => GenerationKey.OfPlan(description.FileHash, template.Fill(values[i]), budget, sampling)).ToArray();

        // Everything the cache already holds first: a run whose every generation is cached loads no model at all.
        var outcomes = new ItemOutcome?[items.Count];
        for (var i = 0; i < items.Count; i++) outcomes[i] = await FromCacheAsync(planKeys[i], sampling, cancellationToken);
        var missing = Enumerable.Range(0, items.Count).Where(i => outcomes[i] is null).ToArray();
        if (missing.Length > 0)
        {
            ILanguageModel model;
            try
            {
                model = await services.Models.OpenAsync(options.Model, Definition.Parallelism, cancellationToken);
            }
            catch (ModelFileException e)
            {
                throw new InvalidNodeInputException(e.Message);
            }
            using (model)
            {
                // Prompts are built (and checked) for every chapter before anything is generated: a chapter whose
                // paragraph cannot fit fails the node at once, not after an hour of generation.
                var prompts = missing.ToDictionary(i => i, i => PromptSplitter.Split(template, values[i], items[i].Paragraphs, model.CountTokens, budget, items[i].Where));
                await Parallel.ForEachAsync(missing,
                    new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Definition.Parallelism), CancellationToken = cancellationToken },
                    async (i, ct) => outcomes[i] = await GenerateAsync(model, prompts[i], planKeys[i], sampling, ct));
            }
        }
        return Result(document, items, outcomes.Select(o => o!).ToArray(), options, schema);
    }

    private bool ReadsLibrary(PromptTemplate template, LlmOptions options) =>
        services.Library is not null && options.Passages > 0 && template.Placeholders.Contains(PromptValues.Passages);

    /// <summary>The library's passages for the item: its chapter's, or the book's (see <see cref="PromptPassages"/>).</summary>
    private async Task<string> PassagesAsync(ManuscriptDocument document, WorkItem item, LlmOptions options, CancellationToken cancellationToken)
    {
        var library = services.Library!;
        return item.ChapterIndex is { } chapter
            ? await PromptPassages.ForChapterAsync(library, document, chapter, options.Passages, options.PassageWords, cancellationToken)
            : await PromptPassages.ForBookAsync(library, document, options.Passages, options.PassageWords, cancellationToken);
    }

    /// <summary>The item's outcome when its plan and every part of it are cached; null otherwise.</summary>
    private async Task<ItemOutcome?> FromCacheAsync(string planKey, SamplingOptions sampling, CancellationToken cancellationToken)
    {
        if (await services.Cache.TryGetPlanAsync(planKey, cancellationToken) is not { } plan) return null;
        var outcome = new ItemOutcome { Parts = plan.PartKeys.Count };
        var outputs = new List<string>(plan.PartKeys.Count);
        foreach (var key in plan.PartKeys)
        {
            if (await services.Cache.TryGetAsync(key, cancellationToken) is not { } generation) return null;
            outcome.CachedTokens += generation.GeneratedTokens;
            outcome.PromptTokens += generation.PromptTokens;
            outcome.CachedGenerations++;
            outputs.Add(generation.Text);
        }
        outcome.Output = OutputCombiner.Combine(outputs, sampling.JsonSchema is not null);
        return outcome;
    }

    private PromptTemplate LoadTemplate(LlmOptions options)
    {
        try
        {
            var template = PromptTemplate.Load(options.Prompt, services.PromptFolder);
            if (template.UsesChapter && options.Scope == LlmScope.Book)
                throw new InvalidNodeInputException($"prompt {template.Origin} reads {{{{chapter.*}}}} placeholders, which need \"scope\": \"chapter\"");
            return template;
        }
        catch (PromptTemplateException e)
        {
            throw new InvalidNodeInputException(e.Message);
        }
    }

    private static JsonSchema? ParseSchema(LlmOptions options)
    {
        if (options.JsonSchema is null) return null;
        try
        {
            _ = Grammar.JsonSchemaGbnf.From(JsonDocument.Parse(options.JsonSchema).RootElement);
            return JsonSchema.FromText(options.JsonSchema, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        }
        catch (Exception e) when (e is NotSupportedException or JsonException or ArgumentException or InvalidOperationException)
        {
            throw new InvalidNodeInputException($"option 'schema': {e.Message}");
        }
    }

    private async Task<ItemOutcome> GenerateAsync(ILanguageModel model, IReadOnlyList<string> prompts, string planKey, SamplingOptions sampling, CancellationToken cancellationToken)
    {
        var outputs = new List<string>(prompts.Count);
        var keys = new List<string>(prompts.Count);
        var outcome = new ItemOutcome();
        foreach (var prompt in prompts)
        {
            var key = GenerationKey.Of(model.Description.FileHash, prompt, sampling);
            keys.Add(key);
            var generation = await services.Cache.TryGetAsync(key, cancellationToken);
            if (generation is not null)
            {
                outcome.CachedTokens += generation.GeneratedTokens;
                outcome.CachedGenerations++;
            }
            else
            {
                generation = await GenerateOneAsync(model, prompt, sampling, cancellationToken);
                await services.Cache.PutAsync(key, generation, CancellationToken.None);
                outcome.GeneratedTokens += generation.GeneratedTokens;
                outcome.Seconds += generation.Seconds;
                outcome.Generations++;
            }
            outcome.PromptTokens += generation.PromptTokens;
            outputs.Add(generation.Text);
        }
        await services.Cache.PutPlanAsync(planKey, new PromptPlan(keys), CancellationToken.None);
        outcome.Parts = prompts.Count;
        outcome.Output = OutputCombiner.Combine(outputs, sampling.JsonSchema is not null);
        return outcome;
    }

    private static async Task<Generation.Generation> GenerateOneAsync(ILanguageModel model, string prompt, SamplingOptions sampling, CancellationToken cancellationToken)
    {
        var chat = new ChatOptions
        {
            MaxOutputTokens = sampling.MaxTokens,
            Temperature = sampling.Temperature,
            Seed = sampling.Seed,
            StopSequences = sampling.Stop.Count == 0 ? null : [.. sampling.Stop],
            ResponseFormat = sampling.JsonSchema is null ? null
                : ChatResponseFormat.ForJsonSchema(JsonDocument.Parse(sampling.JsonSchema).RootElement),
        };
        var started = Stopwatch.GetTimestamp();
        ChatResponse response;
        try
        {
            response = await model.Chat.GetResponseAsync([new ChatMessage(ChatRole.User, prompt)], chat, cancellationToken);
        }
        catch (PromptTooLongException e)
        {
            throw new InvalidNodeInputException(e.Message);
        }
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new Generation.Generation(response.Text, (int)(response.Usage?.InputTokenCount ?? 0), (int)(response.Usage?.OutputTokenCount ?? 0), seconds);
    }

    private NodeResult Result(ManuscriptDocument document, IReadOnlyList<WorkItem> items, ItemOutcome[] outcomes, LlmOptions options, JsonSchema? schema)
    {
        var findings = new List<Finding>();
        var invalid = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var output = outcomes[i].Output.Trim();
            var problem = Problem(output, options, schema);
            if (problem is not null)
            {
                invalid++;
                findings.Add(new Finding(InvalidOutputRule, Severity.Warning, $"{Id}: the output for {item.Where} {problem}", Location: item.Location, Evidence: Shorten(output)));
                continue;
            }
            findings.Add(new Finding(OutputRule, Severity.Info, $"{Id} on {item.Where}: {Shorten(output)}", Location: item.Location));
            foreach (var (quote, location) in QuoteLocator.Find(document, item.Span, output, options.Json))
                findings.Add(new Finding(QuoteRule, Severity.Info, $"{Id} quotes {item.Where}: \u201C{Shorten(quote)}\u201D", Location: location, Evidence: quote));
        }
        var generated = outcomes.Sum(o => o.GeneratedTokens);
        var seconds = outcomes.Sum(o => o.Seconds);
        var generations = outcomes.Sum(o => o.Generations);
        var cached = outcomes.Sum(o => o.CachedGenerations);
        var score = items.Count == 0 ? 0 : (items.Count - invalid) / (double)items.Count;
        return new NodeResult
        {
            Score = score,
            Summary = items.Count == 1
                ? Shorten(outcomes[0].Output.Trim())
                // Never what was cached or generated: a summary is read by dependants' prompts and must not change on a rerun.
                : $"{items.Count - invalid} of {items.Count} chapters with a valid output",
            Metrics = new Dictionary<string, double>
            {
                [LlmMetrics.PromptTokens] = outcomes.Sum(o => o.PromptTokens),
                [LlmMetrics.GeneratedTokens] = generated,
                [LlmMetrics.CachedTokens] = outcomes.Sum(o => o.CachedTokens),
                [LlmMetrics.TokensPerSecond] = seconds > 0 ? generated / seconds : 0,
                [LlmMetrics.Chapters] = items.Count,
                [LlmMetrics.Parts] = outcomes.Sum(o => o.Parts),
                [LlmMetrics.Generations] = generations,
                [LlmMetrics.CachedGenerations] = cached,
                [LlmMetrics.InvalidOutputs] = invalid,
            },
            Series = new Dictionary<string, IReadOnlyList<double>>
            {
                [LlmMetrics.GeneratedTokens] = outcomes.Select(o => (double)(o.GeneratedTokens + o.CachedTokens)).ToArray(),
                [LlmMetrics.PromptTokens] = outcomes.Select(o => (double)o.PromptTokens).ToArray(),
            },
            Labels = new Dictionary<string, IReadOnlyList<string>>
            {
                [LlmMetrics.OutputLabels] = outcomes.Select(o => o.Output.Trim()).ToArray(),
                [LlmMetrics.ChapterLabels] = items.Select(i => i.Label).ToArray(),
            },
            Findings = findings,
        };
    }

    private static string? Problem(string output, LlmOptions options, JsonSchema? schema)
    {
        if (output.Length == 0) return "is empty";
        if (!options.Json) return null;
        try
        {
            using var json = JsonDocument.Parse(output);
            if (schema is null) return null;
            var result = schema.Evaluate(json.RootElement);
            return result.IsValid ? null : "does not follow the schema";
        }
        catch (JsonException e)
        {
            return $"is not valid JSON ({e.Message})";
        }
    }

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= MessageLength ? line : line[..MessageLength] + "\u2026";
    }

    private static IReadOnlyList<WorkItem> Items(LlmOptions options, ManuscriptDocument document)
    {
        if (options.Scope == LlmScope.Book || document.Chapters.Count == 0)
        {
            var paragraphs = document.Paragraphs.Select(p => document.Slice(p.Span).ToString()).ToArray();
            return [new WorkItem("the book", document.Title, new TextSpan(0, document.Text.Length), TextLocation.Whole(document.Text.Length), paragraphs,
                book => new Dictionary<string, string>(book, StringComparer.Ordinal), null)];
        }
        return document.Chapters.Select(chapter =>
        {
            var paragraphs = Enumerable.Range(chapter.FirstParagraph, chapter.ParagraphCount)
                .Select(p => document.Slice(document.Paragraphs[p].Span).ToString()).ToArray();
            return new WorkItem($"chapter {chapter.Ordinal}", chapter.Heading, chapter.Span, document.Locator.LocateChapter(chapter.Index), paragraphs,
                book => PromptValues.ForChapter(book, document, chapter), chapter.Index);
        }).ToArray();
    }

    /// <summary>One generation's input: the book (<paramref name="ChapterIndex"/> null) or one chapter.</summary>
    private sealed record WorkItem(string Where, string Label, TextSpan Span, TextLocation Location, IReadOnlyList<string> Paragraphs,
        Func<Dictionary<string, string>, Dictionary<string, string>> Values, int? ChapterIndex);

    /// <summary>What the generations of one book or chapter gave and cost.</summary>
    private sealed class ItemOutcome
    {
        public string Output { get; set; } = "";
        public int PromptTokens { get; set; }
        public int GeneratedTokens { get; set; }
        public int CachedTokens { get; set; }
        public int Generations { get; set; }
        public int CachedGenerations { get; set; }
        public int Parts { get; set; }
        public double Seconds { get; set; }
    }
}
