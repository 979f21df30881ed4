using System.Buffers;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Consistency;

/// <summary>
/// The one pass over the words of a book that the word-level checks share: the <see cref="Vocabulary"/> with
/// casing counts, a <see cref="WordFlags"/> byte per use, and per chapter the tense markers of the narration (words
/// outside <see cref="DialogueMap.Quotes"/>); the pronouns are <see cref="Narration.NarrationVoice"/>'s. Arrays are
/// pooled: dispose it.
/// </summary>
/// <remarks>
/// <para><b>Capitalisation.</b> A capitalised use counts for the capitalisation check when it is not
/// <see cref="WordFlags.Initial"/>; the words before and after it in the sentence are not capitalised, and no name
/// link leads to a capitalised word (so titles and names of several words are left alone: Sir William, Lady
/// Catherine, Church of England, Alfred the Great); it does not follow a dash or a closing quotation mark (a new
/// sentence the tokeniser could not see), nor start an indented line or one after a short line (verse); it is not
/// followed by a dash (a name left blank: General ----'s regiment); its paragraph has more than
/// <see cref="ShortParagraphWords"/> words (salutations: My dear Sir,); and the word is letters only, two letters or
/// more, and not <see cref="WordRole.CapitalisationExempt"/>.</para>
/// <para><b>Persons.</b> <see cref="VocabularyEntry.Person"/> counts a capitalised use after a title or a speech
/// verb (Mr Darcy, said Holmes) and a capitalised word followed by a speech verb or a past-tense verb (Holmes
/// replied, Ahab went): the name check's evidence that a name is a character's.</para>
/// <para><b>Tense markers</b> (narration only; a capitalised word inside a sentence is a name, not a verb):
/// a present marker (is, are...) or a past marker (was, went, walked...) counts, except that a past-looking
/// word right after be/have (possibly across not, never, -ly adverbs) is a participle and does not; X's after
/// he/she/it/that/there... is present; an -s word right after he/she/it/who/that/which is present.</para>
/// </remarks>
internal sealed class WordScan : IDisposable
{
    /// <summary>Paragraphs this short (salutations, sign-offs, addresses) are left out of the capitalisation check.</summary>
    internal const int ShortParagraphWords = 6;

    /// <summary>
    /// A line inside a paragraph that ends before this many characters is a hard break (verse, an address), so a capital
    /// at the start of the next line is the line's, not the word's. Wrapped prose (Project Gutenberg wraps near 70) and
    /// unwrapped paragraphs never break this early.
    /// </summary>
    internal const int VerseLineLength = 55;

    private WordFlags[] _flags;

    private WordScan(ManuscriptDocument document)
    {
        var chapters = document.Chapters.Count;
        Vocabulary = new Vocabulary(document.WordCount);
        _flags = ArrayPool<WordFlags>.Shared.Rent(Math.Max(1, document.WordCount));
        Past = new int[chapters];
        Present = new int[chapters];
        FirstPastWord = Filled(chapters);
        FirstPresentWord = Filled(chapters);
    }

    public Vocabulary Vocabulary { get; }
    public int[] Past { get; }
    public int[] Present { get; }

    /// <summary>Per chapter, the first word that counted as a past marker (-1 when none): evidence for findings.</summary>
    public int[] FirstPastWord { get; }
    public int[] FirstPresentWord { get; }

    public WordFlags Flags(int wordIndex) => _flags[wordIndex];

    public static WordScan Run(ManuscriptDocument document)
    {
        var scan = new WordScan(document);
        try
        {
            scan.Walk(document);
            scan.Vocabulary.Complete();
            return scan;
        }
        catch
        {
            scan.Dispose();
            throw;
        }
    }

    private void Walk(ManuscriptDocument document)
    {
        // The key of a word (possessive stripped) is a function of its form: each form is hashed into the vocabulary
        // once, and its later uses are recorded by entry.
        var forms = document.Forms;
        var entryOfForm = ArrayPool<int>.Shared.Rent(Math.Max(1, forms.Count));
        Array.Fill(entryOfForm, -1, 0, forms.Count);
        try
        {
            Walk(document, forms, entryOfForm);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(entryOfForm);
        }
    }

    private void Walk(ManuscriptDocument document, WordForms forms, int[] entryOfForm)
    {
        var text = document.Text;
        var words = document.Words;
        var paragraphs = document.Paragraphs;
        var sentences = document.Sentences;
        var quotes = document.Dialogue.Quotes;
        var vocabulary = Vocabulary;
        var q = 0;

        foreach (var sentence in sentences)
        {
            var chapter = paragraphs[sentence.ParagraphIndex].ChapterIndex;
            var end = sentence.FirstWord + sentence.WordCount;
            var auxiliary = false;
            var subject = false;
            var previousCasing = WordFlags.None;
            var previousRole = WordRole.None;
            var previousEntry = -1;
            var paragraphWords = paragraphs[sentence.ParagraphIndex].WordCount;
            var casing = end > sentence.FirstWord ? Casing(document.WordText(sentence.FirstWord)) : WordFlags.None;
            for (var w = sentence.FirstWord; w < end; w++)
            {
                var word = words[w];
                var span = text.AsSpan(word.Start, word.Length);
                var nextCasing = w + 1 < end ? Casing(document.WordText(w + 1)) : WordFlags.None;
                var key = StripPossessive(span, out var apostropheS);
                var flags = casing;
                if (w == sentence.FirstWord || AfterOpener(text, word.Start)) flags |= WordFlags.Initial;

                while (q < quotes.Length && quotes[q].End <= word.Start) q++;
                var narration = q >= quotes.Length || quotes[q].Start > word.Start;
                if (narration) flags |= WordFlags.Narration;

                var form = forms.FormOf(w);
                var index = entryOfForm[form];
                if (index < 0) entryOfForm[form] = index = vocabulary.Add(key, w);
                else vocabulary.AddUse(index, w);
                ref var entry = ref vocabulary[index];
                var role = entry.Role;
                if ((casing & WordFlags.Lower) != 0) entry.Lower++;
                else if ((casing & WordFlags.Capitalised) != 0)
                {
                    entry.Capitalised++;
                    if ((flags & WordFlags.Initial) == 0)
                    {
                        entry.CapitalisedInside++;
                        if (CapitalisationEligible(document, w, sentence.FirstWord, end, paragraphWords, previousCasing, nextCasing, role, key.Length))
                        {
                            entry.CapitalisedEligible++;
                            flags |= WordFlags.CapitalisedEligible;
                        }
                    }
                    if (w > sentence.FirstWord && (previousRole & (WordRole.Honorific | WordRole.SpeechVerb)) != 0) entry.Person++;
                }
                if (w > sentence.FirstWord && (previousCasing & WordFlags.Capitalised) != 0 && (casing & WordFlags.Lower) != 0
                    && ((role & WordRole.SpeechVerb) != 0 || (role & (WordRole.Past | WordRole.Auxiliary)) == WordRole.Past))
                    vocabulary[previousEntry].Person++;
                _flags[w] = flags;

                if (!narration)
                {
                    auxiliary = subject = false;
                }
                else
                {
                    var name = (casing & WordFlags.Capitalised) != 0 && (flags & WordFlags.Initial) == 0 && key.Length > 1;
                    if (name)
                    {
                        auxiliary = subject = false;
                    }
                    else if (apostropheS && (role & WordRole.ContractionBase) != 0)
                    {
                        Count(Present, FirstPresentWord, chapter, w);
                        auxiliary = true;
                        subject = false;
                    }
                    else if ((role & WordRole.Present) != 0)
                    {
                        Count(Present, FirstPresentWord, chapter, w);
                        auxiliary = (role & WordRole.Auxiliary) != 0;
                        subject = false;
                    }
                    else if ((role & WordRole.Past) != 0)
                    {
                        if (!auxiliary) Count(Past, FirstPastWord, chapter, w);
                        auxiliary = (role & WordRole.Auxiliary) != 0;
                        subject = false;
                    }
                    else if ((role & WordRole.SForm) != 0 && !apostropheS && (casing & WordFlags.Lower) != 0)
                    {
                        if (subject) Count(Present, FirstPresentWord, chapter, w);
                        auxiliary = subject = false;
                    }
                    else if ((role & WordRole.Gap) != 0)
                    {
                        // keeps the auxiliary or subject in effect: "had never walked", "she always walks"
                    }
                    else if ((role & WordRole.Subject) != 0 && !apostropheS)
                    {
                        subject = true;
                        auxiliary = (role & WordRole.Auxiliary) != 0;
                    }
                    else
                    {
                        auxiliary = (role & WordRole.Auxiliary) != 0;
                        subject = false;
                    }
                }
                previousCasing = casing;
                previousRole = role;
                previousEntry = index;
                casing = nextCasing;
            }
        }
    }

    /// <summary>Whether a capitalised use inside a sentence counts for the capitalisation check (see the remarks).</summary>
    private static bool CapitalisationEligible(ManuscriptDocument document, int w, int first, int end, int paragraphWords,
        WordFlags previous, WordFlags next, WordRole role, int keyLength)
    {
        const WordFlags capital = WordFlags.Capitalised | WordFlags.AllCaps;
        if ((role & (WordRole.CapitalisationExempt | WordRole.Letters)) != WordRole.Letters || keyLength < 2) return false;
        if ((previous & capital) != 0 || (next & capital) != 0) return false;
        if (paragraphWords <= ShortParagraphWords) return false;
        var text = document.Text;
        var word = document.Words[w];

        // After a dash or a closing quotation mark (a new sentence the tokeniser could not see), at the start of an
        // indented line or after a short one (verse), or before a dash (a name left blank: General ----'s regiment).
        var j = word.Start - 1;
        while (j >= 0 && text[j] is '_' or '*') j--;
        var spaces = 0;
        while (j >= 0 && text[j] is ' ' or '\t') { j--; spaces++; }
        if (j >= 0 && text[j] is '-' or '—' or '–' or '”' or '’') return false;
        if (j >= 0 && text[j] == '\n' && (spaces > 0 || LineLength(text, j) < VerseLineLength)) return false;
        var k = word.Start + word.Length;
        while (k < text.Length && text[k] is '_' or '*' or ' ') k++;
        if (k < text.Length && (text[k] == '—' || (text[k] == '-' && k + 1 < text.Length && text[k + 1] == '-'))) return false;

        // Part of a longer name: Church of England, Alfred the Great, the Prince of the Powers of the Air.
        return !LinkedToCapital(document, w, -1, first, end) && !LinkedToCapital(document, w, +1, first, end);
    }

    /// <summary>True when one or two name links (of, the, de...) lead from word <paramref name="w"/> to a capitalised word.</summary>
    private static bool LinkedToCapital(ManuscriptDocument document, int w, int step, int first, int end)
    {
        for (int i = w + step, links = 0; i >= first && i < end && links <= 2; i += step, links++)
        {
            var text = document.WordText(i);
            if (links > 0 && (Casing(text) & (WordFlags.Capitalised | WordFlags.AllCaps)) != 0) return true;
            if (!IsNameLink(text)) return false;
        }
        return false;
    }

    /// <summary>Characters of the line that ends at the line break <paramref name="newline"/>.</summary>
    private static int LineLength(string text, int newline)
    {
        var start = newline > 0 ? text.LastIndexOf('\n', newline - 1) + 1 : 0;
        return newline - start;
    }

    private static bool IsNameLink(ReadOnlySpan<char> word) => word.Length <= 3 && WordRoles.NameLinks.Contains(word);

    private static void Count(int[] counts, int[] first, int chapter, int word)
    {
        if (counts[chapter]++ == 0) first[chapter] = word;
    }

    /// <summary>The word without a final 's / ’s (Darcy’s → Darcy, it’s → it); <paramref name="apostropheS"/> says whether one was removed.</summary>
    internal static ReadOnlySpan<char> StripPossessive(ReadOnlySpan<char> word, out bool apostropheS)
    {
        apostropheS = word.Length > 2 && word[^2] is '\'' or '’' && word[^1] is 's' or 'S';
        return apostropheS ? word[..^2] : word;
    }

    /// <summary>Lower, Capitalised or AllCaps from the letters of a word (None for a word starting with a digit).</summary>
    internal static WordFlags Casing(ReadOnlySpan<char> word)
    {
        if (word.Length == 0) return WordFlags.None;
        var first = word[0];
        if (char.IsLower(first)) return WordFlags.Lower;
        if (!char.IsUpper(first)) return WordFlags.None;
        var upper = 0;
        var lower = 0;
        for (var i = 1; i < word.Length; i++)
        {
            var c = word[i];
            if ((uint)(c - 'a') <= 'z' - 'a') lower++;
            else if ((uint)(c - 'A') <= 'Z' - 'A') upper++;
            else if (c >= 128 && char.IsLetter(c))
            {
                if (char.IsUpper(c)) upper++;
                else lower++;
            }
        }
        if (upper == 0) return WordFlags.Capitalised;
        return lower == 0 ? WordFlags.AllCaps : WordFlags.None;
    }

    /// <summary>True when the word at <paramref name="start"/> opens a quotation, a bracket, or follows a colon.</summary>
    private static bool AfterOpener(string text, int start)
    {
        var j = start - 1;
        while (j >= 0 && text[j] is '_' or '*') j--;
        if (j < 0) return true;
        if (text[j] is '“' or '"' or '‘' or '\'' or '(' or '[') return true;
        while (j >= 0 && text[j] is ' ' or '\n' or '\t') j--;
        return j >= 0 && text[j] == ':';
    }

    private static int[] Filled(int length)
    {
        var array = new int[length];
        Array.Fill(array, -1);
        return array;
    }

    public void Dispose()
    {
        Vocabulary.Dispose();
        if (_flags.Length > 0) ArrayPool<WordFlags>.Shared.Return(_flags);
        _flags = [];
    }
}
