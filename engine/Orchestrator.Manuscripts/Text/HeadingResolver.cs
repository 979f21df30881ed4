namespace Orchestrator.Manuscripts.Text;

/// <summary>
/// Decides what each heading candidate is, after the scan, over the candidates only:
/// <list type="number">
/// <item>Table of contents: at the start of the book, a candidate with no prose before the next one
/// (or the one right after such an entry, like Moby-Dick's last entry "Epilogue") whose heading occurs
/// again later is a contents entry: the later occurrence wins. Detection stops at the first chapter
/// that has prose and no later twin.</item>
/// <item>Markdown: a lone <c>#</c> book title above <c>##</c> chapters is the title; the shallowest
/// remaining level is the chapter level, shallower headings are parts, deeper ones sub-headings.</item>
/// <item>Caption candidates ([Illustration: ... Chapter I.]) count only when no other heading says the same.</item>
/// <item>A part with prose but no chapter under it is itself a section (books divided only into parts).</item>
/// <item>Story collections: when bare numerals (<c>I</c>, <c>II</c>) restart from one under two or more titled
/// headings (<c>IV. The Red House</c>), the titled headings are the chapters and the numerals their scenes.</item>
/// </list>
/// </summary>
internal static class HeadingResolver
{
    private readonly record struct HeadingKey(bool IsPart, SectionKind Kind, int Number, string? Text);

    public static void Resolve(List<HeadingCandidate> candidates, string text, bool markdown)
    {
        if (candidates.Count == 0)
            return;
        var keys = new HeadingKey[candidates.Count];
        for (int i = 0; i < candidates.Count; i++)
            keys[i] = Key(candidates[i], text);

        MarkTableOfContents(candidates, keys);
        if (markdown)
            ResolveMarkdownLevels(candidates);
        foreach (var c in candidates)
        {
            if (c.Role == HeadingRole.Pending && !c.InIllustration)
                c.Role = c.IsPart ? HeadingRole.Part : HeadingRole.Chapter;
        }
        ResolveCaptions(candidates, keys);
        PromoteChapterlessParts(candidates);
        DemoteRestartingNumerals(candidates);
    }

    private static void MarkTableOfContents(List<HeadingCandidate> candidates, HeadingKey[] keys)
    {
        var later = new HashSet<HeadingKey>();
        var recursLater = new bool[candidates.Count];
        for (int i = candidates.Count - 1; i >= 0; i--)
        {
            var c = candidates[i];
            if (c.InIllustration || c.Role != HeadingRole.Pending)
                continue;
            recursLater[i] = !later.Add(keys[i]);
        }

        bool previousWasEntry = false;
        for (int i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (c.InIllustration || c.Role != HeadingRole.Pending)
                continue;
            if (recursLater[i] && (!c.HasProse || previousWasEntry || (c.IsPart && NextIsPart(candidates, i))))
            {
                c.Role = HeadingRole.TableOfContents;
                previousWasEntry = true;
                continue;
            }
            previousWasEntry = false;
            if (!c.IsPart && c.HasProse)
                return; // the body has begun
        }
    }

    /// <summary>A contents line of parts (<c>PART ONE--The Harbour</c>, with the chapter titles listed under it
    /// as prose) is followed by the next part's line, never by a chapter heading.</summary>
    private static bool NextIsPart(List<HeadingCandidate> candidates, int i)
    {
        for (int j = i + 1; j < candidates.Count; j++)
        {
            var next = candidates[j];
            if (!next.InIllustration && next.Role == HeadingRole.Pending)
                return next.IsPart;
        }
        return false;
    }

    private static void ResolveMarkdownLevels(List<HeadingCandidate> candidates)
    {
        HeadingCandidate? first = null;
        int titleLevelCount = 0;
        bool deeper = false;
        foreach (var c in candidates)
        {
            if (c.InIllustration || c.Role != HeadingRole.Pending)
                continue;
            first ??= c;
            if (c.MarkdownLevel == 1 && !c.IsPart)
                titleLevelCount++;
            else if (c.MarkdownLevel > 1)
                deeper = true;
        }
        if (first is { MarkdownLevel: 1, Kind: SectionKind.Section, IsPart: false }
            && ((titleLevelCount == 1 && deeper) || !first.HasProse))
        {
            first.Role = HeadingRole.BookTitle;
        }

        int chapterLevel = int.MaxValue;
        foreach (var c in candidates)
        {
            if (c.Role == HeadingRole.Pending && !c.InIllustration && !c.IsPart && c.MarkdownLevel > 0)
                chapterLevel = Math.Min(chapterLevel, c.MarkdownLevel);
        }
        foreach (var c in candidates)
        {
            if (c.Role != HeadingRole.Pending || c.InIllustration || c.MarkdownLevel == 0)
                continue;
            if (c.IsPart || c.MarkdownLevel < chapterLevel)
                c.Role = HeadingRole.Part;
            else
                c.Role = c.MarkdownLevel == chapterLevel ? HeadingRole.Chapter : HeadingRole.SubHeading;
        }
    }

    private static void ResolveCaptions(List<HeadingCandidate> candidates, HeadingKey[] keys)
    {
        HashSet<HeadingKey>? taken = null;
        for (int i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (!c.InIllustration || c.Role != HeadingRole.Pending)
                continue;
            if (taken is null)
            {
                taken = [];
                for (int j = 0; j < candidates.Count; j++)
                {
                    if (!candidates[j].InIllustration && candidates[j].Role is HeadingRole.Chapter or HeadingRole.Part)
                        taken.Add(keys[j]);
                }
            }
            c.Role = taken.Add(keys[i]) ? (c.IsPart ? HeadingRole.Part : HeadingRole.Chapter) : HeadingRole.Ignored;
        }
    }

    private static void PromoteChapterlessParts(List<HeadingCandidate> candidates)
    {
        HeadingCandidate? openPart = null;
        foreach (var c in candidates)
        {
            if (c.Role == HeadingRole.Chapter)
            {
                openPart = null;
            }
            else if (c.Role == HeadingRole.Part)
            {
                Promote(openPart);
                openPart = c;
            }
        }
        Promote(openPart);

        static void Promote(HeadingCandidate? part)
        {
            if (part is { HasProse: true })
            {
                part.Role = HeadingRole.Chapter;
                part.IsPart = false;
                part.Kind = SectionKind.Section;
            }
        }
    }

    /// <summary>Story collections: each story opens with a titled heading and numbers its sections again from I.
    /// Bare numerals that restart from one under at least two titled chapter headings are scenes of those.</summary>
    private static void DemoteRestartingNumerals(List<HeadingCandidate> candidates)
    {
        int titled = 0, restarts = 0;
        bool seenNumeralUnderThis = false;
        foreach (var c in candidates)
        {
            if (c.Role != HeadingRole.Chapter || c.InIllustration || c.MarkdownLevel > 0)
                continue;
            if (!IsBareNumeral(c))
            {
                titled++;
                seenNumeralUnderThis = false;
            }
            else if (titled > 0 && !seenNumeralUnderThis)
            {
                seenNumeralUnderThis = true;
                if (c.Number == 1)
                    restarts++;
            }
        }
        if (restarts < 2)
            return;
        titled = 0;
        foreach (var c in candidates)
        {
            if (c.Role != HeadingRole.Chapter || c.InIllustration || c.MarkdownLevel > 0)
                continue;
            if (!IsBareNumeral(c))
                titled++;
            else if (titled > 0)
                c.Role = HeadingRole.SubHeading;
        }
    }

    private static bool IsBareNumeral(HeadingCandidate c) => c.Form == HeadingForm.NumberAlone && c.TitleLine.Length == 0;

    private static HeadingKey Key(HeadingCandidate c, string text)
    {
        // A story's numbered title is told apart from the bare section numerals that restart under each story.
        if (c.Number is int number && c.Form != HeadingForm.NumberTitled)
            return new HeadingKey(c.IsPart, c.Kind, number, null);
        var line = text.AsSpan(c.Line.Start, c.Line.Length).TrimEnd(".:;").Trim();
        return new HeadingKey(c.IsPart, c.Kind, 0, line.ToString().ToUpperInvariant());
    }
}
