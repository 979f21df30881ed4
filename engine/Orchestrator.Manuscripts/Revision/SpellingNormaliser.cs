using Orchestrator.Manuscripts.Consistency;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Revision;

/// <summary>
/// Brings each family of spelling variants (<see cref="VariantTable"/>: colour/color, grey/gray, realise/realize,
/// judgement/judgment, towards/toward, learnt/learned, shew/show...) to the form the book uses more often, keeping
/// the case of each use (Grey at a sentence start stays capitalised, GREY stays in capitals).
/// </summary>
/// <remarks>
/// <para><b>What is read.</b> Words of the body, each hyphenated part on its own (grey-haired), a final 's or ’s set
/// aside (colour's). A use counts and may change when it is lower case or all capitals, or capitalised as the first
/// word of a sentence or of a quotation; a capitalised word inside a sentence is taken for a name (Dorian Gray,
/// Lady Grey) and left out of both the count and the changes. Words a lexical illusion removes are left out too.</para>
/// <para><b>Which form.</b> Per family, the side with more counted uses. A tie is broken as the <c>consistency</c>
/// node breaks it: an older/modern pair goes to the modern form; a convention family (-our, -ise, -re...) to the
/// side most of the book's families of that convention follow; otherwise to the book's majority of British or
/// American forms, else the British form. Spellings that are also another word
/// (<see cref="SpellingVariants.Protected"/>) count but never change.</para>
/// <para>Only the table's families are touched, so -ise words that are -ise on both sides of the Atlantic
/// (advertise, surprise, exercise, otherwise, wise, rise, promise) and -ize words that are -ize everywhere (size,
/// prize, seize) never change. Conventions across families (all -ise, or all -ize) are not forced: each family
/// follows its own majority.</para>
/// </remarks>
internal static class SpellingNormaliser
{
    private readonly record struct Use(int Offset, int Length, VariantForm Form, bool Protected);

    public static IReadOnlyList<SpellingChange> Find(ManuscriptDocument document, bool[]? removed, List<WordEdit> edits)
    {
        var uses = Collect(document, removed);
        if (uses.Count == 0) return [];

        var families = VariantTable.Families;
        var countA = new int[families.Count];
        var countB = new int[families.Count];
        foreach (var use in uses)
        {
            if (use.Form.SideA) countA[use.Form.Family]++;
            else countB[use.Form.Family]++;
        }
        var dominantA = DominantSides(countA, countB);

        var changed = new int[families.Count];
        foreach (var use in uses)
        {
            var family = use.Form.Family;
            if (use.Form.SideA == dominantA[family] || use.Protected) continue;
            var pair = families[family].Pairs[use.Form.Pair];
            var original = document.Text.Substring(use.Offset, use.Length);
            edits.Add(new WordEdit(use.Offset, use.Length, SpellingCheck.MatchCase(dominantA[family] ? pair.A : pair.B, original), RevisionRule.Spelling));
            changed[family]++;
        }

        var changes = new List<SpellingChange>();
        for (var f = 0; f < families.Count; f++)
        {
            if (changed[f] == 0) continue;
            var head = families[f].Pairs[0];
            changes.Add(dominantA[f] ? new SpellingChange(head.B, head.A, changed[f]) : new SpellingChange(head.A, head.B, changed[f]));
        }
        changes.Sort((x, y) => y.Count != x.Count ? y.Count.CompareTo(x.Count) : string.CompareOrdinal(x.From, y.From));
        return changes;
    }

    /// <summary>The uses of variant spellings in the body, in text order.</summary>
    private static List<Use> Collect(ManuscriptDocument document, bool[]? removed)
    {
        var uses = new List<Use>();
        var text = document.Text;
        var words = document.Words;
        var sentences = document.Sentences;
        int min = SpellingVariants.MinLength, max = SpellingVariants.MaxLength;
        foreach (var paragraph in document.Paragraphs)
        {
            var s = paragraph.FirstSentence;
            var sentenceEnd = s + paragraph.SentenceCount;
            var end = paragraph.FirstWord + paragraph.WordCount;
            for (var w = paragraph.FirstWord; w < end; w++)
            {
                if (removed is not null && removed[w]) continue;
                while (s < sentenceEnd && sentences[s].FirstWord + sentences[s].WordCount <= w) s++;
                var word = words[w];
                if (word.Length < min) continue;
                var opensSentence = (s < sentenceEnd && sentences[s].FirstWord == w) || OpensQuotation(text, word.Start, paragraph.Span.Start);
                var start = word.Start;
                var wordEnd = word.Start + word.Length;
                while (start < wordEnd)
                {
                    var hyphen = text.AsSpan(start, wordEnd - start).IndexOfAny('-', '‐');
                    var partEnd = hyphen < 0 ? wordEnd : start + hyphen;
                    var part = text.AsSpan(start, partEnd - start);
                    if (part.Length > 2 && part[^2] is '\'' or '’' && part[^1] is 's' or 'S') part = part[..^2];
                    if (part.Length >= min && part.Length <= max && SpellingVariants.TryFind(part, out var form)
                        && Counts(part, opensSentence && start == word.Start))
                        uses.Add(new Use(start, part.Length, form, SpellingVariants.Protected.Contains(part.ToString())));
                    start = partEnd + 1;
                }
            }
        }
        return uses;
    }

    /// <summary>Lower case, all capitals, or capitalised where a sentence or quotation opens; never a name.</summary>
    private static bool Counts(ReadOnlySpan<char> part, bool opensSentence)
    {
        var upper = 0;
        foreach (var c in part)
            if (char.IsUpper(c)) upper++;
        if (upper == 0 || upper == part.Length) return true;
        return upper == 1 && char.IsUpper(part[0]) && opensSentence;
    }

    /// <summary>The word follows an opening quotation mark, bracket or dash that follows white space (or starts the paragraph).</summary>
    private static bool OpensQuotation(string text, int start, int paragraphStart)
    {
        if (start <= paragraphStart || text[start - 1] is not ('“' or '‘' or '"' or '\'' or '(' or '[' or '—')) return false;
        return start - 1 == paragraphStart || char.IsWhiteSpace(text[start - 2]);
    }

    /// <summary>Per family, true when side A is the one to write (see the class remarks for ties).</summary>
    private static bool[] DominantSides(int[] countA, int[] countB)
    {
        var families = VariantTable.Families;
        var sideA = new int[(int)VariantClass.Preference + 1];
        var sideB = new int[sideA.Length];
        int british = 0, american = 0;
        for (var f = 0; f < families.Count; f++)
        {
            var family = families[f];
            int a = countA[f], b = countB[f];
            if (a + b == 0) continue;
            if (family.IsConvention)
            {
                if (a > b) sideA[(int)family.Class] += a + b;
                else if (b > a) sideB[(int)family.Class] += a + b;
            }
            if (family.IsBritishAmerican)
            {
                british += a;
                american += b;
            }
        }

        var dominant = new bool[families.Count];
        for (var f = 0; f < families.Count; f++)
        {
            int a = countA[f], b = countB[f];
            var kind = families[f].Class;
            var k = (int)kind;
            dominant[f] = a != b ? a > b
                : kind == VariantClass.Archaic ? false
                : families[f].IsConvention && sideA[k] != sideB[k] ? sideA[k] > sideB[k]
                : british != american ? british > american
                : true;
        }
        return dominant;
    }
}
