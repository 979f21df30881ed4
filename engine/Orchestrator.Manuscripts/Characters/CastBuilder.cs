using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Characters;

/// <summary>
/// Turns merged name variants into the ranked cast: one <see cref="CastMember"/> per person named at least
/// <c>minMentions</c> times, ordered by mentions (then by first appearance), with per-chapter counts, first
/// appearance, attributed lines and the longest absence.
/// </summary>
internal static class CastBuilder
{
    /// <summary>The ranked cast, and for each variant the index of its cast member (-1 when it is not counted).</summary>
    public static (List<CastMember> Cast, int[] MemberOfVariant) Build(ManuscriptDocument document, MentionSet set, int[] roots, int minMentions)
    {
        var variants = set.Variants;
        var groups = new Dictionary<int, List<NameVariant>>();
        foreach (var v in variants)
        {
            if (!groups.TryGetValue(roots[v.Index], out var group)) groups[roots[v.Index]] = group = [];
            group.Add(v);
        }

        var chapters = document.Chapters.Count;
        var memberOfRoot = new Dictionary<int, CastMember>();
        foreach (var (root, group) in groups)
        {
            var total = 0;
            foreach (var v in group) total += v.Mentions;
            if (total < minMentions) continue;
            var names = group
                .OrderByDescending(v => v.Mentions).ThenBy(v => v.FirstMention)
                .Select(v => v.Display).Distinct(StringComparer.Ordinal).ToArray();
            memberOfRoot[root] = new CastMember(names[0], names, chapters) { Mentions = total };
        }

        // First appearance, per-chapter counts, attributed lines (one per paragraph: its first attribution).
        var paragraphs = document.Paragraphs;
        var lastAttributedParagraph = -1;
        foreach (var mention in set.Mentions)
        {
            var speaks = mention.Attributed && mention.Paragraph != lastAttributedParagraph;
            if (speaks) lastAttributedParagraph = mention.Paragraph;
            if (!memberOfRoot.TryGetValue(roots[mention.Variant], out var member)) continue;
            var chapter = paragraphs[mention.Paragraph].ChapterIndex;
            if (member.FirstChapter < 0)
            {
                member.First = mention;
                member.FirstChapter = chapter;
            }
            member.PerChapter[chapter]++;
            if (speaks) member.Lines++;
        }

        var cast = memberOfRoot.Values
            .OrderByDescending(m => m.Mentions).ThenBy(m => m.First.FirstWord).ThenBy(m => m.Name, StringComparer.Ordinal)
            .ToList();
        for (var i = 0; i < cast.Count; i++)
        {
            var member = cast[i];
            member.Rank = i + 1;
            member.ChaptersPresent = member.PerChapter.Count(c => c > 0);
            MeasureAbsence(member, document.Chapters);
        }

        var memberOfVariant = new int[variants.Count];
        var index = cast.Select((m, i) => (m, i)).ToDictionary(p => p.m, p => p.i);
        for (var v = 0; v < memberOfVariant.Length; v++)
            memberOfVariant[v] = memberOfRoot.TryGetValue(roots[v], out var m) ? index[m] : -1;
        return (cast, memberOfVariant);
    }

    /// <summary>Attributed lines of dialogue: paragraphs whose first attribution names someone.</summary>
    public static int CountAttributedParagraphs(MentionSet set)
    {
        var count = 0;
        var last = -1;
        foreach (var mention in set.Mentions)
        {
            if (!mention.Attributed || mention.Paragraph == last) continue;
            count++;
            last = mention.Paragraph;
        }
        return count;
    }

    private static void MeasureAbsence(CastMember member, IReadOnlyList<Chapter> chapters)
    {
        int run = 0, words = 0;
        for (var c = member.FirstChapter + 1; c < member.PerChapter.Length; c++)
        {
            if (member.PerChapter[c] > 0)
            {
                run = 0;
                words = 0;
                continue;
            }
            run++;
            words += chapters[c].WordCount;
            if (run > member.LongestAbsence || (run == member.LongestAbsence && words > member.AbsenceWords))
            {
                member.LongestAbsence = run;
                member.AbsenceStart = c - run + 1;
                member.AbsenceWords = words;
            }
        }
    }
}
