using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Manuscripts.Requirements;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Themes;

/// <summary>
/// The <c>themes</c> node: which themes the text carries and how evenly, measured through built-in theme
/// lexicons (<see cref="ThemeLexicons"/>); whether the requested themes are on the page; which themes it carries
/// strongly unasked; and how well its vocabulary fits each genre of the genre table (<see cref="GenreLexicons"/>).
/// Manuscript-scoped, deterministic, one pass over the words.
/// </summary>
/// <remarks>
/// <para><b>Input.</b> Subject: a <see cref="ManuscriptDocument"/> (anything else is an
/// <see cref="InvalidNodeInputException"/>). Requirements: <see cref="ManuscriptRequirements"/> (optional;
/// <c>Themes</c> and <c>Genre</c> are used). It reads no upstream result.</para>
/// <para><b>Measures.</b> A hit is a word of the text that is a form of a lexicon entry (see <see cref="ThemeLexicons"/>
/// for how forms are matched). <i>Intensity</i> = hits per 1,000 words, for the book and for each chapter.
/// <i>Coverage</i> = share of the chapters of at least <c>minChapterWords</c> words whose intensity reaches
/// <c>coverageIntensity</c>. A theme is <i>carried strongly</i> when its book intensity is at least
/// <c>strongIntensity</c> and its coverage at least <c>strongCoverage</c>. A genre's <i>fit</i> =
/// intensity / (intensity + <c>halfFit</c>): 0 without a hit, 0.5 at <c>halfFit</c> hits per 1,000 words, towards 1
/// beyond; the best-fitting genre is the one with the highest fit.</para>
/// <para><b>Findings.</b> For each requested theme: <c>themes.requested.absent</c> (Warning) when no word of it occurs;
/// <c>themes.requested.weak</c> when its coverage is below <c>requiredCoverage</c> (a Warning below half of that), located
/// at and naming its <c>weakestChapters</c> weakest chapters; else the strength <c>themes.requested.carried</c>.
/// <c>themes.theme.unknown</c> (Info) for a requested theme without a lexicon. <c>themes.detected.strong</c> for each
/// theme carried strongly that was not requested, most intense first: a strength when no themes were requested, an Info
/// note when others were. <c>themes.genre.best-fit</c> names the best-fitting genre (a
/// strength when it is the requested one); <c>themes.genre.poor-fit</c> when the requested genre's fit is below
/// <c>poorFit</c> (a Warning below half of it) or below <c>relativePoorFit</c> times the best genre's fit. Theme and
/// genre findings quote the sentence with the most hits of the lexicon as evidence (among sentences of at most 40 words,
/// so the quote stays readable; any sentence when no short one has a hit).</para>
/// <para><b>Options</b> (all optional): <c>coverageIntensity</c> (number &gt; 0, default 1.5 hits per 1,000 words),
/// <c>requiredCoverage</c> (in (0,1], default 0.5), <c>strongIntensity</c> (number &gt; 0, default 2.0),
/// <c>strongCoverage</c> (in [0,1], default 0.25), <c>minChapterWords</c> (int ≥ 0, default 200), <c>detectedThemes</c>
/// (int 0–15, default 5), <c>weakestChapters</c> (int ≥ 1, default 3), <c>halfFit</c> (number &gt; 0, default 4.0),
/// <c>poorFit</c> (in [0,1), default 0.35), <c>relativePoorFit</c> (in [0,1], default 0.5). See <see cref="ThemesOptions"/>.</para>
/// <para><b>Score</b>, in [0,1]:</para>
/// <list type="bullet">
/// <item><c>themeScore</c> = the mean, over the requested themes that have a lexicon, of min(1, coverage /
/// requiredCoverage): how far each requested theme reaches through the book. With no such theme it is the
/// <c>focus</c>: the same mean over the book's three most intense themes (a book with a few themes running through it
/// scores high, one whose themes flicker scores low).</item>
/// <item>With a requested genre the table knows: score = 0.75 × themeScore + 0.25 × <c>genreScore</c>, where
/// genreScore = min(1, requested genre's fit / 0.5). Without one: score = themeScore.</item>
/// <item>An empty manuscript scores 0.</item>
/// </list>
/// <para><b>Rule ids</b>: see <see cref="ThemesRules"/>. <b>Metrics, series, labels</b>: see <see cref="ThemesMetrics"/>:
/// <c>theme.&lt;key&gt;.intensity</c>/<c>.coverage</c> for all fifteen themes, <c>genre.&lt;key&gt;.intensity</c>/<c>.fit</c>
/// for every genre, the per-chapter series <c>theme.&lt;key&gt;</c> (requested and most intense themes, labelled by
/// <c>Labels["chapters"]</c>) and the series <c>genreFit</c> (labelled by <c>Labels["genres"]</c>).</para>
/// </remarks>
public sealed class ThemesNode(NodeDefinition definition) : WorkflowNode(definition)
{
    /// <summary>The node type as written in pipeline files.</summary>
    public const string TypeName = "themes";

    /// <summary>One line for node listings.</summary>
    public const string Description =
        "Themes: requested themes' intensity and coverage per chapter, themes carried strongly unasked, genre fit of the vocabulary.";

    public override IReadOnlyCollection<string> DeclaredMetrics => ThemesMetrics.Declared;

    public override Task<NodeResult> RunAsync(NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        var document = context.SubjectAs<ManuscriptDocument>();
        var requirements = context.RequirementsAs<ManuscriptRequirements>() ?? ManuscriptRequirements.None;
        var options = ThemesOptions.From(Options);
        return Task.FromResult(Analyse(document, requirements, options));
    }

    /// <summary>The analysis itself, without a pipeline around it (for tools, benchmarks and tests).</summary>
    public static NodeResult Analyse(ManuscriptDocument document, ManuscriptRequirements? requirements = null, ThemesOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new ThemesAnalysis(document, requirements ?? ManuscriptRequirements.None, options ?? ThemesOptions.Default).Run();
    }

    /// <summary>The base checks, then: every theme series has one value per chapter label, the genre series one per genre label.</summary>
    public override ResultValidation Validate(NodeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var verdict = base.Validate(result);
        if (!verdict.IsValid) return verdict;

        if (!result.Labels.TryGetValue(ThemesMetrics.ChapterLabels, out var chapters))
            return ResultValidation.Invalid($"label list '{ThemesMetrics.ChapterLabels}' is missing");
        if (!result.Labels.TryGetValue(ThemesMetrics.GenreLabels, out var genres))
            return ResultValidation.Invalid($"label list '{ThemesMetrics.GenreLabels}' is missing");
        foreach (var (name, values) in result.Series)
        {
            var expected = name == ThemesMetrics.GenreFitSeries ? genres.Count
                : name.StartsWith(ThemesMetrics.ThemeSeriesPrefix, StringComparison.Ordinal) ? chapters.Count
                : -1;
            if (expected < 0)
                return ResultValidation.Invalid($"series '{name}' is not one the themes node makes");
            if (values.Count != expected)
                return ResultValidation.Invalid($"series '{name}' has {values.Count} values for {expected} labels");
            if (values.Any(v => !double.IsFinite(v)))
                return ResultValidation.Invalid($"series '{name}' has a value that is not a finite number");
        }
        if (!result.Series.ContainsKey(ThemesMetrics.GenreFitSeries))
            return ResultValidation.Invalid($"series '{ThemesMetrics.GenreFitSeries}' is missing");
        if (result.Metrics.TryGetValue(ThemesMetrics.Chapters, out var count) && (int)count != chapters.Count)
            return ResultValidation.Invalid($"metric 'chapters' is {count} but there are {chapters.Count} chapter labels");
        return ResultValidation.Valid;
    }
}
