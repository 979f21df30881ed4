using System.Globalization;
using System.Text;
using Orchestrator.Engine.Findings;
using Orchestrator.Engine.Nodes;
using Orchestrator.Manuscripts.Text;
using M = Orchestrator.Manuscripts.Revision.RevisionMetrics;

namespace Orchestrator.Manuscripts.Revision;

/// <summary>The result of a revision: score, metrics per rule, a summary, one finding per rule, and the edits.</summary>
internal static class RevisionReport
{
    /// <summary>Edits per 1,000 words at which the score reaches 0 (see <see cref="ReviseNode"/>).</summary>
    public const double ZeroScoreRate = 20;

    /// <summary>Characters of context either side of an edit in a finding's evidence.</summary>
    private const int EvidenceContext = 30;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static NodeResult Build(ManuscriptDocument document, ReviseOptions options, RevisionPass pass)
    {
        var edits = pass.Edits;
        var words = document.WordCount;
        var rate = words > 0 ? edits.Count * 1000.0 / words : 0;
        var score = Math.Clamp(1 - rate / ZeroScoreRate, 0, 1);

        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var rule in Enum.GetValues<RevisionRule>()) metrics[M.EditsOf(EditList.Name(rule))] = edits.CountOf(rule);
        metrics[M.Total] = edits.Count;
        metrics[M.Words] = words;
        metrics[M.EditsPer1000Words] = Math.Round(rate, 3);

        var findings = new List<Finding>();
        foreach (var rule in Enum.GetValues<RevisionRule>())
        {
            var count = edits.CountOf(rule);
            if (count == 0) continue;
            var first = FirstOf(edits, rule);
            var edit = edits.Edits[first];
            findings.Add(new Finding(RevisionRules.FindingId(EditList.Name(rule)), Severity.Info,
                Message(rule, count, options, pass.Spelling),
                "Read the revised copy and its diff; the next iteration analyses the revised text.",
                document.Locator.Locate(edit.Offset, edit.Length),
                Evidence(document, edit, rule == RevisionRule.Whitespace)));
        }
        if (edits.Count == 0)
        {
            findings.Add(new Finding(RevisionRules.Clean, Severity.Info,
                options.DoesNothing ? "Every revision rule is turned off: nothing was revised." : "Nothing to revise: the text already follows the house style.",
                Location: TextLocation.Whole(document.Text.Length), IsStrength: !options.DoesNothing));
        }

        return new NodeResult
        {
            Score = score,
            Summary = Summary(edits, rate),
            Metrics = metrics,
            Findings = findings,
            Edits = edits.Edits,
        };
    }

    private static int FirstOf(EditList edits, RevisionRule rule)
    {
        for (var i = 0; i < edits.Count; i++)
            if (edits.Rules[i] == rule) return i;
        return -1;
    }

    private static string Summary(EditList edits, double rate)
    {
        if (edits.Count == 0) return "nothing to revise";
        var parts = Enum.GetValues<RevisionRule>()
            .Where(r => edits.CountOf(r) > 0)
            .Select(r => $"{N0(edits.CountOf(r))} {Noun(r, edits.CountOf(r))}");
        return $"{N0(edits.Count)} mechanical {(edits.Count == 1 ? "edit" : "edits")} ({rate.ToString("0.0", Invariant)} per 1,000 words): {string.Join(", ", parts)}";
    }

    private static string Noun(RevisionRule rule, int count) => (rule, count == 1) switch
    {
        (RevisionRule.LexicalIllusion, true) => "repeated word",
        (RevisionRule.LexicalIllusion, false) => "repeated words",
        (RevisionRule.Spelling, true) => "spelling",
        (RevisionRule.Spelling, false) => "spellings",
        (RevisionRule.Whitespace, _) => "white space",
        (RevisionRule.Ellipsis, true) => "ellipsis",
        (RevisionRule.Ellipsis, false) => "ellipses",
        (RevisionRule.Dash, true) => "dash",
        (RevisionRule.Dash, false) => "dashes",
        (RevisionRule.Quotes, true) => "quotation mark",
        _ => "quotation marks",
    };

    private static string Message(RevisionRule rule, int count, ReviseOptions options, IReadOnlyList<SpellingChange> spelling) => rule switch
    {
        RevisionRule.LexicalIllusion => $"{N0(count)} {(count == 1 ? "word" : "words")} repeated by mistake removed (\"the the\" → \"the\").",
        RevisionRule.Spelling => $"{N0(count)} {(count == 1 ? "use" : "uses")} of a rarer spelling changed to the book's usual one: " +
            string.Join(", ", spelling.Take(5).Select(c => $"{c.From} → {c.To} ×{N0(c.Count)}")) + (spelling.Count > 5 ? ", …" : "") + ".",
        RevisionRule.Whitespace => $"{N0(count)} white-space {(count == 1 ? "fix" : "fixes")}: runs of spaces, spaces at line ends or before punctuation, extra blank lines.",
        RevisionRule.Ellipsis => $"{N0(count)} {(count == 1 ? "ellipsis" : "ellipses")} written as {(options.Ellipsis == EllipsisStyle.Dots ? "three full stops (...)" : "one character (…)")}.",
        RevisionRule.Dash => $"{N0(count)} {(count == 1 ? "dash" : "dashes")} written as {(options.Dashes == DashStyle.SpacedEn ? "spaced en dashes ( – )" : "unspaced em dashes (—)")}.",
        _ => $"{N0(count)} quotation {(count == 1 ? "mark or apostrophe" : "marks and apostrophes")} made {(options.Quotes == QuoteMarks.Straight ? "straight" : "curly")}.",
    };

    /// <summary>
    /// The first edit of a rule in context, before and after: "… the the cat …" → "… the cat …", within its paragraph
    /// (an edit between paragraphs shows both sides).
    /// </summary>
    private static string Evidence(ManuscriptDocument document, TextEdit edit, bool showSpaces)
    {
        var text = document.Text;
        var (low, high) = (0, text.Length);
        var p = document.Locator.ParagraphAt(edit.Offset);
        if (p >= 0 && document.Paragraphs[p].Span.End >= edit.Offset + edit.Length)
            (low, high) = (document.Paragraphs[p].Span.Start, document.Paragraphs[p].Span.End);
        var start = Math.Max(low, edit.Offset - EvidenceContext);
        var end = Math.Min(high, edit.Offset + edit.Length + EvidenceContext);
        // Cut at a space so no word is shown in part.
        while (start > low && start < edit.Offset && !char.IsWhiteSpace(text[start - 1])) start++;
        while (end < high && end > edit.Offset + edit.Length && !char.IsWhiteSpace(text[end])) end--;
        var before = Show(text.AsSpan(start, end - start), showSpaces);
        var after = Show(string.Concat(text.AsSpan(start, edit.Offset - start), edit.Replacement,
            text.AsSpan(edit.Offset + edit.Length, end - edit.Offset - edit.Length)), showSpaces);
        var open = start > low ? "…" : "";
        var close = end < high ? "…" : "";
        return $"\"{open}{before}{close}\" → \"{open}{after}{close}\"";
    }

    /// <summary>Line breaks as ↵; for white-space edits, spaces as · so the change can be seen.</summary>
    private static string Show(ReadOnlySpan<char> span, bool showSpaces)
    {
        var builder = new StringBuilder(span.Length);
        foreach (var c in span)
            builder.Append(c switch
            {
                '\n' => '↵',
                ' ' when showSpaces => '·',
                '\t' => showSpaces ? '→' : ' ',
                _ => c,
            });
        return builder.ToString().Trim();
    }

    private static string N0(int value) => value.ToString("N0", Invariant);
}
