using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Characters;

/// <summary>
/// Turns merged name variants into the ranked cast: one <see cref="CastMember"/> per person named at least
/// <c>minMentions</c> times, ordered by mentions (then by first appearance), with per-chapter counts, first
/// appearance, attributed lines and the longest absence.
/// </summary>
internal static class CastBuilder
{
    /// <summary>The name of a first-person narrator the book never names.</summary>
    public const string UnnamedNarrator = "the narrator";

    /// <summary>The ranked cast, and for each variant the index of its cast member (-1 when it is not counted). With a
    /// <paramref name="narrator"/>, each narrator is a member however rarely named (an unnamed one is
    /// <see cref="UnnamedNarrator"/>), counts their first-person references in the chapters they tell as mentions,
    /// and speaks the "I said" lines.</summary>
    public static (List<CastMember> Cast, int[] MemberOfVariant) Build(ManuscriptDocument document, MentionSet set, int[] roots, int minMentions,
        Narrator? narrator = null)
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
            if (total < minMentions && (narrator is null || (root != narrator.Root && root != narrator.FrameRoot))) continue;
            var names = group
                .OrderByDescending(v => v.Mentions).ThenBy(v => v.FirstMention)
                .Select(v => v.Display).Distinct(StringComparer.Ordinal).ToArray();
            memberOfRoot[root] = new CastMember(names[0], names, chapters) { Mentions = total };
        }
        if (narrator is { Root: < 0 }) memberOfRoot[-1] = new CastMember(UnnamedNarrator, [], chapters);

        // First appearance, per-chapter counts, attributed lines (one per paragraph: its first attribution, the
        // narrator's "I said" included).
        var paragraphs = document.Paragraphs;
        var narratorLines = narrator?.Lines ?? new Dictionary<int, int>();
        var lastAttributedParagraph = -1;
        foreach (var mention in set.Mentions)
        {
            var speaks = mention.Attributed && mention.Paragraph != lastAttributedParagraph;
            if (speaks) lastAttributedParagraph = mention.Paragraph;
            if (speaks && narratorLines.TryGetValue(mention.Paragraph, out var said) && said < mention.FirstWord) speaks = false;
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
        if (narrator is not null)
        {
            AddNarration(document, set, narrator, memberOfRoot);
            if (memberOfRoot.TryGetValue(-1, out var unnamed) && unnamed.FirstChapter < 0) memberOfRoot.Remove(-1); // "we", never "I"
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

    /// <summary>The narrators' references, first appearance and lines: each chapter's "I" belongs to the narrator telling it.</summary>
    private static void AddNarration(ManuscriptDocument document, MentionSet set, Narrator narrator, Dictionary<int, CastMember> memberOfRoot)
    {
        for (var c = 0; c < narrator.References.Length; c++)
        {
            if (!memberOfRoot.TryGetValue(narrator.RootOf(c), out var member)) continue;
            member.IsNarrator = true;
            var references = narrator.References[c];
            member.PerChapter[c] += references;
            member.Mentions += references;
            member.References += references;
            if (narrator.FirstReference[c] is { } first && (member.FirstChapter < 0 || first.FirstWord < member.First.FirstWord))
            {
                member.First = first;
                member.FirstChapter = c;
            }
        }

        // A paragraph's first attribution is its speaker: "I said" after a named tag in the paragraph does not count.
        var firstNamed = new Dictionary<int, int>();
        foreach (var mention in set.Mentions)
            if (mention.Attributed) firstNamed.TryAdd(mention.Paragraph, mention.FirstWord);
        foreach (var (paragraph, word) in narrator.Lines)
        {
            if (firstNamed.TryGetValue(paragraph, out var named) && named < word) continue;
            if (memberOfRoot.TryGetValue(narrator.RootOf(document.Paragraphs[paragraph].ChapterIndex), out var member)) member.Lines++;
        }
    }

    /// <summary>Attributed lines of dialogue: paragraphs whose first attribution names someone, or is a narrator's "I said".</summary>
    public static int CountAttributedParagraphs(MentionSet set, Narrator? narrator = null)
    {
        var paragraphs = new HashSet<int>();
        foreach (var mention in set.Mentions)
            if (mention.Attributed) paragraphs.Add(mention.Paragraph);
        if (narrator is not null) paragraphs.UnionWith(narrator.Lines.Keys);
        return paragraphs.Count;
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
