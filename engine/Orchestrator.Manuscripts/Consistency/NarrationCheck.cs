using Orchestrator.Engine.Findings;
using Orchestrator.Manuscripts.Narration;
using Orchestrator.Manuscripts.Text;
using static Orchestrator.Manuscripts.Consistency.ConsistencyText;
using static Orchestrator.Manuscripts.Text.NumberFormat;
using M = Orchestrator.Manuscripts.Consistency.ConsistencyMetrics;

namespace Orchestrator.Manuscripts.Consistency;

/// <summary>
/// Tense and point-of-view shifts between chapters, from the narration's evidence gathered by <see cref="WordScan"/>
/// (quoted speech is left out: characters speak in any tense and person).
/// </summary>
/// <remarks>
/// <para><b>Tense.</b> Past share = past markers / (past + present markers). The book narrates in the past when its
/// share is at least 0.5 (with at least <c>minTenseMarkers</c> markers; else the tense is unknown, 0). A chapter with
/// at least <c>minTenseMarkers</c> markers shifts when its share is past 0.5 by more than <c>tenseMargin</c> on the
/// other side (below 0.35 in a past-tense book, with the default margin).</para>
/// <para><b>Point of view</b>, from the pronouns of <see cref="NarrationVoice"/> (shared with the cast analysis's
/// narrator): first-person share = first-person pronouns / (first + third-person pronouns). First-person narration
/// still says he and they about others, so the line is <c>firstPersonThreshold</c>, not 0.5.
/// A chapter with at least <c>minPovPronouns</c> pronouns shifts when its share is more than <c>povMargin</c> across
/// the line from the book's side. A letter or a frame narrative in another voice is a shift too: the finding asks
/// whether it is meant.</para>
/// </remarks>
internal static class NarrationCheck
{
    private const double TenseConfidence = 0.6;
    private const double PovConfidence = 0.6;

    /// <summary>Fewest judged chapters for the "narration is consistent" strengths.</summary>
    internal const int StrengthMinChapters = 3;

    /// <summary>Runs both checks; returns the share of the book's words in chapters with a tense shift and with a POV shift.</summary>
    public static (double TenseShare, double PovShare) Run(ConsistencyContext context)
    {
        var tense = Tense(context);
        var pov = Pov(context);
        return (tense, pov);
    }

    private static double Tense(ConsistencyContext context)
    {
        var scan = context.Words;
        var options = context.Options;
        var chapters = context.Document.Chapters;
        long past = scan.Past.Sum(), present = scan.Present.Sum();
        var share = past + present > 0 ? (double)past / (past + present) : 0;
        var known = past + present >= options.MinTenseMarkers;
        var bookPast = share >= 0.5;
        var metrics = context.Metrics;
        metrics[M.DominantTense] = !known ? 0 : bookPast ? 1 : 2;
        metrics[M.PastTenseShare] = share;
        metrics[M.PastTenseMarkers] = past;
        metrics[M.PresentTenseMarkers] = present;

        int judged = 0, shifts = 0;
        long shiftedWords = 0;
        var found = new List<(double Distance, int Chapter, Finding Finding)>();
        for (var c = 0; c < chapters.Count && known; c++)
        {
            var markers = scan.Past[c] + scan.Present[c];
            if (markers < options.MinTenseMarkers) continue;
            judged++;
            var chapterShare = (double)scan.Past[c] / markers;
            var shifted = bookPast ? chapterShare < 0.5 - options.TenseMargin : chapterShare > 0.5 + options.TenseMargin;
            if (!shifted) continue;
            shifts++;
            shiftedWords += chapters[c].WordCount;
            var (chapterTense, bookTense) = bookPast ? ("present", "past") : ("past", "present");
            var evidenceWord = bookPast ? scan.FirstPresentWord[c] : scan.FirstPastWord[c];
            found.Add((Math.Abs(chapterShare - 0.5), c, new Finding(ConsistencyRules.TenseShift, Severity.Suggestion,
                $"{ChapterNames.Describe(chapters[c], titled: false)} is narrated mostly in the {chapterTense} tense (past share {F2(chapterShare)}: " +
                $"{N0(scan.Past[c])} past and {N0(scan.Present[c])} present markers in its narration), while the book narrates in the " +
                $"{bookTense} (past share {F2(share)}).",
                $"If the change is not deliberate (a frame, a letter, a scene told as it happens), bring the chapter's narration back to the {bookTense} tense.",
                context.LocateWord(evidenceWord), context.EvidenceOfWord(evidenceWord), TenseConfidence)));
        }
        AddMostTelling(context, found);
        metrics[M.TenseChaptersJudged] = judged;
        metrics[M.TenseShiftChapters] = shifts;
        if (known) context.Summary.Add($"{(bookPast ? "past" : "present")}-tense narration" + (shifts > 0 ? $" ({Count(shifts, "chapter")} shifting)" : ""));
        if (known && shifts == 0 && judged >= StrengthMinChapters)
        {
            context.Findings.Add(new Finding(ConsistencyRules.Consistent, Severity.Info,
                $"The narration keeps to the {(bookPast ? "past" : "present")} tense in all {N0(judged)} chapters with enough evidence to judge (past share {F2(share)}).",
                Location: TextLocation.Whole(context.Document.Text.Length), Confidence: TenseConfidence, IsStrength: true));
        }
        return context.Document.WordCount > 0 ? (double)shiftedWords / context.Document.WordCount : 0;
    }

    private static double Pov(ConsistencyContext context)
    {
        var voice = context.Document.Narration;
        var options = context.Options;
        var chapters = context.Document.Chapters;
        long first = voice.FirstPersonTotal, third = voice.ThirdPersonTotal;
        var share = voice.FirstPersonShare;
        var known = voice.IsKnown(options.MinPovPronouns);
        var bookFirst = share >= options.FirstPersonThreshold;
        var metrics = context.Metrics;
        metrics[M.DominantPov] = !known ? 0 : bookFirst ? 1 : 3;
        metrics[M.FirstPersonShare] = share;
        metrics[M.FirstPersonPronouns] = first;
        metrics[M.ThirdPersonPronouns] = third;

        int judged = 0, shifts = 0;
        long shiftedWords = 0;
        var found = new List<(double Distance, int Chapter, Finding Finding)>();
        for (var c = 0; c < chapters.Count && known; c++)
        {
            var pronouns = voice.FirstPerson[c] + voice.ThirdPerson[c];
            if (pronouns < options.MinPovPronouns) continue;
            judged++;
            var chapterShare = (double)voice.FirstPerson[c] / pronouns;
            var shifted = bookFirst
                ? chapterShare < options.FirstPersonThreshold - options.PovMargin
                : chapterShare >= options.FirstPersonThreshold + options.PovMargin;
            if (!shifted) continue;
            shifts++;
            shiftedWords += chapters[c].WordCount;
            var (chapterPov, bookPov) = bookFirst ? ("third", "first") : ("first", "third");
            var evidenceWord = bookFirst ? voice.FirstThirdPersonWord[c] : voice.FirstFirstPersonWord[c];
            found.Add((Math.Abs(chapterShare - options.FirstPersonThreshold), c, new Finding(ConsistencyRules.PovShift, Severity.Suggestion,
                $"{ChapterNames.Describe(chapters[c], titled: false)} reads as {chapterPov}-person narration (first-person share {F2(chapterShare)}: " +
                $"{N0(voice.FirstPerson[c])} first-person and {N0(voice.ThirdPerson[c])} third-person pronouns outside speech), while the book is told " +
                $"in the {bookPov} person (share {F2(share)}).",
                "If the change of voice is not deliberate (a letter, a document, another narrator), bring the chapter back to the book's point of view; " +
                "if it is, make the change clear to the reader (a heading, a frame).",
                context.LocateWord(evidenceWord), context.EvidenceOfWord(evidenceWord), PovConfidence)));
        }
        AddMostTelling(context, found);
        metrics[M.PovChaptersJudged] = judged;
        metrics[M.PovShiftChapters] = shifts;
        if (known) context.Summary.Add($"{(bookFirst ? "first" : "third")}-person narration" + (shifts > 0 ? $" ({Count(shifts, "chapter")} shifting)" : ""));
        if (known && shifts == 0 && judged >= StrengthMinChapters)
        {
            context.Findings.Add(new Finding(ConsistencyRules.Consistent, Severity.Info,
                $"The point of view holds: {(bookFirst ? "first" : "third")}-person narration in all {N0(judged)} chapters with enough evidence to judge (first-person share {F2(share)}).",
                Location: TextLocation.Whole(context.Document.Text.Length), Confidence: PovConfidence, IsStrength: true));
        }
        return context.Document.WordCount > 0 ? (double)shiftedWords / context.Document.WordCount : 0;
    }

    /// <summary>Adds the shifts farthest from the line first (the most telling, if the rule's findings are capped), then by chapter.</summary>
    private static void AddMostTelling(ConsistencyContext context, List<(double Distance, int Chapter, Finding Finding)> found)
    {
        foreach (var (_, _, finding) in found.OrderByDescending(f => f.Distance).ThenBy(f => f.Chapter))
            context.Findings.Add(finding);
    }

    /// <summary>The per-chapter series: past share, first-person share, and the evidence counts behind them.</summary>
    public static (double[] PastShare, double[] FirstShare, double[] TenseMarkers, double[] Pronouns) Series(WordScan scan, NarrationVoice voice, int chapters)
    {
        var pastShare = new double[chapters];
        var firstShare = new double[chapters];
        var markers = new double[chapters];
        var pronouns = new double[chapters];
        for (var c = 0; c < chapters; c++)
        {
            markers[c] = scan.Past[c] + scan.Present[c];
            pronouns[c] = voice.FirstPerson[c] + voice.ThirdPerson[c];
            pastShare[c] = markers[c] > 0 ? scan.Past[c] / markers[c] : 0;
            firstShare[c] = pronouns[c] > 0 ? voice.FirstPerson[c] / pronouns[c] : 0;
        }
        return (pastShare, firstShare, markers, pronouns);
    }
}
