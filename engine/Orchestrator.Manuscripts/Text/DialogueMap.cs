namespace Orchestrator.Manuscripts.Text;

/// <summary>
/// Where the quoted speech of a manuscript is, so checks meant for narration (filter words,
/// "there is" openings...) can leave dialogue alone and pacing can measure dialogue share.
/// Built once per document in one pass over its paragraphs.
/// </summary>
/// <remarks>
/// The quote style is chosen per book: double marks (curly or straight) when they are at least as
/// common as single opening marks at word starts, else single (UK style). Only that style counts as
/// speech, so apostrophes (don’t, the boys’) and nested quotes do not. A quote left open at the end
/// of a paragraph ends there: the convention for speech running over several paragraphs reopens
/// the mark on the next one.
/// </remarks>
public sealed class DialogueMap
{
    private readonly int[] _starts;

    public QuoteStyle Style { get; }

    /// <summary>Quoted stretches, marks included, sorted and not overlapping.</summary>
    public TextSpan[] Quotes { get; }

    /// <summary>Characters inside quotes, per paragraph (same index as <see cref="ManuscriptDocument.Paragraphs"/>).</summary>
    public int[] ParagraphDialogueChars { get; }

    /// <summary>Characters inside quotes in the whole body.</summary>
    public long DialogueChars { get; }

    private DialogueMap(QuoteStyle style, TextSpan[] quotes, int[] paragraphChars, long total)
    {
        Style = style;
        Quotes = quotes;
        ParagraphDialogueChars = paragraphChars;
        DialogueChars = total;
        _starts = new int[quotes.Length];
        for (var i = 0; i < quotes.Length; i++) _starts[i] = quotes[i].Start;
    }

    /// <summary>True when the character at <paramref name="offset"/> is inside quoted speech.</summary>
    public bool IsInDialogue(int offset)
    {
        var i = Array.BinarySearch(_starts, offset);
        if (i >= 0) return true;
        i = ~i - 1;
        return i >= 0 && offset < Quotes[i].End;
    }

    /// <summary>Share of the span's characters that are inside quotes, in [0,1].</summary>
    public double DialogueShare(TextSpan span)
    {
        if (span.Length <= 0 || Quotes.Length == 0) return 0;
        var i = Array.BinarySearch(_starts, span.Start);
        i = i >= 0 ? i : Math.Max(0, ~i - 1);
        long inside = 0;
        for (; i < Quotes.Length && Quotes[i].Start < span.End; i++)
        {
            var from = Math.Max(Quotes[i].Start, span.Start);
            var to = Math.Min(Quotes[i].End, span.End);
            if (to > from) inside += to - from;
        }
        return (double)inside / span.Length;
    }

    /// <summary>
    /// A sentence counts as dialogue when it carries any speech (<c>“Yes,” she said.</c> does).
    /// Checks meant for narration should test words with <see cref="IsInDialogue"/> instead, so the tag is still read.
    /// </summary>
    public bool IsDialogue(Sentence sentence) => DialogueShare(sentence.Span) > 0;

    internal static DialogueMap Build(ManuscriptDocument document)
    {
        var text = document.Text.AsSpan();
        var style = ChooseStyle(document, text);
        var paragraphs = document.Paragraphs;
        var perParagraph = new int[paragraphs.Length];
        if (style == QuoteStyle.None) return new DialogueMap(style, [], perParagraph, 0);

        var quotes = new List<TextSpan>();
        long total = 0;
        for (var p = 0; p < paragraphs.Length; p++)
        {
            var span = paragraphs[p].Span;
            var open = -1;
            for (var i = span.Start; i < span.End; i++)
            {
                if (open < 0)
                {
                    if (Opens(style, text, i, span.Start)) open = i;
                }
                else if (Closes(style, text, i, span.End))
                {
                    quotes.Add(new TextSpan(open, i + 1 - open));
                    perParagraph[p] += i + 1 - open;
                    open = -1;
                }
            }
            if (open >= 0)
            {
                quotes.Add(new TextSpan(open, span.End - open));
                perParagraph[p] += span.End - open;
            }
            total += perParagraph[p];
        }
        return new DialogueMap(style, quotes.ToArray(), perParagraph, total);
    }

    private static bool Opens(QuoteStyle style, ReadOnlySpan<char> text, int i, int paragraphStart)
    {
        var c = text[i];
        if (style == QuoteStyle.Double) return c is '“' or '"';
        if (c == '‘') return true;
        return c == '\'' && AtWordStart(text, i, paragraphStart) && i + 1 < text.Length && char.IsLetter(text[i + 1]);
    }

    private static bool Closes(QuoteStyle style, ReadOnlySpan<char> text, int i, int paragraphEnd)
    {
        var c = text[i];
        if (style == QuoteStyle.Double) return c is '”' or '"';
        if (c is not ('’' or '\'')) return false;
        // don’t, o’clock: a mark between letters is an apostrophe.
        return i + 1 >= paragraphEnd || !char.IsLetter(text[i + 1]);
    }

    private static bool AtWordStart(ReadOnlySpan<char> text, int i, int paragraphStart) =>
        i == paragraphStart || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '[' or '—' or '–' or '-';

    private static QuoteStyle ChooseStyle(ManuscriptDocument document, ReadOnlySpan<char> text)
    {
        long doubles = 0, singles = 0;
        foreach (var paragraph in document.Paragraphs)
        {
            var span = paragraph.Span;
            for (var i = span.Start; i < span.End; i++)
            {
                var c = text[i];
                if (c is '“' or '”' or '"') doubles++;
                else if ((c is '‘' || c == '\'') && AtWordStart(text, i, span.Start) && i + 1 < span.End && char.IsLetter(text[i + 1])) singles++;
            }
        }
        if (doubles == 0 && singles == 0) return QuoteStyle.None;
        // Doubles come in pairs, single openers are counted once: compare like with like.
        return doubles / 2.0 >= singles ? QuoteStyle.Double : QuoteStyle.Single;
    }
}
