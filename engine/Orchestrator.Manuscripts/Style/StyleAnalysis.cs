using Orchestrator.Engine.Findings;
using Orchestrator.Engine.Nodes;
using Orchestrator.Manuscripts.Text;
using static Orchestrator.Manuscripts.Style.StyleText;
using static Orchestrator.Manuscripts.Text.NumberFormat;
using M = Orchestrator.Manuscripts.Style.StyleMetrics;

namespace Orchestrator.Manuscripts.Style;

/// <summary>
/// Turns one <see cref="StyleScan"/> into the node's result: metrics, the score and its penalties, the most
/// telling findings of each rule with a summary of the rest, strengths, and the per-chapter series.
/// Deterministic: findings come out in rule order, and within a rule in text order.
/// </summary>
internal sealed class StyleAnalysis
{
    /// <summary>A chapter reads "much harder" at this many grades above the book (Flesch–Kincaid).</summary>
    internal const double HardChapterGrades = 3;

    /// <summary>Chapters shorter than this are not compared with the book.</summary>
    internal const int HardChapterMinWords = 300;

    /// <summary>Rates under these are noted as strengths (per 1,000 narration words).</summary>
    internal const double FewAdverbs = 5, FewPassives = 4, FewFilterWords = 3;

    private readonly ManuscriptDocument _doc;
    private readonly StyleOptions _options;
    private readonly StyleScan _scan;
    private readonly Dictionary<string, double> _metrics = new(StringComparer.Ordinal);
    private readonly List<Finding> _findings = [];
    private readonly List<string> _summary = [];
    private readonly Dictionary<string, StyleDetection[]> _byRule = new(StringComparer.Ordinal);

    public StyleAnalysis(ManuscriptDocument document, StyleOptions options, StyleScan scan)
    {
        _doc = document;
        _options = options;
        _scan = scan;
        // One exact-size array per rule, filled in text order.
        var filled = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (rule, count) in scan.RuleCounts)
        {
            _byRule[rule] = new StyleDetection[count];
            filled[rule] = 0;
        }
        foreach (var d in scan.Detections)
        {
            ref var next = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(filled, d.Rule);
            _byRule[d.Rule][next++] = d;
        }
    }

    private TextLocation Whole => TextLocation.Whole(_doc.Text.Length);

    private double PerWords(int count) => _scan.Words > 0 ? 1000.0 * count / _scan.Words : 0;

    private double PerNarration(int count) => _scan.NarrationWords > 0 ? 1000.0 * count / _scan.NarrationWords : 0;

    public NodeResult Run()
    {
        var r = _scan.Readability;
        var counts = r.Counts;
        var sentences = _scan.Sentences;
        _metrics[M.Words] = _scan.Words;
        _metrics[M.NarrationWords] = _scan.NarrationWords;
        _metrics[M.Sentences] = counts.Sentences;
        _metrics[M.SyllablesPerWord] = counts.SyllablesPerWord;
        _metrics[M.DifficultWordShare] = counts.Words > 0 ? counts.DifficultWords / (double)counts.Words : 0;
        _metrics[M.FleschReadingEase] = r.FleschReadingEase;
        _metrics[M.FleschKincaidGrade] = r.FleschKincaidGrade;
        _metrics[M.GunningFog] = r.GunningFog;
        _metrics[M.Smog] = r.Smog;
        _metrics[M.ColemanLiau] = r.ColemanLiau;
        _metrics[M.Ari] = r.AutomatedReadabilityIndex;
        _metrics[M.DaleChall] = r.DaleChall;
        _metrics[M.DaleChallV2] = r.DaleChallV2;
        _metrics[M.MeanSentenceWords] = sentences.Mean;
        _metrics[M.SentenceWordsStdev] = sentences.StdDev;
        _metrics[M.SentenceWordsCv] = sentences.Cv;
        _metrics[M.ShortSentenceShare] = sentences.ShortShare;
        _metrics[M.LongSentenceShare] = sentences.LongShare;

        if (_scan.Words == 0)
        {
            _findings.Add(new Finding(StyleRules.Empty, Severity.Problem, "The manuscript has no words to analyse.",
                "Check that the right file was loaded and that its text is not all in headings or front matter.", Whole));
        }

        var penaltyReadability = CheckReadability();
        var penaltyVariety = CheckVariety();
        var penaltyLong = Family(StyleRules.LongSentence, M.LongSentences, M.LongSentencesPer1000, narration: false, StylePenalty.LongSentences,
            "very long sentences", LongSentenceFinding);
        var penaltySticky = Family(StyleRules.StickySentence, M.StickySentences, M.StickySentencesPer1000, narration: true, StylePenalty.Sticky,
            "sticky sentences", StickyFinding);
        var penaltyAdverbs = Family(StyleRules.Adverb, M.Adverbs, M.AdverbsPer1000, narration: true, StylePenalty.Adverbs,
            "-ly adverbs in narration", AdverbFinding);
        var penaltyPassive = Family(StyleRules.Passive, M.Passives, M.PassivesPer1000, narration: true, StylePenalty.Passive,
            "passive constructions in narration", PassiveFinding);
        var penaltyHedges = Family(StyleRules.Hedge, M.Hedges, M.HedgesPer1000, narration: true, StylePenalty.Hedges,
            "hedge and filler words in narration", HedgeFinding);
        var penaltyCliches = Family(StyleRules.Cliche, M.Cliches, M.ClichesPer1000, narration: false, StylePenalty.Cliches,
            "clichés", ClicheFinding);
        var penaltyOpenings = Openings();
        var penaltyIllusions = Illusions();
        var penaltyEchoes = Family(StyleRules.Echo, M.Echoes, M.EchoesPer1000, narration: true, StylePenalty.Echoes,
            "echoes", EchoFinding);
        var penaltyFilter = Family(StyleRules.FilterWord, M.FilterWords, M.FilterWordsPer1000, narration: true, StylePenalty.FilterWords,
            "filter words in narration", FilterFinding);
        var penaltyTags = DialogueTags();
        var penaltyOverused = CheckOverused();
        var penaltyWordy = Family(StyleRules.Wordy, M.WordyPhrases, M.WordyPer1000, narration: true, StylePenalty.Wordy,
            "wordy phrases in narration", WordyFinding);
        var penaltyRedundancies = Family(StyleRules.Redundancy, M.Redundancies, M.RedundanciesPer1000, narration: false, StylePenalty.Redundancies,
            "redundant pairs", RedundancyFinding);
        Layout();
        CheckChapters();
        AddStrengths();

        _metrics[M.PenaltyReadability] = penaltyReadability;
        _metrics[M.PenaltyVariety] = penaltyVariety;
        _metrics[M.PenaltyLongSentences] = penaltyLong;
        _metrics[M.PenaltySticky] = penaltySticky;
        _metrics[M.PenaltyAdverbs] = penaltyAdverbs;
        _metrics[M.PenaltyPassive] = penaltyPassive;
        _metrics[M.PenaltyHedges] = penaltyHedges;
        _metrics[M.PenaltyCliches] = penaltyCliches;
        _metrics[M.PenaltyOpenings] = penaltyOpenings;
        _metrics[M.PenaltyIllusions] = penaltyIllusions;
        _metrics[M.PenaltyEchoes] = penaltyEchoes;
        _metrics[M.PenaltyFilterWords] = penaltyFilter;
        _metrics[M.PenaltyDialogueTags] = penaltyTags;
        _metrics[M.PenaltyOverused] = penaltyOverused;
        _metrics[M.PenaltyWordy] = penaltyWordy;
        _metrics[M.PenaltyRedundancies] = penaltyRedundancies;

        var total = penaltyReadability + penaltyVariety + penaltyLong + penaltySticky + penaltyAdverbs + penaltyPassive + penaltyHedges
            + penaltyCliches + penaltyOpenings + penaltyIllusions + penaltyEchoes + penaltyFilter + penaltyTags + penaltyOverused
            + penaltyWordy + penaltyRedundancies;
        var score = _scan.Words == 0 ? 0 : Math.Clamp(1 - total, 0, 1);

        return new NodeResult
        {
            Score = score,
            Summary = Summarise(score),
            Metrics = _metrics,
            Findings = _findings,
            Series = Series(),
            Labels = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
            {
                [M.ChapterLabels] = _doc.Chapters.Select(Label).ToArray(),
            },
        };
    }

    // ---- readability and sentence variety -----------------------------------------------------------------

    private double CheckReadability()
    {
        if (_scan.Words == 0) return 0;
        var r = _scan.Readability;
        var ease = r.FleschReadingEase;
        var band = $"{F1(_options.ReadingEaseMin)}–{F1(_options.ReadingEaseMax)}";
        var grades = $"Flesch–Kincaid grade {F1(r.FleschKincaidGrade)}, Gunning fog {F1(r.GunningFog)}, Dale–Chall {F1(r.DaleChall)}";
        if (ease < _options.ReadingEaseMin)
        {
            _summary.Add($"reading ease {F1(ease)} (harder than the {band} band)");
            _findings.Add(new Finding(StyleRules.ReadabilityHard,
                ease < _options.ReadingEaseMin - 15 ? Severity.Warning : Severity.Suggestion,
                $"Flesch reading ease is {F1(ease)}, below the {band} band most published fiction reads in ({grades}; " +
                $"{F1(r.Counts.WordsPerSentence)} words per sentence, {F2(r.Counts.SyllablesPerWord)} syllables per word).",
                "Shorter sentences and plainer words raise it most: split sentences that carry several clauses, and prefer the " +
                "short concrete word to the long abstract one.",
                Whole));
            return Math.Min(StylePenalty.BelowCap, StylePenalty.PerPointBelow * (_options.ReadingEaseMin - ease));
        }
        if (ease > _options.ReadingEaseMax)
        {
            _summary.Add($"reading ease {F1(ease)} (easier than the {band} band)");
            _findings.Add(new Finding(StyleRules.ReadabilityEasy, Severity.Info,
                $"Flesch reading ease is {F1(ease)}, above the {band} band of most adult fiction ({grades}; " +
                $"{F1(r.Counts.WordsPerSentence)} words per sentence).",
                "Fine for young readers or a breakneck thriller; for adult literary fiction, check that the prose is not " +
                "choppy: vary sentence length and let some sentences develop a thought.",
                Whole));
            return Math.Min(StylePenalty.AboveCap, StylePenalty.PerPointAbove * (ease - _options.ReadingEaseMax));
        }
        _summary.Add($"reading ease {F1(ease)}");
        _findings.Add(new Finding(StyleRules.ReadabilityInBand, Severity.Info,
            $"Flesch reading ease {F1(ease)} is inside the {band} band of published fiction ({grades}).",
            Location: Whole, IsStrength: true));
        return 0;
    }

    private double CheckVariety()
    {
        var s = _scan.Sentences;
        if (s.Count < 20) return 0;
        var figures = $"{F1(s.Mean)} ± {F1(s.StdDev)} words (coefficient of variation {F2(s.Cv)}; {Percent(s.ShortShare)} of sentences " +
                      $"have at most {SentenceStatistics.ShortSentenceWords} words, {Percent(s.LongShare)} at least {SentenceStatistics.LongSentenceWords})";
        if (s.Cv < StylePenalty.MonotonousCv)
        {
            _summary.Add($"monotonous sentence lengths (CV {F2(s.Cv)})");
            _findings.Add(new Finding(StyleRules.SentenceVariety, Severity.Suggestion,
                $"Sentence lengths vary little: {figures}.",
                "Mix short sentences for punch with longer ones that build; a steady length lulls the reader.",
                Whole));
            return Math.Min(StylePenalty.VarietyCap, StylePenalty.VarietySlope * (StylePenalty.MonotonousCv - s.Cv));
        }
        if (s.Cv >= StylePenalty.GoodVarietyCv)
        {
            _findings.Add(new Finding(StyleRules.SentenceVariety, Severity.Info,
                $"Sentence lengths vary well: {figures}.", Location: Whole, IsStrength: true));
        }
        return 0;
    }

    private void CheckChapters()
    {
        var book = _scan.Readability;
        var hard = new List<(ChapterStyle Chapter, double Excess)>();
        foreach (var chapter in _scan.Chapters)
        {
            var r = chapter.Readability;
            if (r.Counts.Words < HardChapterMinWords) continue;
            var excess = r.FleschKincaidGrade - book.FleschKincaidGrade;
            if (excess >= HardChapterGrades) hard.Add((chapter, excess));
        }
        foreach (var (chapter, _) in hard.OrderByDescending(h => h.Excess).ThenBy(h => h.Chapter.Index).Take(_options.MaxFindingsPerRule)
                     .OrderBy(h => h.Chapter.Index))
        {
            var c = _doc.Chapters[chapter.Index];
            var r = chapter.Readability;
            _findings.Add(new Finding(StyleRules.ReadabilityChapter, Severity.Suggestion,
                $"{ChapterNames.Describe(c)} reads at Flesch–Kincaid grade {F1(r.FleschKincaidGrade)}, {F1(r.FleschKincaidGrade - book.FleschKincaidGrade)} " +
                $"grades above the book ({F1(book.FleschKincaidGrade)}); reading ease {F1(r.FleschReadingEase)} against {F1(book.FleschReadingEase)}, " +
                $"{F1(chapter.Sentences.Mean)} words per sentence.",
                "If the change of register is not deliberate (a letter, a document, a lecture), shorten its sentences and plain its words " +
                "to match the rest of the book.",
                _doc.Locator.LocateChapter(chapter.Index), Label(c), Confidence: 0.9));
        }
    }

    // ---- issue families -----------------------------------------------------------------------------------

    private IReadOnlyList<StyleDetection> Detections(string rule) => _byRule.TryGetValue(rule, out var list) ? list : [];

    /// <summary>Counts, rate, the capped findings and the summary of one family; returns its penalty.</summary>
    private double Family(string rule, string countMetric, string rateMetric, bool narration, StylePenalty penalty, string label,
        Func<StyleDetection, Finding> finding)
    {
        var all = Detections(rule);
        var rate = narration ? PerNarration(all.Count) : PerWords(all.Count);
        _metrics[countMetric] = all.Count;
        _metrics[rateMetric] = rate;
        Report(rule, all, label, rate, narration, finding);
        var cost = Cost(penalty, rate, all.Count);
        if (cost > 0) _summary.Add($"{N0(all.Count)} {label} ({F1(rate)} per 1,000 words)");
        return cost;
    }

    /// <summary>
    /// The penalty of a family at <paramref name="rate"/>: nothing under <c>minRateCount</c> occurrences (a rate of one
    /// occurrence in a short text means nothing), else the family's cost above its allowance. The passive allowance is
    /// a share of the sentences, turned into a rate with the text's own sentence length.
    /// </summary>
    private double Cost(StylePenalty penalty, double rate, int count)
    {
        if (count < _options.MinRateCount) return 0;
        var free = _options.Allowance(penalty);
        if (penalty == StylePenalty.Passive)
            free = _scan.Sentences.Mean > 0 ? free * 1000 / _scan.Sentences.Mean : 0;
        return penalty.Of(rate, free);
    }

    private void Report(string rule, IReadOnlyList<StyleDetection> all, string label, double rate, bool narration, Func<StyleDetection, Finding> finding)
    {
        foreach (var d in MostTelling(all, _options.MaxFindingsPerRule)) _findings.Add(finding(d));
        if (all.Count > _options.MaxFindingsPerRule)
        {
            _findings.Add(new Finding(rule, Severity.Info,
                $"{N0(all.Count)} {label} in all ({F1(rate)} per 1,000 {(narration ? "narration " : "")}words); the {_options.MaxFindingsPerRule} " +
                "most telling are listed.",
                "Search the manuscript for the rest once the listed ones are fixed: they follow the same pattern.",
                Whole));
        }
    }

    /// <summary>
    /// The <paramref name="cap"/> most telling detections, in text order: the heaviest first, one per sentence while
    /// there are enough sentences; among equally heavy ones, evenly spaced through the book rather than the first few.
    /// </summary>
    internal static IReadOnlyList<StyleDetection> MostTelling(IReadOnlyList<StyleDetection> all, int cap)
    {
        if (all.Count <= cap) return all;
        // Positions in text order, sorted by weight (heaviest first), ties kept in text order.
        var order = new int[all.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (x, y) =>
        {
            var c = all[y].Weight.CompareTo(all[x].Weight);
            return c != 0 ? c : x.CompareTo(y);
        });

        // One detection per sentence first (six adverbs of one sentence make one point), then the rest if room is left.
        var sentences = new HashSet<int>();
        var firstPerSentence = new List<int>(order.Length);
        var others = new List<int>();
        foreach (var i in order) (sentences.Add(all[i].Sentence) ? firstPerSentence : others).Add(i);

        var chosen = new List<int>(cap);
        foreach (var pool in new[] { firstPerSentence, others })
        {
            for (var start = 0; start < pool.Count && chosen.Count < cap;)
            {
                var end = start + 1;
                while (end < pool.Count && all[pool[end]].Weight == all[pool[start]].Weight) end++;
                var group = end - start;
                var need = cap - chosen.Count;
                if (group <= need)
                {
                    for (var k = start; k < end; k++) chosen.Add(pool[k]);
                }
                else
                {
                    for (var k = 0; k < need; k++) chosen.Add(pool[start + (int)((k + 0.5) * group / need)]);
                }
                start = end;
            }
        }
        chosen.Sort();
        var result = new StyleDetection[chosen.Count];
        for (var i = 0; i < result.Length; i++) result[i] = all[chosen[i]];
        return result;
    }

    private double Openings()
    {
        var there = Detections(StyleRules.ThereIsOpening);
        var repeated = Detections(StyleRules.RepeatedOpening);
        var rate = PerNarration(there.Count + repeated.Count);
        _metrics[M.ThereIsOpenings] = there.Count;
        _metrics[M.RepeatedOpenings] = repeated.Count;
        _metrics[M.OpeningsPer1000] = rate;
        Report(StyleRules.ThereIsOpening, there, "\"there is/was\" openings", PerNarration(there.Count), true, ThereIsFinding);
        Report(StyleRules.RepeatedOpening, repeated, "runs of sentences with the same opening word", PerNarration(repeated.Count), true,
            RepeatedOpeningFinding);
        var cost = Cost(StylePenalty.Openings, rate, there.Count + repeated.Count);
        if (cost > 0) _summary.Add($"{N0(there.Count + repeated.Count)} weak or repeated openings");
        return cost;
    }

    private double Illusions()
    {
        var all = Detections(StyleRules.LexicalIllusion);
        _metrics[M.LexicalIllusions] = all.Count;
        Report(StyleRules.LexicalIllusion, all, "repeated words", PerWords(all.Count), false, IllusionFinding);
        if (all.Count > 0) _summary.Add(all.Count == 1 ? "1 repeated word (\"the the\")" : $"{all.Count} repeated words (\"the the\")");
        return Math.Min(StylePenalty.IllusionCap, StylePenalty.PerIllusion * all.Count);
    }

    private double DialogueTags()
    {
        var bookisms = Detections(StyleRules.SaidBookism);
        var adverbs = Detections(StyleRules.TagAdverb);
        var rate = PerWords(bookisms.Count + adverbs.Count);
        _metrics[M.SaidBookisms] = bookisms.Count;
        _metrics[M.TagAdverbs] = adverbs.Count;
        _metrics[M.DialogueTagsPer1000] = rate;
        Report(StyleRules.SaidBookism, bookisms, "said-bookisms", PerWords(bookisms.Count), false, BookismFinding);
        Report(StyleRules.TagAdverb, adverbs, "adverbs in dialogue tags", PerWords(adverbs.Count), false, TagAdverbFinding);
        var cost = Cost(StylePenalty.DialogueTags, rate, bookisms.Count + adverbs.Count);
        if (cost > 0) _summary.Add($"{N0(bookisms.Count + adverbs.Count)} showy dialogue tags");
        return cost;
    }

    private double CheckOverused()
    {
        var over = 0;
        foreach (var word in _scan.Overused)
        {
            _metrics[M.WordRatePrefix + word.Word] = word.Per1000;
            if (!word.IsOverused || _scan.Words == 0) continue;
            over++;
            var times = word.Expected > 0 ? word.Per1000 / word.Expected : 0;
            TextLocation location = Whole;
            string? evidence = null;
            if (word.FirstSentence >= 0)
            {
                var sentence = _doc.Sentences[word.FirstSentence];
                location = _doc.Locator.Locate(sentence.Span);
                evidence = Evidence(_doc, sentence.Span, sentence.Span);
            }
            _findings.Add(new Finding(StyleRules.Overused,
                word.Per1000 > 2 * word.Threshold ? Severity.Warning : Severity.Suggestion,
                $"\"{word.Word}\" is used {N0(word.Count)} times, {F2(word.Per1000)} per 1,000 words: {F1(times)}x the expected " +
                $"{F2(word.Expected)} (flagged above {F2(word.Threshold)}).",
                $"Search for \"{word.Word}\" and cut or vary most uses; the first is quoted.",
                location, evidence, Confidence: 0.9));
        }
        _metrics[M.OverusedWords] = over;
        if (over > 0) _summary.Add(over == 1 ? "1 overused word" : $"{over} overused words");
        return Math.Min(StylePenalty.OverusedCap, StylePenalty.PerOverusedWord * over);
    }

    /// <summary>Information-level and layout checks: "So"/"But" openings, over-long paragraphs, unmatched brackets (no penalty).</summary>
    private void Layout()
    {
        var conjunctions = Detections(StyleRules.ConjunctionOpening);
        var paragraphs = Detections(StyleRules.LongParagraph);
        var brackets = Detections(StyleRules.UnmatchedBracket);
        _metrics[M.ConjunctionOpenings] = conjunctions.Count;
        _metrics[M.LongParagraphs] = paragraphs.Count;
        _metrics[M.UnmatchedBrackets] = brackets.Count;
        Report(StyleRules.ConjunctionOpening, conjunctions, "sentences opening with \"So\" or \"But\"", PerNarration(conjunctions.Count), true,
            ConjunctionFinding);
        Report(StyleRules.LongParagraph, paragraphs, $"paragraphs of more than {_options.LongParagraphWords} words", PerWords(paragraphs.Count), false,
            LongParagraphFinding);
        Report(StyleRules.UnmatchedBracket, brackets, "unmatched brackets", PerWords(brackets.Count), false, BracketFinding);
        if (paragraphs.Count > 0) _summary.Add($"{N0(paragraphs.Count)} over-long paragraphs");
        if (brackets.Count > 0) _summary.Add(brackets.Count == 1 ? "1 unmatched bracket" : $"{brackets.Count} unmatched brackets");
    }

    private void AddStrengths()
    {
        if (_scan.NarrationWords < 1_000) return;
        void Few(string rule, string metric, double limit, string what)
        {
            var rate = _metrics[metric];
            if (rate < limit)
                _findings.Add(new Finding(rule, Severity.Info,
                    $"Few {what}: {F1(rate)} per 1,000 narration words (under {F1(limit)}).", Location: Whole, IsStrength: true));
        }
        Few(StyleRules.Adverb, M.AdverbsPer1000, FewAdverbs, "-ly adverbs in narration");
        Few(StyleRules.Passive, M.PassivesPer1000, FewPassives, "passive constructions");
        Few(StyleRules.FilterWord, M.FilterWordsPer1000, FewFilterWords, "filter words");
    }

    // ---- one finding per detection ------------------------------------------------------------------------

    private Sentence SentenceOf(in StyleDetection d) => _doc.Sentences[d.Sentence];

    private string Quote(in StyleDetection d) => Flat(_doc, d.Span);

    private string SentenceEvidence(in StyleDetection d) => Evidence(_doc, SentenceOf(d).Span, d.Span);

    private bool InDialogue(in StyleDetection d) => _doc.Dialogue.IsInDialogue(d.Span.Start);

    private Finding LongSentenceFinding(StyleDetection d)
    {
        var words = SentenceOf(d).WordCount;
        return new Finding(StyleRules.LongSentence, words > 2 * _options.LongSentenceWords ? Severity.Warning : Severity.Suggestion,
            $"A {words}-word sentence (more than {_options.LongSentenceWords}).",
            "Split it where the thought turns, or cut the clauses the reader can do without.",
            _doc.Locator.Locate(d.Span), SentenceEvidence(d));
    }

    private Finding StickyFinding(StyleDetection d) =>
        new(StyleRules.StickySentence, Severity.Suggestion,
            $"Sticky sentence: {Percent(d.Weight)} of its {SentenceOf(d).WordCount} words are glue words (the, of, was, which, that...).",
            "Rewrite it around an active verb and concrete nouns; cut prepositional chains and \"there was\", \"it was\".",
            _doc.Locator.Locate(d.Span), SentenceEvidence(d), Confidence: 0.7);

    private Finding AdverbFinding(StyleDetection d)
    {
        var inSentence = (int)d.Weight;
        return new Finding(StyleRules.Adverb, inSentence >= 2 ? Severity.Suggestion : Severity.Info,
            inSentence >= 2
                ? $"-ly adverb \"{Quote(d)}\" in narration, one of {inSentence} in this sentence."
                : $"-ly adverb \"{Quote(d)}\" in narration.",
            "Prefer a stronger verb or a concrete detail (\"crept\" rather than \"walked quietly\").",
            _doc.Locator.Locate(d.Span), SentenceEvidence(d), Confidence: 0.85);
    }

    private Finding PassiveFinding(StyleDetection d) =>
        new(StyleRules.Passive, Severity.Suggestion,
            $"Passive voice: \"{Quote(d)}\".",
            "Name who acts and make them the subject (\"the guards took him\" rather than \"he was taken\"), unless the actor is " +
            "unknown or beside the point.",
            _doc.Locator.Locate(d.Span), SentenceEvidence(d), Confidence: 0.7);

    private Finding HedgeFinding(StyleDetection d) =>
        new(StyleRules.Hedge, Severity.Info,
            $"\"{Quote(d)}\" pads or hedges the statement.",
            "Cut it, or commit to the stronger word it props up (\"very big\" → \"huge\").",
            _doc.Locator.Locate(d.Span), SentenceEvidence(d), Confidence: 0.6);

    private Finding ClicheFinding(StyleDetection d)
    {
        var speech = InDialogue(d);
        return new Finding(StyleRules.Cliche, speech ? Severity.Info : Severity.Suggestion,
            speech ? $"Cliché in dialogue: \"{Quote(d)}\"." : $"Cliché: \"{Quote(d)}\".",
            speech
                ? "Fine if it is how this character talks; otherwise give them a phrase of their own."
                : "Replace it with an image of your own, specific to this character and scene.",
            _doc.Locator.Locate(d.Span), SentenceEvidence(d), Confidence: speech ? 0.6 : 0.8);
    }

    private Finding WordyFinding(StyleDetection d)
    {
        var plain = PlainAlternative(StyleLexicon.WordyMatcher, WordyPhrases.Table, d);
        return new Finding(StyleRules.Wordy, Severity.Suggestion,
            $"Wordy: \"{Quote(d)}\"{(plain is null ? "" : $" — plainer: \"{plain}\"")}.",
            "Say it in fewer words; the plain form reads faster and hides nothing.",
            _doc.Locator.Locate(d.Span), SentenceEvidence(d), Confidence: 0.8);
    }

    private Finding RedundancyFinding(StyleDetection d)
    {
        var plain = PlainAlternative(StyleLexicon.RedundancyMatcher, Redundancies.Table, d);
        var speech = InDialogue(d);
        return new Finding(StyleRules.Redundancy, speech ? Severity.Info : Severity.Suggestion,
            $"Redundant: \"{Quote(d)}\"{(plain is null ? "" : $" says no more than \"{plain}\"")}.",
            "Drop the word that repeats what the other already says.",
            _doc.Locator.Locate(d.Span), SentenceEvidence(d), Confidence: speech ? 0.6 : 0.85);
    }

    private Finding ConjunctionFinding(StyleDetection d) =>
        new(StyleRules.ConjunctionOpening, Severity.Info,
            $"The sentence opens with \"{Quote(d)}\".",
            "Fine in fiction and speech; in a run, or in formal prose, join it to the sentence before or open another way.",
            _doc.Locator.Locate(d.Span), SentenceEvidence(d), Confidence: 0.5);

    private Finding LongParagraphFinding(StyleDetection d) =>
        new(StyleRules.LongParagraph, (int)d.Weight > 2 * _options.LongParagraphWords ? Severity.Warning : Severity.Suggestion,
            $"A {N0((int)d.Weight)}-word paragraph (more than {_options.LongParagraphWords}).",
            "Break it where the focus shifts: a new speaker, place, time or idea; white space rests the eye.",
            _doc.Locator.Locate(d.Span), Evidence(_doc, _doc.Sentences[d.Sentence].Span, _doc.Sentences[d.Sentence].Span), Confidence: 0.8);

    private Finding BracketFinding(StyleDetection d) =>
        new(StyleRules.UnmatchedBracket, Severity.Warning,
            $"Unmatched bracket \"{Quote(d)}\": its partner is not in the same paragraph.",
            "Close the bracket where the aside ends, or remove the stray one.",
            _doc.Locator.Locate(d.Span), SentenceEvidence(d), Confidence: 0.85);

    /// <summary>The plain alternative of the listed phrase a detection matched (found again from its words).</summary>
    private string? PlainAlternative(PhraseMatcher matcher, IReadOnlyList<(string Phrase, string Plain)> table, in StyleDetection d)
    {
        var first = WordAt(d.Span.Start);
        if (first < 0) return null;
        var folded = new string[Math.Min((int)d.Weight, _doc.Words.Length - first)];
        for (var k = 0; k < folded.Length; k++) folded[k] = StyleLexicon.Fold(_doc.WordText(first + k).ToString());
        var (_, index) = matcher.Match(folded[0], first, first + folded.Length, i => folded[i - first]);
        return index >= 0 ? table[index].Plain : null;
    }

    /// <summary>The index of the word starting at <paramref name="offset"/>, or −1.</summary>
    private int WordAt(int offset)
    {
        int lo = 0, hi = _doc.Words.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var start = _doc.Words[mid].Start;
            if (start == offset) return mid;
            if (start < offset) lo = mid + 1;
            else hi = mid - 1;
        }
        return -1;
    }

    private Finding ThereIsFinding(StyleDetection d) =>
        new(StyleRules.ThereIsOpening, Severity.Suggestion,
            $"The sentence opens with \"{Quote(d)}\".",
            "Start with the subject that acts (\"a man stood at the door\" rather than \"there was a man at the door\").",
            _doc.Locator.Locate(d.Span), SentenceEvidence(d), Confidence: 0.9);

    private Finding RepeatedOpeningFinding(StyleDetection d) =>
        new(StyleRules.RepeatedOpening, Severity.Suggestion,
            $"{(int)d.Weight} sentences in a row open with \"{Quote(d)}\".",
            "Vary the openings: start with the action, a subordinate clause, or another subject.",
            _doc.Locator.Locate(d.Span), Evidence(_doc, d.Related, d.Span), Confidence: 0.95);

    private Finding IllusionFinding(StyleDetection d)
    {
        var speech = InDialogue(d);
        return new Finding(StyleRules.LexicalIllusion, speech ? Severity.Suggestion : Severity.Warning,
            speech ? $"Repeated word in dialogue: \"{Quote(d)}\"." : $"Repeated word: \"{Quote(d)}\".",
            speech
                ? "Delete the duplicate, unless the speaker stammers on purpose."
                : "Delete the duplicate; the eye skips it, especially across a line break.",
            _doc.Locator.Locate(d.Span), SentenceEvidence(d), Confidence: speech ? 0.7 : 0.9);
    }

    private Finding EchoFinding(StyleDetection d)
    {
        var distance = _options.EchoWindow - (int)d.Weight + 1;
        var first = _doc.Sentences[d.Sentence];
        var context = new TextSpan(Math.Min(d.Related.Start, first.Span.Start), first.Span.End - Math.Min(d.Related.Start, first.Span.Start));
        return new Finding(StyleRules.Echo, Severity.Info,
            $"Echo: \"{Quote(d)}\" again {distance} words after its last use.",
            "Use another word or recast one of the sentences, unless the repetition is deliberate.",
            _doc.Locator.Locate(d.Span), Evidence(_doc, context, d.Span), Confidence: 0.6);
    }

    private Finding FilterFinding(StyleDetection d) =>
        new(StyleRules.FilterWord, Severity.Info,
            $"Filter word \"{Quote(d)}\" puts the viewpoint character between the reader and the experience.",
            "Show the thing perceived directly (\"the door opened\" rather than \"she saw the door open\").",
            _doc.Locator.Locate(d.Span), SentenceEvidence(d), Confidence: 0.6);

    private Finding BookismFinding(StyleDetection d) =>
        new(StyleRules.SaidBookism, Severity.Suggestion,
            $"Said-bookism in a dialogue tag: \"{Quote(d)}\".",
            "Use \"said\" (or an action beat): the speech itself should carry the tone.",
            _doc.Locator.Locate(d.Span), SentenceEvidence(d), Confidence: 0.75);

    private Finding TagAdverbFinding(StyleDetection d) =>
        new(StyleRules.TagAdverb, Severity.Suggestion,
            $"Adverb in a dialogue tag: \"{Quote(d)}\".",
            "Let the words spoken show the manner, or replace the tag with an action beat.",
            _doc.Locator.Locate(d.Span), SentenceEvidence(d), Confidence: 0.8);

    // ---- series and summary -------------------------------------------------------------------------------

    private Dictionary<string, IReadOnlyList<double>> Series()
    {
        var chapters = _scan.Chapters;
        double[] Of(Func<ChapterStyle, double> value) => chapters.Select(value).ToArray();
        return new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal)
        {
            [M.FleschReadingEaseSeries] = Of(c => c.Readability.FleschReadingEase),
            [M.FleschKincaidGradeSeries] = Of(c => c.Readability.FleschKincaidGrade),
            [M.GunningFogSeries] = Of(c => c.Readability.GunningFog),
            [M.SmogSeries] = Of(c => c.Readability.Smog),
            [M.ColemanLiauSeries] = Of(c => c.Readability.ColemanLiau),
            [M.AriSeries] = Of(c => c.Readability.AutomatedReadabilityIndex),
            [M.DaleChallSeries] = Of(c => c.Readability.DaleChall),
            [M.MeanSentenceWordsSeries] = Of(c => c.Sentences.Mean),
            [M.SentenceWordsStdevSeries] = Of(c => c.Sentences.StdDev),
            [M.IssuesPer1000Series] = Of(c => c.DetectionsPer1000Words),
        };
    }

    private string Summarise(double score)
    {
        if (_scan.Words == 0) return "The manuscript has no words; score 0.";
        var r = _scan.Readability;
        var head = $"Grade {F1(r.FleschKincaidGrade)}, {F1(_scan.Sentences.Mean)} words per sentence";
        var tail = _summary.Count > 0 ? "; " + string.Join("; ", _summary) : "";
        return $"{head}{tail}. Score {F2(score)}.";
    }
}
