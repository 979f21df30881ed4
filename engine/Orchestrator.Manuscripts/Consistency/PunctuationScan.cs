using System.Buffers;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Consistency;

/// <summary>
/// One pass over the characters of the body paragraphs (headings left out) counting each <see cref="MarkStyle"/>,
/// per chapter too, keeping the first uses of each style for findings, and checking that the quotation marks of
/// each paragraph pair up.
/// </summary>
/// <remarks>
/// <para><b>Pairing.</b> The speech marks of the book's <see cref="QuoteStyle"/> are checked. Double: “ opens and ”
/// closes (a closing mark with none open is left over); straight " marks pair up in order, so an odd number leaves
/// one over; a paragraph with both kinds is unbalanced when its marks are odd in number. Single (UK style): ‘, or '
/// at the start of a word before a letter, opens; ’ or ' not followed by a letter closes an open quote (else it
/// is an apostrophe: the boys’ room); only a quote left open is reported, as a closing mark cannot be told from a
/// plural possessive. A quote left open is fine when the next paragraph opens with a mark: that is how speech
/// running over several paragraphs is written. It is fine too when up to <see cref="MaxCarry"/> paragraphs without
/// double marks (verse, a letter's address, a list) follow and the next paragraph with double marks starts by closing
/// it: quoted verse is set that way (“I had to sing / ‘Twinkle, twinkle...’ / You know the song?”). An inch mark (20",
/// 5'10") is not a quotation mark, nor is the apostrophe of an elided word ('em, 'tis, 'twas, 'cause).</para>
/// </remarks>
internal sealed class PunctuationScan
{
    private static readonly SearchValues<char> Marks = SearchValues.Create("\"'“”‘’….-–—");
    private static readonly int StyleCount = Enum.GetValues<MarkStyle>().Length;

    /// <summary>Paragraphs without quotation marks a quote may run across before a closing mark (quoted verse).</summary>
    internal const int MaxCarry = 8;

    /// <summary>The double speech marks of one paragraph: how many, whether a quote is left open, stray closers.</summary>
    private readonly record struct DoubleMarks(int Marks, bool LeftOpen, int OpenOffset, int StrayClose, bool FirstCloses);

    private readonly ManuscriptDocument _document;
    private readonly int _samplesPerStyle;
    private readonly int[] _counts = new int[StyleCount];
    private readonly int[][] _perChapter;
    private readonly List<int>[] _samples;
    private readonly List<UnpairedQuote> _unpaired = [];

    private PunctuationScan(ManuscriptDocument document, int samplesPerStyle)
    {
        _document = document;
        _samplesPerStyle = samplesPerStyle;
        _perChapter = new int[StyleCount][];
        _samples = new List<int>[StyleCount];
        for (var s = 0; s < StyleCount; s++)
        {
            _perChapter[s] = new int[document.Chapters.Count];
            _samples[s] = [];
        }
    }

    public int Count(MarkStyle style) => _counts[(int)style];

    /// <summary>Uses of a style per chapter.</summary>
    public IReadOnlyList<int> PerChapter(MarkStyle style) => _perChapter[(int)style];

    /// <summary>Offsets of the first uses of a style (as many as asked for when scanning).</summary>
    public IReadOnlyList<int> Samples(MarkStyle style) => _samples[(int)style];

    /// <summary>Paragraphs whose quotation marks do not pair up, in text order.</summary>
    public IReadOnlyList<UnpairedQuote> Unpaired => _unpaired;

    /// <summary>Characters a use of a style covers at <paramref name="offset"/> ("..." is 3 or more).</summary>
    public int LengthAt(MarkStyle style, int offset)
    {
        var text = _document.Text;
        return style switch
        {
            MarkStyle.EllipsisDots => RunLength(text, offset, '.'),
            MarkStyle.EllipsisCharacter => RunLength(text, offset, '…'),
            MarkStyle.DashDoubleHyphen => RunLength(text, offset, '-'),
            MarkStyle.DashEm => RunLength(text, offset, '—'),
            MarkStyle.EllipsisSpaced => 5,
            _ => 1,
        };
    }

    public static PunctuationScan Run(ManuscriptDocument document, int samplesPerStyle)
    {
        var scan = new PunctuationScan(document, samplesPerStyle);
        scan.Walk();
        return scan;
    }

    private void Walk()
    {
        var text = _document.Text;
        var paragraphs = _document.Paragraphs;
        var style = _document.Dialogue.Style;
        var doubles = style == QuoteStyle.Double ? new DoubleMarks[paragraphs.Length] : [];
        for (var p = 0; p < paragraphs.Length; p++)
        {
            var span = paragraphs[p].Span;
            var chapter = paragraphs[p].ChapterIndex;
            var depth = 0;
            var lastOpen = -1;
            var straight = 0;
            var lastStraight = -1;
            var curly = 0;
            var strayClose = -1;
            var firstDouble = '\0';
            var end = span.End;
            var i = span.Start;
            while (i < end)
            {
                var found = text.AsSpan(i, end - i).IndexOfAny(Marks);
                if (found < 0) break;
                i += found;
                var c = text[i];
                switch (c)
                {
                    case '"':
                        Add(MarkStyle.StraightDouble, chapter, i);
                        if (firstDouble == '\0') firstDouble = c;
                        if (style == QuoteStyle.Double && !IsInchMark(text, i, span))
                        {
                            straight++;
                            lastStraight = i;
                        }
                        i++;
                        break;
                    case '“':
                        Add(MarkStyle.CurlyDouble, chapter, i);
                        if (firstDouble == '\0') firstDouble = c;
                        if (style == QuoteStyle.Double)
                        {
                            curly++;
                            if (depth++ == 0) lastOpen = i;
                        }
                        i++;
                        break;
                    case '”':
                        Add(MarkStyle.CurlyDouble, chapter, i);
                        if (firstDouble == '\0') firstDouble = c;
                        if (style == QuoteStyle.Double)
                        {
                            curly++;
                            if (depth > 0) depth--;
                            else if (strayClose < 0) strayClose = i;
                        }
                        i++;
                        break;
                    case '\'' or '‘' or '’':
                        Add(c == '\'' ? MarkStyle.StraightSingle : MarkStyle.CurlySingle, chapter, i);
                        if (style == QuoteStyle.Single) SingleQuote(text, i, span, ref depth, ref lastOpen);
                        i++;
                        break;
                    case '…':
                        Add(MarkStyle.EllipsisCharacter, chapter, i);
                        i += RunLength(text, i, '…');
                        break;
                    case '.':
                        i += Dots(text, i, end, chapter);
                        break;
                    case '-':
                        i += Hyphens(text, i, span, chapter);
                        break;
                    case '—':
                        Add(MarkStyle.DashEm, chapter, i);
                        i += RunLength(text, i, '—');
                        break;
                    default: // '–'
                        if (!(i > span.Start && char.IsAsciiDigit(text[i - 1]) && i + 1 < end && char.IsAsciiDigit(text[i + 1])))
                            Add(MarkStyle.DashEn, chapter, i);
                        i++;
                        break;
                }
            }

            if (style == QuoteStyle.Double)
            {
                doubles[p] = straight == 0
                    ? new DoubleMarks(curly, depth > 0, lastOpen, strayClose, firstDouble == '”')
                    : new DoubleMarks(straight + curly, (straight + curly) % 2 == 1,
                        curly == 0 ? lastStraight : Math.Max(lastStraight, lastOpen), -1, curly == 0 ? straight % 2 == 1 : firstDouble == '”');
            }
            else if (style == QuoteStyle.Single && depth > 0 && !NextOpens(p))
            {
                _unpaired.Add(new UnpairedQuote(p, lastOpen, true));
            }
        }
        if (style == QuoteStyle.Double) PairDoubles(doubles);
    }

    /// <summary>Reports the paragraphs whose double marks do not pair up, letting a quote run across mark-free paragraphs.</summary>
    private void PairDoubles(DoubleMarks[] doubles)
    {
        var closedEarlier = new bool[doubles.Length];
        for (var p = 0; p < doubles.Length; p++)
        {
            if (closedEarlier[p]) continue;
            var marks = doubles[p];
            if (marks.StrayClose >= 0) _unpaired.Add(new UnpairedQuote(p, marks.StrayClose, false));
            if (!marks.LeftOpen) continue;
            var q = p + 1;
            while (q < doubles.Length && q - p <= MaxCarry && doubles[q].Marks == 0) q++;
            var opens = NextOpens(p);
            if (q < doubles.Length && q - p <= MaxCarry && doubles[q].FirstCloses && (q > p + 1 || opens))
                closedEarlier[q] = true;
            else if (!opens)
                _unpaired.Add(new UnpairedQuote(p, marks.OpenOffset, true));
        }
    }

    private static void SingleQuote(string text, int i, TextSpan span, ref int depth, ref int lastOpen)
    {
        var c = text[i];
        var before = i > span.Start ? text[i - 1] : ' ';
        var after = i + 1 < span.End ? text[i + 1] : ' ';
        var atWordStart = i == span.Start || char.IsWhiteSpace(before) || before is '(' or '[' or '—' or '–' or '-' or '“' or '"' or '_';
        if ((c == '‘' || (c == '\'' && atWordStart && char.IsLetter(after))) && !IsElision(text, i + 1, span.End))
        {
            if (depth++ == 0) lastOpen = i;
        }
        else if (depth > 0 && !char.IsLetter(after))
        {
            depth--;
        }
    }

    /// <summary>A straight double mark right after a digit, or a digit and a foot mark: an inch mark (20", 5'10").</summary>
    private static bool IsInchMark(string text, int i, TextSpan span) =>
        i > span.Start && (char.IsAsciiDigit(text[i - 1]) || (text[i - 1] is '\'' or '′' && i - 1 > span.Start && char.IsAsciiDigit(text[i - 2])))
        && (i + 1 >= span.End || !char.IsLetterOrDigit(text[i + 1]));

    /// <summary>Words that open with an apostrophe standing for dropped letters ('em, 'tis, 'twas, 'cause): not a quote.</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Elisions = new[]
    {
        "em", "tis", "twas", "twere", "twill", "twould", "til", "cause", "bout", "n", "im", "er", "ere", "ave", "ow", "e",
        "round", "neath", "gainst", "mongst", "twixt", "appen", "nuff", "cos", "coz", "s", "d", "ll", "ve", "re",
    }.ToHashSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The letters from <paramref name="start"/> form an elided word ('em, 'tis).</summary>
    private static bool IsElision(string text, int start, int end)
    {
        var stop = start;
        while (stop < end && char.IsLetter(text[stop])) stop++;
        return stop > start && Elisions.Contains(text.AsSpan(start, stop - start));
    }

    /// <summary>True when the paragraph after <paramref name="p"/> starts with an opening quotation mark.</summary>
    private bool NextOpens(int p)
    {
        var paragraphs = _document.Paragraphs;
        if (p + 1 >= paragraphs.Length) return false;
        var text = _document.Text;
        var span = paragraphs[p + 1].Span;
        for (var i = span.Start; i < span.End; i++)
        {
            var c = text[i];
            if (c is ' ' or '\t' or '_' or '*') continue;
            return c is '“' or '"' or '‘' || (c == '\'' && _document.Dialogue.Style == QuoteStyle.Single);
        }
        return false;
    }

    /// <summary>A full stop: "..." (run), ". . ." (spaced) or a plain stop. Returns the characters consumed.</summary>
    private int Dots(string text, int i, int end, int chapter)
    {
        var run = RunLength(text, i, '.');
        if (run >= 3)
        {
            Add(MarkStyle.EllipsisDots, chapter, i);
            return run;
        }
        if (run == 1 && i + 4 < end && text[i + 1] == ' ' && text[i + 2] == '.' && text[i + 3] == ' ' && text[i + 4] == '.')
        {
            Add(MarkStyle.EllipsisSpaced, chapter, i);
            var j = i + 5;
            while (j + 1 < end && text[j] == ' ' && text[j + 1] == '.') j += 2;
            return j - i;
        }
        return run;
    }

    /// <summary>A hyphen: "--" (run), " - " (spaced) or a plain hyphen. Returns the characters consumed.</summary>
    private int Hyphens(string text, int i, TextSpan span, int chapter)
    {
        var run = RunLength(text, i, '-');
        if (run >= 2)
        {
            Add(MarkStyle.DashDoubleHyphen, chapter, i);
            return run;
        }
        if (i > span.Start && i + 1 < span.End && text[i - 1] is ' ' or '\n' && text[i + 1] is ' ' or '\n')
            Add(MarkStyle.DashSpacedHyphen, chapter, i);
        return 1;
    }

    private void Add(MarkStyle style, int chapter, int offset)
    {
        var s = (int)style;
        _counts[s]++;
        _perChapter[s][chapter]++;
        if (_samples[s].Count < _samplesPerStyle) _samples[s].Add(offset);
    }

    private static int RunLength(string text, int i, char c)
    {
        var j = i;
        while (j < text.Length && text[j] == c) j++;
        return j - i;
    }
}
