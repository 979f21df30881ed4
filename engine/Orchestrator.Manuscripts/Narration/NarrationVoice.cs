using Orchestrator.Manuscripts.Consistency;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Narration;

/// <summary>
/// The personal pronouns of a book's narration (words outside <see cref="DialogueMap.Quotes"/>), per chapter, and
/// whether the book is told in the first person. Consistency judges point-of-view shifts from it and the cast
/// analysis finds the first-person narrator with it: one detection, built once per document
/// (<see cref="ManuscriptDocument.Narration"/>) and shared.
/// </summary>
/// <remarks>
/// First person: I, me, my, mine, myself, we, us, our, ours, ourselves (and I'm, we're...); third person: he, him,
/// his, himself, she, her, hers, herself, they, them, their, theirs, themselves (it is not a person). First-person
/// share = first / (first + third). First-person narration still says he and they about others, so the line is
/// <see cref="DefaultFirstPersonThreshold"/>, not 0.5.
/// </remarks>
public sealed class NarrationVoice
{
    /// <summary>Narration whose first-person share reaches this is first person.</summary>
    public const double DefaultFirstPersonThreshold = 0.25;

    /// <summary>Fewest narration pronouns for the point of view to be judged at all.</summary>
    public const int DefaultMinPronouns = 30;

    private const byte None = 0, FirstPlural = 1, FirstSingular = 2, Third = 3;

    private NarrationVoice(int chapters)
    {
        FirstPerson = new int[chapters];
        ThirdPerson = new int[chapters];
        NarratorReferences = new int[chapters];
        FirstFirstPersonWord = Filled(chapters);
        FirstThirdPersonWord = Filled(chapters);
    }

    /// <summary>First-person pronouns of the narration, per chapter.</summary>
    public int[] FirstPerson { get; }

    /// <summary>Third-person pronouns of the narration, per chapter.</summary>
    public int[] ThirdPerson { get; }

    /// <summary>First-person singular pronouns of the narration (I, me, my, mine, myself...), per chapter: the narrator's
    /// own presence, which "we" and "us" do not measure.</summary>
    public int[] NarratorReferences { get; }

    /// <summary>Per chapter, the first word that counted as a first-person pronoun (-1 when none): evidence for findings.</summary>
    public int[] FirstFirstPersonWord { get; }

    /// <summary>Per chapter, the first word that counted as a third-person pronoun (-1 when none).</summary>
    public int[] FirstThirdPersonWord { get; }

    public long FirstPersonTotal { get; private set; }
    public long ThirdPersonTotal { get; private set; }

    /// <summary>First / (first + third) over the whole book; 0 without pronouns.</summary>
    public double FirstPersonShare => FirstPersonTotal + ThirdPersonTotal > 0 ? (double)FirstPersonTotal / (FirstPersonTotal + ThirdPersonTotal) : 0;

    /// <summary>There are enough pronouns to judge the point of view.</summary>
    public bool IsKnown(int minPronouns) => FirstPersonTotal + ThirdPersonTotal >= minPronouns;

    /// <summary>The book is told in the first person: enough pronouns, and the first-person share reaches the threshold.</summary>
    public bool IsFirstPerson(double threshold = DefaultFirstPersonThreshold, int minPronouns = DefaultMinPronouns) =>
        IsKnown(minPronouns) && FirstPersonShare >= threshold;

    /// <summary>One pass over the words, one lexicon lookup per distinct form.</summary>
    public static NarrationVoice Build(ManuscriptDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var voice = new NarrationVoice(document.Chapters.Count);
        var forms = document.Forms;
        var kindOfForm = new byte[forms.Count];
        var known = new bool[forms.Count];
        var words = document.Words;
        var paragraphs = document.Paragraphs;
        var quotes = document.Dialogue.Quotes;
        var q = 0;
        long first = 0, third = 0;
        foreach (var sentence in document.Sentences)
        {
            var chapter = paragraphs[sentence.ParagraphIndex].ChapterIndex;
            var end = sentence.FirstWord + sentence.WordCount;
            for (var w = sentence.FirstWord; w < end; w++)
            {
                var start = words[w].Start;
                while (q < quotes.Length && quotes[q].End <= start) q++;
                if (q < quotes.Length && quotes[q].Start <= start) continue; // quoted speech: characters speak in any person
                var form = forms.FormOf(w);
                if (!known[form])
                {
                    kindOfForm[form] = Classify(document.WordText(w));
                    known[form] = true;
                }
                switch (kindOfForm[form])
                {
                    case FirstSingular:
                        voice.NarratorReferences[chapter]++;
                        goto case FirstPlural;
                    case FirstPlural:
                        first++;
                        if (voice.FirstPerson[chapter]++ == 0) voice.FirstFirstPersonWord[chapter] = w;
                        break;
                    case Third:
                        third++;
                        if (voice.ThirdPerson[chapter]++ == 0) voice.FirstThirdPersonWord[chapter] = w;
                        break;
                }
            }
        }
        voice.FirstPersonTotal = first;
        voice.ThirdPersonTotal = third;
        return voice;
    }

    private static byte Classify(ReadOnlySpan<char> word)
    {
        var key = WordScan.StripPossessive(word, out _);
        var role = WordRoles.Classify(key);
        if ((role & WordRole.ThirdPerson) != 0) return Third;
        if ((role & WordRole.FirstPerson) == 0) return None;
        // I, I'm, I'll...; me, my, mine, myself.
        var c = char.ToLowerInvariant(key[0]);
        return c == 'i' || (c == 'm' && key.Length > 1) ? FirstSingular : FirstPlural;
    }

    private static int[] Filled(int length)
    {
        var array = new int[length];
        Array.Fill(array, -1);
        return array;
    }
}
