using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Characters;

/// <summary>
/// Finds the narrator of a book told in the first person (<see cref="Narration.NarrationVoice"/> decides that):
/// their "I said" lines, their name, and whether an opening frame narrator hands the story over to them.
/// </summary>
/// <remarks>
/// <para><b>Lines.</b> "I" in narration right before or right after a speech verb ("I said", "said I", "I asked",
/// "cried I"), with quoted speech in its sentence or a neighbouring sentence of the paragraph, as for named
/// speakers; the first attribution of a paragraph is its speaker.</para>
/// <para><b>Name.</b> Self-naming, in narration or in the narrator's own lines: "call me X", "my name is X",
/// "I am called X", "I, X," and "I—X" (each counts <see cref="SelfNamingWeight"/>); and address: a name said
/// vocatively in quoted speech ("Well, X, ..." "Come, X!") in a paragraph next to one of the narrator's lines, and
/// not in one (each counts 1). Without a frame, the narrator is the name with the most weight, at least
/// <see cref="MinWeight"/>; with none, the narrator is unnamed.</para>
/// <para><b>Frame.</b> The opening narrator is the name (with at least <see cref="MinWeight"/>) whose evidence starts
/// in the earliest chapter. A frame narrator hands over when both narrators name themselves (a narrator who starts a
/// story of their own introduces themselves; being addressed by two names, Victor and Frankenstein, is one person
/// more often than two narrators), the other name's evidence starts in a later chapter with at least as much weight
/// as the opening narrator's, and no evidence of the opening narrator lies between that name's first and last
/// chapters (the frame's voice stops while the inner narrator's runs; it may return at the end). That name is then
/// the narrator from its first chapter on, and the chapters before it are the frame narrator's. A narrator who tells
/// the whole book (Moby-Dick's Ishmael) is not a frame narrator, however much the story is about someone else.</para>
/// </remarks>
internal static class NarratorFinder
{
    /// <summary>Weight of one self-naming against one address.</summary>
    internal const int SelfNamingWeight = 3;

    /// <summary>Least weight for a name to be the narrator's: one self-naming, or two addresses.</summary>
    internal const int MinWeight = 2;

    public static Narrator Find(ManuscriptDocument document, TokenTable table, MentionSet set, int[] roots)
    {
        var chapters = document.Chapters.Count;
        var (lines, firstReference) = ScanI(document, table, chapters);
        var votes = Votes(document, set, roots, lines);

        var candidates = votes.GroupBy(v => v.Root)
            .Select(g => (Root: g.Key, Weight: g.Sum(v => v.Weight), Chapter: g.Min(v => v.Chapter), Word: g.Min(v => v.Word),
                SelfNamed: g.Any(v => v.Weight == SelfNamingWeight)))
            .Where(c => c.Weight >= MinWeight)
            .OrderByDescending(c => c.Weight).ThenBy(c => c.Word)
            .ToArray();
        int main = -1, frame = -1, handover = 0;
        if (candidates.Length > 0)
        {
            var opening = candidates.OrderBy(c => c.Chapter).ThenByDescending(c => c.Weight).ThenBy(c => c.Word).First();
            // The frame's voice stops while the inner narrator's runs: none of its evidence lies inside the other's stretch.
            var openingChapters = votes.Where(v => v.Root == opening.Root).Select(v => v.Chapter).ToArray();
            var takesOver = candidates
                .Where(c => opening.SelfNamed && c.SelfNamed && c.Chapter > opening.Chapter && c.Weight >= opening.Weight)
                .Where(c =>
                {
                    var last = votes.Where(v => v.Root == c.Root).Max(v => v.Chapter);
                    return !openingChapters.Any(chapter => chapter >= c.Chapter && chapter <= last);
                })
                .ToArray();
            if (takesOver.Length > 0)
            {
                main = takesOver[0].Root;
                frame = opening.Root;
                handover = takesOver[0].Chapter;
            }
            else
            {
                main = candidates[0].Root;
            }
        }

        var mainVotes = votes.Where(v => v.Root == main).ToArray();
        return new Narrator
        {
            Root = main,
            FrameRoot = frame,
            HandoverChapter = handover,
            SelfNamings = mainVotes.Count(v => v.Weight == SelfNamingWeight),
            Addresses = mainVotes.Count(v => v.Weight == 1),
            Naming = mainVotes.Length > 0 ? mainVotes.MinBy(v => v.Word).Mention : null,
            References = document.Narration.NarratorReferences,
            FirstReference = firstReference,
            Lines = lines,
        };
    }

    /// <summary>The narration's "I": the paragraphs it speaks in, and its first use per chapter.</summary>
    private static (Dictionary<int, int> Lines, Mention?[] FirstReference) ScanI(ManuscriptDocument document, TokenTable table, int chapters)
    {
        var lines = new Dictionary<int, int>();
        var first = new Mention?[chapters];
        var forms = document.Forms;
        var formI = -1;
        for (var f = 0; f < forms.Count && formI < 0; f++)
            if (forms[f] == "I") formI = f;
        if (formI < 0) return (lines, first);

        var dialogue = document.Dialogue;
        var sentences = document.Sentences;
        var paragraphs = document.Paragraphs;
        var s = 0;
        for (var w = 0; w < document.Words.Length; w++)
        {
            if (forms.FormOf(w) != formI) continue;
            while (s + 1 < sentences.Length && sentences[s + 1].FirstWord <= w) s++;
            var sentence = sentences[s];
            if (w >= sentence.FirstWord + sentence.WordCount || dialogue.IsInDialogue(document.Words[w].Start)) continue;
            var paragraph = sentence.ParagraphIndex;
            var chapter = paragraphs[paragraph].ChapterIndex;
            first[chapter] ??= new Mention(-1, w, w, s, paragraph, false);

            if (lines.ContainsKey(paragraph) || dialogue.ParagraphDialogueChars[paragraph] == 0) continue;
            var verb = (w > sentence.FirstWord && table.Joined(w - 1, w) && IsSpeechVerb(document, w - 1))
                || (w + 1 < sentence.FirstWord + sentence.WordCount && table.Joined(w, w + 1) && IsSpeechVerb(document, w + 1));
            if (verb && MentionScanner.SpeechNear(document, s)) lines[paragraph] = w;
        }
        return (lines, first);
    }

    private static bool IsSpeechVerb(ManuscriptDocument document, int word) =>
        (NeighbourWords.Of(document.WordText(word)) & Neighbour.SpeechVerb) != 0;

    private static List<NarratorVote> Votes(ManuscriptDocument document, MentionSet set, int[] roots, Dictionary<int, int> lines)
    {
        var votes = new List<NarratorVote>();
        var dialogue = document.Dialogue;
        var paragraphs = document.Paragraphs;
        foreach (var mention in set.Mentions)
        {
            var inQuote = dialogue.IsInDialogue(document.Words[mention.FirstWord].Start);
            var narratorSpeaks = lines.ContainsKey(mention.Paragraph);
            int weight;
            if ((!inQuote || narratorSpeaks) && IsSelfNaming(document, mention)) weight = SelfNamingWeight;
            else if (inQuote && !narratorSpeaks && (lines.ContainsKey(mention.Paragraph - 1) || lines.ContainsKey(mention.Paragraph + 1))
                     && IsVocative(document, mention)) weight = 1;
            else continue;
            votes.Add(new NarratorVote(roots[mention.Variant], weight, mention.FirstWord, paragraphs[mention.Paragraph].ChapterIndex, mention));
        }
        return votes;
    }

    /// <summary>"call me X", "my name is X", "I am called X", "I, X," or "I—X": the words before the mention, in its sentence.</summary>
    private static bool IsSelfNaming(ManuscriptDocument document, Mention mention)
    {
        var sentence = document.Sentences[mention.Sentence];
        var w = mention.FirstWord;
        bool Is(int offset, string word) =>
            w - offset >= sentence.FirstWord && document.WordText(w - offset).Equals(word, StringComparison.OrdinalIgnoreCase);
        bool Spaced(int offset) => Gap(document, w - offset, w - offset + 1).IsWhiteSpace();

        if (Is(1, "me") && Is(2, "call") && Spaced(1) && Spaced(2)) return true;
        if ((Is(1, "is") || Is(1, "was")) && Is(2, "name") && Is(3, "my") && Spaced(1)) return true;
        if ((Is(1, "called") || Is(1, "named")) && (Is(2, "am") || Is(2, "was")) && Is(3, "I") && Spaced(1)) return true;
        if (w - 1 >= sentence.FirstWord && document.WordText(w - 1) is "I")
        {
            var gap = Gap(document, w - 1, w).Trim();
            return gap is "," or "—" or "--" or "-" && After(document, mention) is ',' or '.' or '!' or '—' or '-' or '”' or '"' or '’';
        }
        return false;
    }

    /// <summary>A name said to someone: after a comma, a dash, an opening quote or "O"/"dear", and before a comma,
    /// an end mark or a closing quote ("Well, Ishmael, ...", "Come, Ishmael!").</summary>
    private static bool IsVocative(ManuscriptDocument document, Mention mention)
    {
        var text = document.Text;
        var start = document.Words[mention.FirstWord].Start;
        var i = start - 1;
        while (i >= 0 && text[i] == ' ') i--;
        var before = i >= 0 ? text[i] : '\n';
        var opens = before is ',' or '—' or '“' or '"' or '‘' or '\''
            || (mention.FirstWord > 0 && document.WordText(mention.FirstWord - 1) is "O" or "dear" or "Dear");
        return opens && After(document, mention) is ',' or '!' or '?' or '.' or ';' or '—' or '”' or '"' or '’';
    }

    private static char After(ManuscriptDocument document, Mention mention)
    {
        var last = document.Words[mention.LastWord];
        var end = last.Start + last.Length;
        return end < document.Text.Length ? document.Text[end] : '\n';
    }

    private static ReadOnlySpan<char> Gap(ManuscriptDocument document, int a, int b)
    {
        var from = document.Words[a].Start + document.Words[a].Length;
        var to = document.Words[b].Start;
        return to > from ? document.Text.AsSpan(from, to - from) : [];
    }
}
