using Orchestrator.Engine.Findings;
using Orchestrator.Engine.Nodes;
using Orchestrator.Manuscripts.Structure;
using Orchestrator.Manuscripts.Text;
using static Orchestrator.Manuscripts.Characters.CharactersText;
using static Orchestrator.Manuscripts.Text.NumberFormat;
using M = Orchestrator.Manuscripts.Characters.CharactersMetrics;

namespace Orchestrator.Manuscripts.Characters;

/// <summary>
/// One run of the character analysis over one document: detection (<see cref="TokenTable"/>,
/// <see cref="MentionScanner"/>), merging (<see cref="VariantMerger"/>), the ranked cast (<see cref="CastBuilder"/>),
/// then findings, metrics, series and the score. Deterministic: every list is sorted explicitly.
/// </summary>
internal sealed class CharactersAnalysis
{
    // Penalty scales and caps; CharactersNode's documentation explains them.
    internal const int NoCharactersMinWords = 1_000;
    internal const double NoCharactersPenalty = 0.30;
    internal const double ClearCastTop5Share = 0.40;
    internal const double MaxDiffusePenalty = 0.20;
    internal const double SilentPenaltyEach = 0.05;
    internal const double MaxSilentPenalty = 0.15;
    internal const double AbsentPenaltyEach = 0.05;
    internal const double MaxAbsentPenalty = 0.15;
    internal const double CrowdedPenaltyEach = 0.02;
    internal const double MaxCrowdedPenalty = 0.10;
    internal const double DuplicatePenaltyEach = 0.02;
    internal const double MaxDuplicatePenalty = 0.10;
    internal const double ProtagonistMinShare = 0.15;
    internal const double ProtagonistLead = 1.5;
    internal const int MaxFindingsPerRule = 20;

    private readonly ManuscriptDocument _doc;
    private readonly CharactersOptions _options;
    private readonly Dictionary<string, double> _metrics = new(StringComparer.Ordinal);
    private readonly List<Finding> _findings = [];
    private List<CastMember> _cast = [];
    private int _mentions;
    private int _attributedLines;
    private List<Mention> _allMentions = [];
    private int[] _memberOfVariant = [];
    private Narrator? _narrator;

    public CharactersAnalysis(ManuscriptDocument document, CharactersOptions options)
    {
        _doc = document;
        _options = options;
    }

    private TextLocation Whole => TextLocation.Whole(_doc.Text.Length);

    public NodeResult Run()
    {
        var table = TokenTable.Build(_doc);
        var set = MentionScanner.Scan(table);
        var roots = VariantMerger.Merge(table, set, _options.MergeDominance);
        _narrator = _doc.Narration.IsFirstPerson(_options.FirstPersonThreshold) ? NarratorFinder.Find(_doc, table, set, roots) : null;
        (_cast, var memberOfVariant) = CastBuilder.Build(_doc, set, roots, _options.MinMentions, _narrator);
        _allMentions = set.Mentions;
        _memberOfVariant = memberOfVariant;
        _mentions = _cast.Sum(m => m.Mentions);
        _attributedLines = CastBuilder.CountAttributedParagraphs(set, _narrator);

        var dialogueParagraphs = _doc.Dialogue.ParagraphDialogueChars.Count(c => c > 0);
        var major = _cast.Take(_options.MajorCast).ToArray();
        var topShare = _mentions > 0 && _cast.Count > 0 ? _cast[0].Mentions / (double)_mentions : 0;
        var top5Share = _mentions > 0 ? _cast.Take(5).Sum(m => m.Mentions) / (double)_mentions : 0;

        _metrics[M.Characters] = _cast.Count;
        _metrics[M.Mentions] = _mentions;
        _metrics[M.Variants] = set.Variants.Count;
        _metrics[M.MajorCast] = major.Length;
        _metrics[M.TopShare] = topShare;
        _metrics[M.Top5Share] = top5Share;
        _metrics[M.DialogueParagraphs] = dialogueParagraphs;
        _metrics[M.AttributedLines] = _attributedLines;
        _metrics[M.AttributionRate] = dialogueParagraphs > 0 ? _attributedLines / (double)dialogueParagraphs : 0;
        _metrics[M.FirstPersonNarration] = _narrator is null ? 0 : 1;

        var penaltyNone = CheckNone();
        var penaltyDiffuse = _cast.Count > 0 ? Math.Min(MaxDiffusePenalty, Math.Max(0, ClearCastTop5Share - top5Share)) : 0;
        var penaltyAbsent = CheckAbsences(major);
        var penaltyOpening = CheckOpening();
        var penaltySilent = CheckSilence(major);
        var penaltyDuplicates = CheckDuplicates();
        var narrator = DescribeNarrator();
        if (narrator is not null && !_narrator!.IsFramed) NarratorProtagonist(narrator, topShare);
        else CheckProtagonist(topShare);

        _metrics[M.PenaltyNoCharacters] = penaltyNone;
        _metrics[M.PenaltyDiffuseCast] = penaltyDiffuse;
        _metrics[M.PenaltySilent] = penaltySilent;
        _metrics[M.PenaltyAbsent] = penaltyAbsent;
        _metrics[M.PenaltyCrowdedOpening] = penaltyOpening;
        _metrics[M.PenaltyDuplicates] = penaltyDuplicates;

        var score = Math.Clamp(1 - (penaltyNone + penaltyDiffuse + penaltySilent + penaltyAbsent + penaltyOpening + penaltyDuplicates), 0, 1);
        var (series, labels) = Charts(set, memberOfVariant);
        return new NodeResult
        {
            Score = score,
            Summary = Summarise(score),
            Metrics = _metrics,
            Findings = _findings,
            Series = series,
            Labels = labels,
        };
    }

    private double CheckNone()
    {
        if (_cast.Count > 0 || _doc.WordCount < NoCharactersMinWords) return 0;
        _findings.Add(new Finding(CharactersRules.None, Severity.Warning,
            $"No character is named at least {Plural(_options.MinMentions, "time", "times")} in {N0(_doc.WordCount)} words.",
            "Readers hold on to people by name; name the characters who matter, or check that names are capitalised.",
            Whole, Confidence: 0.6));
        return NoCharactersPenalty;
    }

    private double CheckAbsences(CastMember[] major)
    {
        var absent = major
            .Where(m => m.LongestAbsence >= _options.AbsenceChapters && m.AbsenceWords >= _options.AbsenceShare * _doc.WordCount)
            .OrderByDescending(m => m.LongestAbsence).ThenBy(m => m.Rank)
            .ToArray();
        _metrics[M.AbsentMajors] = absent.Length;
        _metrics[M.LongestAbsence] = major.Length > 0 ? major.Max(m => m.LongestAbsence) : 0;
        foreach (var member in absent.Take(MaxFindingsPerRule))
        {
            var from = _doc.Chapters[member.AbsenceStart];
            var to = _doc.Chapters[member.AbsenceStart + member.LongestAbsence - 1];
            var returns = member.AbsenceStart + member.LongestAbsence < _doc.Chapters.Count;
            var stretch = $"{ChapterNames.Describe(from)} to {ChapterNames.Describe(to)}";
            _findings.Add(new Finding(CharactersRules.Absent, Severity.Suggestion,
                $"{member.Name} (#{member.Rank}, {N0(member.Mentions)} mentions) is not named for {member.LongestAbsence} consecutive chapters " +
                $"({N0(member.AbsenceWords)} words, {Percent(member.AbsenceWords / (double)Math.Max(1, _doc.WordCount))} of the book): " +
                $"{stretch}{(returns ? "" : ", to the end of the book")}.",
                returns
                    ? "A long absence can make readers forget a major character; keep them present through a mention, a letter or another character's thoughts, or make the absence a visible part of the story."
                    : "A major character who drops out of the story leaves a thread hanging; give them a closing beat or explain the absence.",
                _doc.Locator.LocateChapter(member.AbsenceStart),
                LastMentionBefore(member, member.AbsenceStart) is { } last ? Evidence(_doc, last) : null,
                Confidence: 0.7));
        }
        return Math.Min(MaxAbsentPenalty, AbsentPenaltyEach * absent.Length);
    }

    private double CheckOpening()
    {
        var opening = -1;
        for (var c = 0; c < _doc.Chapters.Count; c++)
        {
            if (_doc.Chapters[c].WordCount > 0)
            {
                opening = c;
                break;
            }
        }
        var introduced = opening < 0 ? [] : _cast.Where(m => m.FirstChapter == opening).OrderBy(m => m.First.FirstWord).ToArray();
        _metrics[M.OpeningCharacters] = introduced.Length;
        if (introduced.Length <= _options.OpeningMaxCharacters) return 0;

        var chapter = _doc.Chapters[opening];
        var over = introduced[_options.OpeningMaxCharacters];
        _findings.Add(new Finding(CharactersRules.CrowdedOpening, Severity.Suggestion,
            $"{ChapterNames.Describe(chapter)} introduces {introduced.Length} named characters (more than {_options.OpeningMaxCharacters}): " +
            $"{ReaderList.Join(introduced.Select(m => m.Name).ToArray())}.",
            "Readers meet a new book's people one at a time; hold back the minor names, or anchor each with a clear trait on first appearance.",
            _doc.Locator.LocateChapter(opening),
            Evidence(_doc, over.First),
            Confidence: 0.7));
        return Math.Min(MaxCrowdedPenalty, CrowdedPenaltyEach * (introduced.Length - _options.OpeningMaxCharacters));
    }

    private double CheckSilence(CastMember[] major)
    {
        if (_attributedLines < _options.MinAttributedLines)
        {
            _metrics[M.SilentMajors] = 0;
            return 0;
        }
        var silent = major.Where(m => m.Lines == 0).ToArray();
        _metrics[M.SilentMajors] = silent.Length;
        foreach (var member in silent)
        {
            _findings.Add(new Finding(CharactersRules.Silent, Severity.Suggestion,
                $"{member.Name} (#{member.Rank}, {N0(member.Mentions)} mentions in {Plural(member.ChaptersPresent, "chapter", "chapters")}) " +
                $"is never attributed a line of dialogue, while {N0(_attributedLines)} lines are attributed to named characters.",
                "A main character readers never hear can feel like a figure rather than a person; give them lines, or check that their speech " +
                "is tagged with their name somewhere (a first-person narrator's \"I said\" counts as theirs).",
                Locate(_doc, member.First),
                Evidence(_doc, member.First),
                Confidence: 0.6));
        }
        if (silent.Length == 0 && major.Length >= 2)
        {
            _findings.Add(new Finding(CharactersRules.Voices, Severity.Info,
                $"All {major.Length} main characters speak: {ReaderList.Join(major.Select(m => $"{m.Name} ({Plural(m.Lines, "line", "lines")})").ToArray())} " +
                $"of {N0(_attributedLines)} attributed lines.",
                null, Whole, Confidence: 0.8, IsStrength: true));
        }
        return Math.Min(MaxSilentPenalty, SilentPenaltyEach * silent.Length);
    }

    private double CheckDuplicates()
    {
        var pairs = new List<(CastMember A, CastMember B)>();
        var names = _cast.Select(m => NameSimilarity.Split(m.Name)).ToArray();
        for (var i = 0; i < _cast.Count; i++)
            for (var j = i + 1; j < _cast.Count; j++)
                if (NameSimilarity.AreNearMisses(names[i], names[j])) pairs.Add((_cast[i], _cast[j]));
        _metrics[M.DuplicateNames] = pairs.Count;
        foreach (var (a, b) in pairs.Take(MaxFindingsPerRule))
        {
            _findings.Add(new Finding(CharactersRules.Duplicate, Severity.Suggestion,
                $"\"{a.Name}\" ({Plural(a.Mentions, "mention", "mentions")}) and \"{b.Name}\" ({Plural(b.Mentions, "mention", "mentions")}) " +
                "are spelled one letter apart: one person spelled two ways, or two people readers may confuse?",
                $"If they are one person, use one spelling throughout; if two, make the names look less alike.",
                Locate(_doc, b.First),
                Evidence(_doc, b.First),
                Confidence: 0.5));
        }
        if (pairs.Count > MaxFindingsPerRule)
        {
            _findings.Add(new Finding(CharactersRules.Duplicate, Severity.Info,
                $"{N0(pairs.Count)} pairs of names are one letter apart; the first {MaxFindingsPerRule} are listed.",
                null, Whole, Confidence: 0.5));
        }
        return Math.Min(MaxDuplicatePenalty, DuplicatePenaltyEach * pairs.Count);
    }

    private void CheckProtagonist(double topShare)
    {
        if (_cast.Count == 0 || topShare < ProtagonistMinShare) return;
        var lead = _cast[0];
        var second = _cast.Count > 1 ? _cast[1] : null;
        if (second is not null && lead.Mentions < ProtagonistLead * second.Mentions) return;
        var comparison = second is null ? "" : $", {F1(lead.Mentions / (double)second.Mentions)}x {second.Name} ({N0(second.Mentions)})";
        _findings.Add(new Finding(CharactersRules.Protagonist, Severity.Info,
            $"A clear protagonist: {lead.Name} has {Percent(topShare)} of character mentions ({N0(lead.Mentions)}{comparison}) " +
            $"and appears in {lead.ChaptersPresent} of {_doc.Chapters.Count} chapters.",
            null, Locate(_doc, lead.First), Evidence(_doc, lead.First), Confidence: 0.8, IsStrength: true));
    }

    /// <summary>The narrator's cast member with the finding that says who tells the book; null in third-person books.</summary>
    private CastMember? DescribeNarrator()
    {
        var narrators = _cast.Where(m => m.IsNarrator).ToArray();
        var main = _narrator is null ? null : narrators.FirstOrDefault(m => !_narrator.IsFramed || m.FirstChapter >= _narrator.HandoverChapter) ?? narrators.FirstOrDefault();
        _metrics[M.NarratorReferences] = narrators.Sum(m => m.References);
        _metrics[M.NarratorLines] = narrators.Sum(m => m.Lines);
        _metrics[M.FrameNarrator] = _narrator is { IsFramed: true } ? 1 : 0;
        if (_narrator is null || main is null) return null;

        var named = _narrator.Root >= 0
            ? $"{main.Name}, named {NamingEvidence()}"
            : $"a narrator the book never names (\"{CastBuilder.UnnamedNarrator}\")";
        var frame = narrators.FirstOrDefault(m => m != main);
        var handover = _narrator.IsFramed && frame is not null
            ? $" {frame.Name} opens the book as a frame narrator and hands the story over in {ChapterNames.Describe(_doc.Chapters[_narrator.HandoverChapter])}."
            : "";
        var evidence = _narrator.Naming ?? main.First;
        _findings.Add(new Finding(CharactersRules.Narrator, Severity.Info,
            $"Told in the first person by {named}: {N0(main.References)} first-person references in the narration and " +
            $"{Plural(main.Lines, "line", "lines")} of dialogue (\"I said\", \"said I\").{handover}",
            null, Locate(_doc, evidence), Evidence(_doc, evidence), Confidence: 0.7));
        return main;
    }

    private string NamingEvidence()
    {
        var parts = new List<string>();
        if (_narrator!.SelfNamings > 0) parts.Add($"in their own words {Plural(_narrator.SelfNamings, "time", "times")}");
        if (_narrator.Addresses > 0) parts.Add($"by others in conversation {Plural(_narrator.Addresses, "time", "times")}");
        return ReaderList.Join(parts);
    }

    /// <summary>A first-person narrator who tells the whole book is its protagonist, whatever the other characters' mentions.</summary>
    private void NarratorProtagonist(CastMember narrator, double topShare)
    {
        var share = _mentions > 0 ? narrator.Mentions / (double)_mentions : topShare;
        _findings.Add(new Finding(CharactersRules.Protagonist, Severity.Info,
            $"A clear protagonist: {narrator.Name} narrates the book in the first person ({N0(narrator.References)} references in the narration, " +
            $"{N0(narrator.Mentions - narrator.References)} by name; {Percent(share)} of character mentions) " +
            $"and appears in {narrator.ChaptersPresent} of {_doc.Chapters.Count} chapters.",
            null, Locate(_doc, narrator.First), Evidence(_doc, narrator.First), Confidence: 0.8, IsStrength: true));
    }

    private Mention? LastMentionBefore(CastMember member, int chapter)
    {
        // The chapter before the gap names the member; find its last mention there.
        var previous = chapter - 1;
        if (previous < 0) return null;
        var span = _doc.Chapters[previous].Span;
        Mention? last = null;
        foreach (var m in MentionsOf(member))
        {
            if (_doc.Words[m.FirstWord].Start >= span.End) break;
            if (_doc.Words[m.FirstWord].Start >= span.Start) last = m;
        }
        return last;
    }

    private IEnumerable<Mention> MentionsOf(CastMember member)
    {
        var index = member.Rank - 1;
        foreach (var m in _allMentions)
            if (_memberOfVariant[m.Variant] == index) yield return m;
    }

    private (Dictionary<string, IReadOnlyList<double>> Series, Dictionary<string, IReadOnlyList<string>> Labels) Charts(MentionSet set, int[] memberOfVariant)
    {
        var chapters = _doc.Chapters;
        var cast = _cast.Take(_options.CastSize).ToArray();
        var series = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
        var labels = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            [M.ChapterLabels] = chapters.Select(c => c.Label).ToArray(),
            [M.CastLabels] = cast.Select(m => m.Name).ToArray(),
            [M.CastVariantsLabels] = cast.Select(m => string.Join(" | ", m.Variants)).ToArray(),
        };

        foreach (var member in cast)
            series[M.MentionsSeries(member.Rank)] = member.PerChapter.Select(c => (double)c).ToArray();
        var present = new double[chapters.Count];
        var introduced = new double[chapters.Count];
        foreach (var member in _cast)
        {
            introduced[member.FirstChapter]++;
            for (var c = 0; c < chapters.Count; c++)
                if (member.PerChapter[c] > 0) present[c]++;
        }
        series[M.CharactersPerChapterSeries] = present;
        series[M.IntroductionsSeries] = introduced;

        series[M.CastMentionsSeries] = cast.Select(m => (double)m.Mentions).ToArray();
        series[M.CastShareSeries] = cast.Select(m => _mentions > 0 ? m.Mentions / (double)_mentions : 0).ToArray();
        series[M.CastChaptersSeries] = cast.Select(m => (double)m.ChaptersPresent).ToArray();
        series[M.CastLinesSeries] = cast.Select(m => (double)m.Lines).ToArray();
        series[M.CastDialogueShareSeries] = cast.Select(m => _attributedLines > 0 ? m.Lines / (double)_attributedLines : 0).ToArray();
        var firsts = cast.Select(m => Locate(_doc, m.First)).ToArray();
        series[M.CastFirstChapterSeries] = firsts.Select(l => (double)(l.Chapter ?? 0)).ToArray();
        series[M.CastFirstParagraphSeries] = firsts.Select(l => (double)(l.Paragraph ?? 0)).ToArray();
        series[M.CastFirstOffsetSeries] = firsts.Select(l => (double)l.Offset).ToArray();
        series[M.CastLongestAbsenceSeries] = cast.Select(m => (double)m.LongestAbsence).ToArray();

        var (pairLabels, pairCounts) = Pairs(set, memberOfVariant, cast.Length);
        labels[M.PairLabels] = pairLabels;
        series[M.PairParagraphsSeries] = pairCounts;
        return (series, labels);
    }

    /// <summary>The pairs of cast members most often named in the same paragraph.</summary>
    private (string[] Labels, double[] Counts) Pairs(MentionSet set, int[] memberOfVariant, int castSize)
    {
        var counts = new int[castSize, castSize];
        ulong mask = 0;
        var paragraph = -1;
        foreach (var mention in set.Mentions)
        {
            if (mention.Paragraph != paragraph)
            {
                CountPairs(mask, counts, castSize);
                mask = 0;
                paragraph = mention.Paragraph;
            }
            var member = memberOfVariant[mention.Variant];
            if (member >= 0 && member < castSize) mask |= 1UL << member;
        }
        CountPairs(mask, counts, castSize);

        var pairs = new List<(int A, int B, int Count)>();
        for (var a = 0; a < castSize; a++)
            for (var b = a + 1; b < castSize; b++)
                if (counts[a, b] > 0) pairs.Add((a, b, counts[a, b]));
        var top = pairs.OrderByDescending(p => p.Count).ThenBy(p => p.A).ThenBy(p => p.B).Take(_options.TopPairs).ToArray();
        return (top.Select(p => $"{_cast[p.A].Name} + {_cast[p.B].Name}").ToArray(), top.Select(p => (double)p.Count).ToArray());
    }

    private static void CountPairs(ulong mask, int[,] counts, int castSize)
    {
        if ((mask & (mask - 1)) == 0) return; // fewer than two
        for (var a = 0; a < castSize; a++)
        {
            if ((mask & (1UL << a)) == 0) continue;
            for (var b = a + 1; b < castSize; b++)
                if ((mask & (1UL << b)) != 0) counts[a, b]++;
        }
    }

    private string Summarise(double score)
    {
        if (_cast.Count == 0) return $"No named characters found. Score {F2(score)}.";
        var main = string.Join(", ", _cast.Take(Math.Min(5, _options.MajorCast)).Select(m => $"{m.Name} {Percent(m.Mentions / (double)_mentions)}"));
        return $"{Plural(_cast.Count, "character", "characters")} ({N0(_mentions)} mentions); main cast: {main}; " +
               $"{Plural(_attributedLines, "attributed line", "attributed lines")} of dialogue. Score {F2(score)}.";
    }
}
