using Orchestrator.Engine.Findings;
using Orchestrator.Engine.Nodes;
using Orchestrator.Manuscripts.Text;
using static Orchestrator.Manuscripts.Pacing.PacingText;
using static Orchestrator.Manuscripts.Structure.StructureText;
using static Orchestrator.Manuscripts.Text.NumberFormat;
using M = Orchestrator.Manuscripts.Pacing.PacingMetrics;

namespace Orchestrator.Manuscripts.Pacing;

/// <summary>
/// One run of the pacing analysis over one document: a single pass over the paragraphs (their sentences
/// and words) gathers the counts of every chapter and scene, then the curve, the stretches and the hook
/// are read from those counts. Deterministic: findings come out in a fixed order.
/// </summary>
internal sealed class PacingAnalysis
{
    // Penalty scales and caps; PacingNode's documentation explains them.
    internal const double MaxFlatPenalty = 0.30;
    internal const double VarietyFloorCv = 0.15;
    internal const double VarietyPenaltyPerCv = 1.0;
    internal const double MaxVarietyPenalty = 0.15;
    internal const double MaxHookPenalty = 0.15;
    internal const double DialoguePenaltyPerShare = 1.0;
    internal const double MaxDialoguePenalty = 0.15;
    internal const double ExpositionPenaltyPerShare = 0.5;
    internal const double MaxExpositionPenalty = 0.20;
    internal const double HeuristicConfidence = 0.7;
    internal const double CurveConfidence = 0.6;

    private readonly ManuscriptDocument _doc;
    private readonly PacingOptions _options;
    private readonly Dictionary<string, double> _metrics = new(StringComparer.Ordinal);
    private readonly List<Finding> _findings = [];
    private readonly List<string> _summary = [];
    private readonly IReadOnlyList<Chapter> _chapters;
    private readonly PaceCounts[] _chapterCounts;
    private readonly PaceCounts[] _sceneCounts;
    private readonly List<Stretch> _exposition = [];
    private PaceCounts _book;

    public PacingAnalysis(ManuscriptDocument document, PacingOptions options)
    {
        _doc = document;
        _options = options;
        _chapters = document.Chapters;
        _chapterCounts = new PaceCounts[_chapters.Count];
        _sceneCounts = new PaceCounts[document.Scenes.Length];
    }

    /// <summary>A run of consecutive items (paragraphs or chapters): first index, how many, and their words.</summary>
    private readonly record struct Stretch(int First, int Count, int Words);

    public NodeResult Run()
    {
        Gather();
        foreach (var counts in _chapterCounts) _book.Add(counts);

        var chapterTension = new double[_chapters.Count];
        for (var c = 0; c < chapterTension.Length; c++) chapterTension[c] = TensionFormula.Of(_chapterCounts[c], _options.ActionSaturation);

        _metrics[M.Words] = _book.Words;
        _metrics[M.Chapters] = _chapters.Count;
        _metrics[M.Scenes] = _sceneCounts.Length;
        _metrics[M.DialogueRatio] = _book.DialogueRatio;
        _metrics[M.MeanSentenceWords] = _book.MeanSentenceWords;
        _metrics[M.MeanParagraphWords] = _book.MeanParagraphWords;
        _metrics[M.ActionDensity] = _book.ActionDensity;
        _metrics[M.ShortSentenceShare] = _book.ShortShare;
        _metrics[M.ExclamationShare] = _book.ExclamationShare;
        _metrics[M.QuestionShare] = _book.QuestionShare;
        _metrics[M.Tension] = TensionFormula.Of(_book, _options.ActionSaturation);

        var penaltyExposition = ReportExposition();
        var (penaltyFlat, penaltyVariety) = CheckCurve(chapterTension);
        var penaltyHook = CheckHook();
        var penaltyDialogue = CheckDialogue();

        _metrics[M.PenaltyFlat] = penaltyFlat;
        _metrics[M.PenaltyVariety] = penaltyVariety;
        _metrics[M.PenaltyHook] = penaltyHook;
        _metrics[M.PenaltyDialogue] = penaltyDialogue;
        _metrics[M.PenaltyExposition] = penaltyExposition;

        var score = _book.Words == 0
            ? 0
            : Math.Clamp(1 - (penaltyFlat + penaltyVariety + penaltyHook + penaltyDialogue + penaltyExposition), 0, 1);

        return new NodeResult
        {
            Score = score,
            Summary = Summarise(score),
            Metrics = _metrics,
            Findings = _findings,
            Series = BuildSeries(chapterTension),
            Labels = BuildLabels(),
        };
    }

    /// <summary>The single pass: counts per paragraph, added to its chapter and scene; exposition runs on the way.</summary>
    private void Gather()
    {
        var text = _doc.Text;
        var paragraphs = _doc.Paragraphs;
        var sentences = _doc.Sentences;
        var words = _doc.Words;
        var speech = _doc.Dialogue.ParagraphDialogueChars;
        var shortWords = _options.ShortSentenceWords;
        var expositionWords = _options.ExpositionParagraphWords;
        var forms = _doc.Forms;
        var actionOfForm = new byte[forms.Count];

        int runFirst = -1, runCount = 0, runWords = 0;
        for (var p = 0; p < paragraphs.Length; p++)
        {
            var paragraph = paragraphs[p];
            var counts = new PaceCounts
            {
                Words = paragraph.WordCount,
                Paragraphs = 1,
                Characters = paragraph.Span.Length,
                DialogueCharacters = speech[p],
            };
            var lastSentence = paragraph.FirstSentence + paragraph.SentenceCount;
            for (var s = paragraph.FirstSentence; s < lastSentence; s++)
            {
                var sentence = sentences[s];
                counts.Sentences++;
                if (sentence.WordCount <= shortWords) counts.ShortSentences++;
                var sentenceText = text.AsSpan(sentence.Span.Start, sentence.Span.Length);
                if (sentenceText.Contains('!')) counts.Exclamations++;
                if (sentenceText.Contains('?')) counts.Questions++;
            }
            var lastWord = paragraph.FirstWord + paragraph.WordCount;
            for (var w = paragraph.FirstWord; w < lastWord; w++)
            {
                // Looked up once per distinct form: 0 not yet, 1 not an action verb, 2 an action verb.
                var form = forms.FormOf(w);
                if (actionOfForm[form] == 0)
                {
                    var word = words[w];
                    actionOfForm[form] = ActionVerbs.Contains(text.AsSpan(word.Start, word.Length)) ? (byte)2 : (byte)1;
                }
                if (actionOfForm[form] == 2) counts.ActionVerbs++;
            }

            if ((uint)paragraph.ChapterIndex < (uint)_chapterCounts.Length) _chapterCounts[paragraph.ChapterIndex].Add(counts);
            if ((uint)paragraph.SceneIndex < (uint)_sceneCounts.Length) _sceneCounts[paragraph.SceneIndex].Add(counts);

            // Exposition: consecutive long paragraphs with no speech, inside one chapter.
            var expository = paragraph.WordCount >= expositionWords && speech[p] == 0;
            var continues = expository && runCount > 0 && paragraphs[runFirst].ChapterIndex == paragraph.ChapterIndex;
            if (!continues)
            {
                CloseExpositionRun(runFirst, runCount, runWords);
                runFirst = expository ? p : -1;
                runCount = expository ? 1 : 0;
                runWords = expository ? paragraph.WordCount : 0;
            }
            else
            {
                runCount++;
                runWords += paragraph.WordCount;
            }
        }
        CloseExpositionRun(runFirst, runCount, runWords);
    }

    private void CloseExpositionRun(int first, int count, int words)
    {
        if (count >= _options.ExpositionMinParagraphs) _exposition.Add(new Stretch(first, count, words));
    }

    /// <summary>Exposition findings (the longest stretches, then a summary when there are more). Returns the penalty.</summary>
    private double ReportExposition()
    {
        var total = _exposition.Sum(s => (long)s.Words);
        var share = _book.Words > 0 ? total / (double)_book.Words : 0;
        _metrics[M.ExpositionStretches] = _exposition.Count;
        _metrics[M.ExpositionWords] = total;
        _metrics[M.ExpositionShare] = share;
        if (_exposition.Count == 0) return 0;

        var shown = _exposition
            .OrderByDescending(s => s.Words).ThenBy(s => s.First)
            .Take(_options.MaxFindingsPerRule)
            .OrderBy(s => s.First);
        var paragraphs = _doc.Paragraphs;
        foreach (var stretch in shown)
        {
            var first = paragraphs[stretch.First];
            var last = paragraphs[stretch.First + stretch.Count - 1];
            var chapter = _chapters[first.ChapterIndex];
            var location = _doc.Locator.Locate(first.Span.Start, last.Span.End - first.Span.Start);
            var severity = stretch.Count >= 2 * _options.ExpositionMinParagraphs ? Severity.Warning : Severity.Suggestion;
            _findings.Add(new Finding(PacingRules.ExpositionStretch, severity,
                $"{ChapterNames.Describe(chapter)} has {stretch.Count} consecutive paragraphs without dialogue, each of at least " +
                $"{N0(_options.ExpositionParagraphWords)} words ({N0(stretch.Words)} words in all), from paragraph {location.Paragraph}.",
                "Break the stretch up: dramatise part of it as a scene with speech or action, move backstory to where the reader " +
                "needs it, or cut what the story does not need yet.",
                location, Excerpt.Of(_doc, first.Span), HeuristicConfidence));
        }
        if (_exposition.Count > _options.MaxFindingsPerRule)
        {
            _findings.Add(new Finding(PacingRules.ExpositionSummary, Severity.Info,
                $"{N0(_exposition.Count)} exposition stretches in all ({N0(total)} words, {Percent(share)} of the book); " +
                $"the {_options.MaxFindingsPerRule} longest are listed.",
                "Work through the longest first; the metrics carry the full count.",
                TextLocation.Whole(_doc.Text.Length), null, HeuristicConfidence));
        }
        _summary.Add(_exposition.Count == 1 ? "1 exposition stretch" : $"{N0(_exposition.Count)} exposition stretches");
        return Math.Min(MaxExpositionPenalty, share * ExpositionPenaltyPerShare);
    }

    /// <summary>Tension distribution, slow chapters, flat stretches and the variety of the curve. Returns the flat and variety penalties.</summary>
    private (double Flat, double Variety) CheckCurve(double[] tension)
    {
        var eligible = new List<int>(_chapters.Count);
        for (var c = 0; c < _chapters.Count; c++)
            if (_chapterCounts[c].Words >= _options.MinChapterWords && _chapterCounts[c].Words > 0) eligible.Add(c);

        var values = eligible.Select(c => tension[c]).Order().ToArray();
        var mean = values.Length > 0 ? values.Average() : 0;
        var sd = values.Length > 0 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length) : 0;
        var cv = mean > 0 ? sd / mean : 0;
        var median = Quantile(values, 0.5);
        _metrics[M.TensionMean] = mean;
        _metrics[M.TensionMedian] = median;
        _metrics[M.TensionCv] = cv;

        if (values.Length < _options.MinChaptersForCurve)
        {
            _metrics[M.SlowThreshold] = 0;
            _metrics[M.SlowChapters] = 0;
            _metrics[M.FlatStretches] = 0;
            _metrics[M.FlatChapters] = 0;
            return (0, 0);
        }

        var threshold = Quantile(values, _options.SlowQuantile);
        var slow = new bool[_chapters.Count];
        foreach (var c in eligible) slow[c] = tension[c] < threshold;
        var stretches = new List<Stretch>();
        for (var c = 0; c < slow.Length;)
        {
            if (!slow[c]) { c++; continue; }
            var start = c;
            var words = 0;
            while (c < slow.Length && slow[c]) words += _chapterCounts[c++].Words;
            if (c - start >= _options.FlatMinChapters) stretches.Add(new Stretch(start, c - start, words));
        }

        var flatChapters = stretches.Sum(s => s.Count);
        _metrics[M.SlowThreshold] = threshold;
        _metrics[M.SlowChapters] = slow.Count(s => s);
        _metrics[M.FlatStretches] = stretches.Count;
        _metrics[M.FlatChapters] = flatChapters;

        foreach (var stretch in stretches.OrderByDescending(s => s.Count).ThenBy(s => s.First).Take(_options.MaxFindingsPerRule).OrderBy(s => s.First))
            ReportFlatStretch(stretch, tension, threshold, median);
        if (stretches.Count > 0)
            _summary.Add(stretches.Count == 1 ? "1 flat stretch" : $"{stretches.Count} flat stretches");

        var variety = Math.Min(MaxVarietyPenalty, Math.Max(0, VarietyFloorCv - cv) * VarietyPenaltyPerCv);
        if (stretches.Count == 0 && variety == 0)
        {
            _findings.Add(new Finding(PacingRules.VariedCurve, Severity.Info,
                $"The tension curve varies across the book (coefficient of variation {F2(cv)} over {values.Length} chapters, " +
                $"from {F2(values[0])} to {F2(values[^1])}) with no run of {_options.FlatMinChapters} or more slow chapters.",
                "Keep the alternation of tense and quiet chapters through revision.",
                TextLocation.Whole(_doc.Text.Length), null, CurveConfidence, IsStrength: true));
        }
        return (Math.Min(MaxFlatPenalty, flatChapters / (double)values.Length), variety);
    }

    private void ReportFlatStretch(Stretch stretch, double[] tension, double threshold, double median)
    {
        var first = _chapters[stretch.First];
        var last = _chapters[stretch.First + stretch.Count - 1];
        var paragraphs = _doc.Paragraphs;
        var start = first.ParagraphCount > 0 ? paragraphs[first.FirstParagraph].Span.Start : first.Span.Start;
        var end = last.ParagraphCount > 0 ? paragraphs[last.FirstParagraph + last.ParagraphCount - 1].Span.End : last.Span.End;
        var location = _doc.Locator.Locate(start, end - start);
        var values = string.Join(", ", Enumerable.Range(stretch.First, stretch.Count).Select(c => F2(tension[c])));
        var quantile = Math.Abs(_options.SlowQuantile - 1.0 / 3) < 1e-9 ? "lower tercile" : $"{Percent(_options.SlowQuantile)} quantile";
        var evidence = first.ParagraphCount > 0 ? Excerpt.Of(_doc, paragraphs[first.FirstParagraph].Span) : first.Label;
        _findings.Add(new Finding(PacingRules.FlatStretch, stretch.Count >= 2 * _options.FlatMinChapters ? Severity.Warning : Severity.Suggestion,
            $"{ChapterNames.Describe(first)} to {ChapterNames.Describe(last)} are a flat stretch: {stretch.Count} consecutive chapters ({N0(stretch.Words)} words) " +
            $"with tension below the book's {quantile} ({F2(threshold)}): {values}, against a book median of {F2(median)}.",
            "Tension here is a proxy from short sentences, exclamations, questions and action verbs. If this run is meant as a lull, " +
            "make sure something still turns in each chapter (a decision, a reveal, a complication); otherwise tighten or merge these " +
            "chapters, or move a livelier scene into the run.",
            location, evidence, CurveConfidence));
    }

    /// <summary>Words of the opening chapter before its first speech or action verb. Returns the hook penalty.</summary>
    private double CheckHook()
    {
        var opening = _chapters.FirstOrDefault(c => c.WordCount > 0);
        if (opening is null)
        {
            _metrics[M.HookWords] = 0;
            return 0;
        }

        var words = _doc.Words;
        var dialogue = _doc.Dialogue;
        var end = opening.FirstWord + opening.WordCount;
        var at = -1;
        var speech = false;
        for (var w = opening.FirstWord; w < end; w++)
        {
            if (dialogue.IsInDialogue(words[w].Start)) { at = w; speech = true; break; }
            if (ActionVerbs.Contains(_doc.WordText(w))) { at = w; break; }
        }
        var before = at < 0 ? opening.WordCount : at - opening.FirstWord;
        _metrics[M.HookWords] = before;

        var paragraphs = _doc.Paragraphs;
        var openingParagraph = paragraphs[opening.FirstParagraph];
        if (before > _options.HookLateWords)
        {
            var what = at < 0
                ? $"{ChapterNames.Describe(opening)} ({WordsText(opening.WordCount)}) has no speech and no action verb at all."
                : $"The opening runs {WordsText(before)} before its first {Trigger(at, speech)}.";
            var over = (before - _options.HookLateWords) / (double)_options.HookLateWords;
            _findings.Add(new Finding(PacingRules.LateHook, over >= 2 ? Severity.Warning : Severity.Suggestion,
                what,
                "Readers (and agents) decide on the first pages: start closer to the moment things change, with a character " +
                "speaking or doing something, and feed the setting and backstory in after the hook.",
                _doc.Locator.LocateParagraph(opening.FirstParagraph), Excerpt.Of(_doc, openingParagraph.Span), CurveConfidence));
            _summary.Add($"a late opening hook ({WordsText(before)})");
            return Math.Min(MaxHookPenalty, MaxHookPenalty * over / 2);
        }
        if (at >= 0 && before <= _options.HookEarlyWords)
        {
            var sentence = SentenceOf(at);
            _findings.Add(new Finding(PacingRules.EarlyHook, Severity.Info,
                before == 0
                    ? $"The opening starts with its first {Trigger(at, speech)}."
                    : $"The opening reaches its first {Trigger(at, speech)} within {WordsText(before)}.",
                "A prompt start: keep it.",
                _doc.Locator.Locate(sentence.Span), Excerpt.Of(_doc, sentence.Span), CurveConfidence, IsStrength: true));
        }
        return 0;
    }

    /// <summary>"speech (paragraph 2 of Chapter 1)" or "action verb "ran" (paragraph 6 of Chapter 1)".</summary>
    private string Trigger(int wordIndex, bool speech)
    {
        var location = _doc.Locator.Locate(_doc.Words[wordIndex].Start, _doc.Words[wordIndex].Length);
        var where = location.Chapter is { } chapter ? $" (paragraph {location.Paragraph} of {ChapterNames.Describe(_chapters[chapter - 1])})" : "";
        return speech ? $"line of speech{where}" : $"action verb \"{_doc.WordText(wordIndex)}\"{where}";
    }

    private Sentence SentenceOf(int wordIndex)
    {
        var sentences = _doc.Sentences;
        int lo = 0, hi = sentences.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (sentences[mid].FirstWord <= wordIndex) lo = mid; else hi = mid - 1;
        }
        return sentences[lo];
    }

    /// <summary>Book dialogue ratio outside the band. Returns the dialogue penalty.</summary>
    private double CheckDialogue()
    {
        if (_book.Words == 0 || _book.Characters == 0) return 0;
        var ratio = _book.DialogueRatio;
        if (ratio < _options.DialogueMin)
        {
            _findings.Add(new Finding(PacingRules.LowDialogue, Severity.Suggestion,
                $"Only {Percent(ratio)} of the text is dialogue (below {Percent(_options.DialogueMin)}); " +
                $"the most is {Percent(MaxChapterDialogue(out var at))} in {ChapterNames.Describe(_chapters[at])}.",
                "Long runs of narration slow a book; let characters speak where a scene is summarised, and dramatise key moments.",
                TextLocation.Whole(_doc.Text.Length), null, HeuristicConfidence));
            _summary.Add($"little dialogue ({Percent(ratio)})");
            return Math.Min(MaxDialoguePenalty, (_options.DialogueMin - ratio) * DialoguePenaltyPerShare);
        }
        if (ratio > _options.DialogueMax)
        {
            _findings.Add(new Finding(PacingRules.HighDialogue, Severity.Suggestion,
                $"{Percent(ratio)} of the text is dialogue (above {Percent(_options.DialogueMax)}).",
                "Wall-to-wall dialogue can leave readers without a sense of place or of the characters' inner life; ground the " +
                "exchanges with action and setting beats.",
                TextLocation.Whole(_doc.Text.Length), null, HeuristicConfidence));
            _summary.Add($"dialogue-heavy ({Percent(ratio)})");
            return Math.Min(MaxDialoguePenalty, (ratio - _options.DialogueMax) * DialoguePenaltyPerShare);
        }
        return 0;
    }

    private double MaxChapterDialogue(out int chapter)
    {
        chapter = 0;
        for (var c = 1; c < _chapterCounts.Length; c++)
            if (_chapterCounts[c].DialogueRatio > _chapterCounts[chapter].DialogueRatio) chapter = c;
        return _chapterCounts.Length > 0 ? _chapterCounts[chapter].DialogueRatio : 0;
    }

    private Dictionary<string, IReadOnlyList<double>> BuildSeries(double[] chapterTension)
    {
        var series = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal)
        {
            [M.DialogueRatioSeries] = _chapterCounts.Select(c => c.DialogueRatio).ToArray(),
            [M.MeanSentenceWordsSeries] = _chapterCounts.Select(c => c.MeanSentenceWords).ToArray(),
            [M.MeanParagraphWordsSeries] = _chapterCounts.Select(c => c.MeanParagraphWords).ToArray(),
            [M.ActionDensitySeries] = _chapterCounts.Select(c => c.ActionDensity).ToArray(),
            [M.TensionSeries] = chapterTension,
            [M.ScenePrefix + M.DialogueRatioSeries] = _sceneCounts.Select(c => c.DialogueRatio).ToArray(),
            [M.ScenePrefix + M.MeanSentenceWordsSeries] = _sceneCounts.Select(c => c.MeanSentenceWords).ToArray(),
            [M.ScenePrefix + M.MeanParagraphWordsSeries] = _sceneCounts.Select(c => c.MeanParagraphWords).ToArray(),
            [M.ScenePrefix + M.ActionDensitySeries] = _sceneCounts.Select(c => c.ActionDensity).ToArray(),
            [M.ScenePrefix + M.TensionSeries] = _sceneCounts.Select(c => TensionFormula.Of(c, _options.ActionSaturation)).ToArray(),
        };
        return series;
    }

    private Dictionary<string, IReadOnlyList<string>> BuildLabels()
    {
        var chapterLabels = _chapters.Select(c => c.Label).ToArray();
        var scenes = _doc.Scenes;
        var sceneLabels = new string[scenes.Length];
        for (var s = 0; s < scenes.Length; s++)
        {
            var chapterIndex = scenes[s].ChapterIndex;
            var chapter = (uint)chapterIndex < (uint)_chapters.Count ? _chapters[chapterIndex] : null;
            sceneLabels[s] = chapter is null
                ? $"Scene {s + 1}"
                : $"{chapterLabels[chapterIndex]} · scene {s - chapter.FirstScene + 1}";
        }
        return new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            [M.ChapterLabels] = chapterLabels,
            [M.SceneLabels] = sceneLabels,
        };
    }

    /// <summary>The q-quantile of sorted values, interpolating linearly between order statistics (0 for none).</summary>
    internal static double Quantile(double[] sorted, double q)
    {
        if (sorted.Length == 0) return 0;
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }

    private string Summarise(double score)
    {
        if (_book.Words == 0) return "The manuscript has no words; score 0.";
        var head = $"Dialogue {Percent(_book.DialogueRatio)} of the text, sentences {F1(_book.MeanSentenceWords)} words on average, " +
                   $"{F1(_book.ActionDensity)} action verbs per 1,000 words, chapter tension {F2(_metrics[M.TensionMean])} on average " +
                   $"(CV {F2(_metrics[M.TensionCv])})";
        var tail = _summary.Count > 0 ? "; " + string.Join("; ", _summary) : "";
        return $"{head}{tail}. Score {F2(score)}.";
    }
}
