using System.Globalization;
using System.Text;
using Orchestrator.Engine.Nodes;

namespace Orchestrator.Llm.Prompts;

/// <summary>
/// Fits a filled template to the context: when the whole text does not fit beside the template and the tokens to
/// generate, it is split on paragraph boundaries into parts that do, each part repeating the previous part's last
/// paragraph (overlap, so a scene cut at a boundary is seen whole by one part).
/// </summary>
public static class PromptSplitter
{
    /// <param name="paragraphs">The text's paragraphs, in order (joined with blank lines when a part is built).</param>
    /// <param name="budget">Prompt tokens allowed: context size minus tokens to generate.</param>
    /// <param name="where">What the text is, for messages ("chapter 3").</param>
    /// <exception cref="InvalidNodeInputException">Even one paragraph with the template does not fit.</exception>
    public static IReadOnlyList<string> Split(PromptTemplate template, Dictionary<string, string> values, IReadOnlyList<string> paragraphs,
        Func<string, int> countTokens, int budget, string where)
    {
        var placeholder = template.SplittablePlaceholder;
        // Upstream summaries (a critique's input) are split on their lines; a text on its paragraphs.
        var separator = "\n\n";
        if (placeholder == "upstream.summaries")
        {
            paragraphs = values[placeholder].Split('\n');
            separator = "\n";
        }
        var whole = template.Fill(values);
        var wholeTokens = countTokens(whole);
        if (wholeTokens <= budget) return [whole];
        if (placeholder is null || paragraphs.Count == 0)
            throw new InvalidNodeInputException(
                $"prompt {template.Origin} for {where} needs {wholeTokens} tokens but only {budget} fit beside the tokens to generate, and it has no text to split; shorten the template or raise the model's contextSize");

        var parts = new List<List<int>>();
        var current = new List<int>();
        for (var p = 0; p < paragraphs.Count; p++)
        {
            current.Add(p);
            if (Tokens(template, values, placeholder, paragraphs, current, countTokens, separator) <= budget) continue;
            current.RemoveAt(current.Count - 1);
            var overlapOnly = current.Count == 1 && parts.Count > 0 && current[0] == parts[^1][^1];
            if (current.Count == 0 || overlapOnly)
            {
                // The paragraph does not fit even alone (or only beside the overlap): try it alone, else give up.
                var alone = new List<int> { p };
                var tokens = Tokens(template, values, placeholder, paragraphs, alone, countTokens, separator);
                if (tokens > budget)
                    throw new InvalidNodeInputException(
                        $"prompt {template.Origin} with paragraph {p + 1} of {where} alone needs {tokens} tokens but only {budget} fit beside the tokens to generate; " +
                        "shorten the template, lower maxTokens or raise the model's contextSize");
                current = alone;
                continue;
            }
            parts.Add(current);
            current = [current[^1], p];
            if (Tokens(template, values, placeholder, paragraphs, current, countTokens, separator) > budget) current = [p];
            if (Tokens(template, values, placeholder, paragraphs, current, countTokens, separator) > budget)
                throw new InvalidNodeInputException(
                    $"prompt {template.Origin} with paragraph {p + 1} of {where} alone needs more than the {budget} tokens that fit beside the tokens to generate; " +
                    "shorten the template, lower maxTokens or raise the model's contextSize");
        }
        if (current.Count > 0) parts.Add(current);

        var prompts = new List<string>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            var partValues = new Dictionary<string, string>(values, StringComparer.Ordinal)
            {
                [placeholder] = Join(paragraphs, parts[i], separator),
                ["chapter.part"] = string.Create(CultureInfo.InvariantCulture, $"(part {i + 1} of {parts.Count})"),
            };
            prompts.Add(template.Fill(partValues));
        }
        return prompts;
    }

    private static int Tokens(PromptTemplate template, Dictionary<string, string> values, string placeholder, IReadOnlyList<string> paragraphs, List<int> part,
        Func<string, int> countTokens, string separator)
    {
        var partValues = new Dictionary<string, string>(values, StringComparer.Ordinal)
        {
            [placeholder] = Join(paragraphs, part, separator),
            // The part label is as long as it will be ("(part 10 of 12)"), so a prompt that fits here fits filled.
            ["chapter.part"] = "(part 000 of 000)",
        };
        return countTokens(template.Fill(partValues));
    }

    private static string Join(IReadOnlyList<string> paragraphs, List<int> part, string separator)
    {
        var text = new StringBuilder();
        foreach (var p in part)
        {
            if (text.Length > 0) text.Append(separator);
            text.Append(paragraphs[p]);
        }
        return text.ToString();
    }
}
