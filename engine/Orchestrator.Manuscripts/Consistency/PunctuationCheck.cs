using Orchestrator.Engine.Findings;
using Orchestrator.Manuscripts.Text;
using static Orchestrator.Manuscripts.Consistency.ConsistencyText;
using static Orchestrator.Manuscripts.Text.NumberFormat;
using M = Orchestrator.Manuscripts.Consistency.ConsistencyMetrics;

namespace Orchestrator.Manuscripts.Consistency;

/// <summary>
/// Mixed styles of quotation marks, apostrophes, ellipses and dashes (from <see cref="PunctuationScan"/>): in each
/// group the most used style is the book's, and every use of another style is a minority use (the first
/// <c>maxUsesPerVariant</c> of each located); and paragraphs whose quotation marks do not pair up.
/// </summary>
internal static class PunctuationCheck
{
    /// <summary>Fewest marks for the "punctuation is consistent" strength.</summary>
    internal const int StrengthMinMarks = 20;

    private sealed record Group(string Rule, string Noun, Severity Severity, MarkStyle[] Styles);

    private static readonly Group Quotes = new(ConsistencyRules.QuotesMixed, "double quotation marks", Severity.Warning,
        [MarkStyle.CurlyDouble, MarkStyle.StraightDouble]);
    private static readonly Group Apostrophes = new(ConsistencyRules.ApostrophesMixed, "apostrophes and single quotation marks", Severity.Warning,
        [MarkStyle.CurlySingle, MarkStyle.StraightSingle]);
    private static readonly Group Ellipses = new(ConsistencyRules.EllipsisMixed, "ellipses", Severity.Suggestion,
        [MarkStyle.EllipsisCharacter, MarkStyle.EllipsisDots, MarkStyle.EllipsisSpaced]);
    private static readonly Group Dashes = new(ConsistencyRules.DashesMixed, "dashes", Severity.Suggestion,
        [MarkStyle.DashEm, MarkStyle.DashDoubleHyphen, MarkStyle.DashEn, MarkStyle.DashSpacedHyphen]);

    /// <summary>Runs the checks; returns the minority uses of quotes (double and single), ellipses and dashes, and the unpaired paragraphs.</summary>
    public static (int Quotes, int Ellipses, int Dashes, int Unpaired) Run(ConsistencyContext context)
    {
        var scan = context.Punctuation;
        var metrics = context.Metrics;
        metrics[M.StraightDoubleQuotes] = scan.Count(MarkStyle.StraightDouble);
        metrics[M.CurlyDoubleQuotes] = scan.Count(MarkStyle.CurlyDouble);
        metrics[M.StraightSingleQuotes] = scan.Count(MarkStyle.StraightSingle);
        metrics[M.CurlySingleQuotes] = scan.Count(MarkStyle.CurlySingle);
        metrics[M.EllipsisDots] = scan.Count(MarkStyle.EllipsisDots);
        metrics[M.EllipsisCharacter] = scan.Count(MarkStyle.EllipsisCharacter);
        metrics[M.EllipsisSpaced] = scan.Count(MarkStyle.EllipsisSpaced);
        metrics[M.DashDoubleHyphen] = scan.Count(MarkStyle.DashDoubleHyphen);
        metrics[M.DashEm] = scan.Count(MarkStyle.DashEm);
        metrics[M.DashEn] = scan.Count(MarkStyle.DashEn);
        metrics[M.DashSpacedHyphen] = scan.Count(MarkStyle.DashSpacedHyphen);

        var quotes = Mixed(context, Quotes) + Mixed(context, Apostrophes);
        var ellipses = Mixed(context, Ellipses);
        var dashes = Mixed(context, Dashes);
        metrics[M.QuoteMinorityUses] = quotes;
        metrics[M.EllipsisMinorityUses] = ellipses;
        metrics[M.DashMinorityUses] = dashes;
        var unpaired = Unpaired(context);
        metrics[M.UnpairedQuoteParagraphs] = unpaired;

        var mixed = new List<string>();
        if (quotes > 0) mixed.Add("quotation marks");
        if (ellipses > 0) mixed.Add("ellipses");
        if (dashes > 0) mixed.Add("dashes");
        if (mixed.Count > 0) context.Summary.Add($"{string.Join(", ", mixed)} in more than one style");
        if (unpaired > 0) context.Summary.Add($"{Count(unpaired, "paragraph")} with unpaired quotation marks");
        if (mixed.Count == 0) Strength(context);
        return (quotes, ellipses, dashes, unpaired);
    }

    private static int Mixed(ConsistencyContext context, Group group)
    {
        var scan = context.Punctuation;
        var used = group.Styles.Where(s => scan.Count(s) > 0).ToList();
        if (used.Count < 2) return 0;
        // The most used style is the book's; a tie goes to the first listed (the typographer's choice).
        var dominant = used.OrderByDescending(scan.Count).ThenBy(s => Array.IndexOf(group.Styles, s)).First();
        var dominantCount = scan.Count(dominant);
        var minorityUses = 0;
        foreach (var style in used.Where(s => s != dominant).OrderByDescending(scan.Count).ThenBy(s => Array.IndexOf(group.Styles, s)))
        {
            var count = scan.Count(style);
            minorityUses += count;
            var perChapter = scan.PerChapter(style);
            for (var c = 0; c < perChapter.Count; c++) context.IssuesPerChapter[c] += perChapter[c];
            var (name, _, symbol) = Name(style);
            var (_, dominantNames, dominantSymbol) = Name(dominant);
            foreach (var offset in scan.Samples(style).Take(context.Options.MaxUsesPerVariant))
            {
                var length = scan.LengthAt(style, offset);
                context.Findings.Add(group.Rule, () => new Finding(group.Rule, group.Severity,
                    $"This {name} ({symbol}) is one of {N0(count)} in the book, against {N0(dominantCount)} {dominantNames} ({dominantSymbol}): " +
                    $"{group.Noun} are written more than one way.",
                    $"Use {dominantNames} ({dominantSymbol}) throughout: change this one" +
                    (count > 1 ? $" and the other {N0(count - 1)}" : "") + $"{Tip(style)}.",
                    context.Document.Locator.Locate(offset, length),
                    Evidence(context.Document, offset, length)));
            }
        }
        return minorityUses;
    }

    private static int Unpaired(ConsistencyContext context)
    {
        var document = context.Document;
        var single = document.Dialogue.Style == QuoteStyle.Single;
        foreach (var unpaired in context.Punctuation.Unpaired)
        {
            context.IssuesPerChapter[document.Paragraphs[unpaired.Paragraph].ChapterIndex]++;
            var message = unpaired.Opening
                ? "A quotation opened in this paragraph is not closed by its end, and the next paragraph does not open with a quotation mark " +
                  "(as speech running over several paragraphs would)."
                : "This closing quotation mark has no opening mark before it in the paragraph.";
            context.Findings.Add(ConsistencyRules.UnpairedQuote, () => new Finding(ConsistencyRules.UnpairedQuote, Severity.Warning, message,
                unpaired.Opening
                    ? "Close the quotation where the speech ends, or, if the speech goes on, open the next paragraph with a quotation mark."
                    : "Add the missing opening mark where the speech starts, or remove the stray closing mark.",
                document.Locator.Locate(unpaired.Offset, 1),
                Evidence(document, unpaired.Offset),
                single ? 0.6 : 0.8));
        }
        return context.Punctuation.Unpaired.Count;
    }

    private static void Strength(ConsistencyContext context)
    {
        var scan = context.Punctuation;
        var parts = new List<string>();
        var marks = 0;
        foreach (var group in new[] { Quotes, Ellipses, Dashes })
        {
            var style = group.Styles.FirstOrDefault(s => scan.Count(s) > 0, (MarkStyle)(-1));
            if ((int)style < 0) continue;
            var (_, names, symbol) = Name(style);
            parts.Add($"{names} ({symbol}) for all {N0(scan.Count(style))} {group.Noun}");
            marks += scan.Count(style);
        }
        if (marks < StrengthMinMarks) return;
        context.Findings.Add(new Finding(ConsistencyRules.Consistent, Severity.Info,
            $"Punctuation is consistent: {string.Join("; ", parts)}.",
            Location: TextLocation.Whole(context.Document.Text.Length), IsStrength: true));
    }

    private static (string Name, string Plural, string Symbol) Name(MarkStyle style) => style switch
    {
        MarkStyle.StraightDouble => ("straight double quote", "straight double quotes", "\""),
        MarkStyle.CurlyDouble => ("curly double quote", "curly double quotes", "“ ”"),
        MarkStyle.StraightSingle => ("straight apostrophe", "straight apostrophes", "'"),
        MarkStyle.CurlySingle => ("curly apostrophe", "curly apostrophes", "’"),
        MarkStyle.EllipsisDots => ("three-full-stop ellipsis", "three-full-stop ellipses", "..."),
        MarkStyle.EllipsisCharacter => ("ellipsis character", "ellipsis characters", "…"),
        MarkStyle.EllipsisSpaced => ("spaced ellipsis", "spaced ellipses", ". . ."),
        MarkStyle.DashDoubleHyphen => ("double-hyphen dash", "double-hyphen dashes", "--"),
        MarkStyle.DashEm => ("em dash", "em dashes", "—"),
        MarkStyle.DashEn => ("en dash", "en dashes", "–"),
        _ => ("spaced hyphen", "spaced hyphens", " - "),
    };

    private static string Tip(MarkStyle style) => style switch
    {
        MarkStyle.StraightDouble or MarkStyle.StraightSingle => " (a word processor's smart-quotes replace does it)",
        MarkStyle.CurlyDouble or MarkStyle.CurlySingle => " (or switch the rest to straight marks if the house style wants them)",
        _ => "",
    };
}
