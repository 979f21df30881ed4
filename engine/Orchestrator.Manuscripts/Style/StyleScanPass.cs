using System.Buffers;
using Orchestrator.Manuscripts.Readability;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Style;

/// <summary>
/// One scan of one document. Phase 1 folds each distinct form of the document once (<see cref="WordForms"/>) and
/// finds it in a per-scan table of distinct folded words (<see cref="FoldedWordTable{T}"/>), where its lexicon
/// traits and readability measure were worked out on its first occurrence (<see cref="StyleWordFacts"/>); it records each occurrence's facts (<see cref="StyleWord"/>:
/// the word's id, traits, in speech or not, capitalised...) and the readability tallies. Phase 2 walks the
/// sentences of each chapter and runs the rules with those facts at hand; "same word" is the same id. Working
/// arrays are rented and returned.
/// </summary>
internal sealed class StyleScanPass : IDisposable
{
    private readonly ManuscriptDocument _doc;
    private readonly StyleOptions _options;
    private readonly string _text;
    private readonly Word[] _words;
    private readonly StyleWord[] _info;
    private readonly FoldedWordTable<StyleWordFacts> _table;
    private readonly int[] _ringIndex;
    private readonly PhraseMatcher.FoldedWord _foldedWord;
    private readonly List<StyleDetection> _detections;
    private readonly int[] _overusedCounts = new int[OverusedWordNorms.Table.Count];
    private readonly int[] _overusedFirst = new int[OverusedWordNorms.Table.Count];
    private readonly ReadabilityCounts[] _chapterReadability;
    private readonly int[] _chapterNarration;
    private readonly int[] _chapterDetections;
    private int _chapter;

    public StyleScanPass(ManuscriptDocument document, StyleOptions options)
    {
        _doc = document;
        _options = options;
        _text = document.Text;
        _words = document.Words;
        _info = ArrayPool<StyleWord>.Shared.Rent(Math.Max(1, _words.Length));
        _table = new FoldedWordTable<StyleWordFacts>(Math.Clamp(_words.Length / 8, 256, 32_768));
        _ringIndex = ArrayPool<int>.Shared.Rent(options.EchoWindow);
        _foldedWord = FoldedWordAt;
        _detections = new List<StyleDetection>(Math.Max(16, _words.Length / 16));
        _chapterReadability = new ReadabilityCounts[document.Chapters.Count];
        _chapterNarration = new int[document.Chapters.Count];
        _chapterDetections = new int[document.Chapters.Count];
        Array.Fill(_overusedFirst, -1);
    }

    public void Dispose()
    {
        ArrayPool<StyleWord>.Shared.Return(_info);
        _table.Dispose();
        ArrayPool<int>.Shared.Return(_ringIndex);
    }

    public StyleScan Run()
    {
        MeasureWords();

        var chapters = _doc.Chapters;
        var chapterStyles = new ChapterStyle[chapters.Count];
        var book = new SentenceTally();
        for (var c = 0; c < chapters.Count; c++)
        {
            _chapter = c;
            var tally = new SentenceTally();
            CheckChapter(chapters[c], ref tally);
            book.Add(tally);
            chapterStyles[c] = new ChapterStyle(c, ReadabilityCalculator.Score(_chapterReadability[c]), tally.ToStatistics(),
                _chapterNarration[c], _chapterDetections[c]);
        }

        var totalWords = _words.Length;
        var overused = new OverusedWord[OverusedWordNorms.Table.Count];
        for (var i = 0; i < overused.Length; i++)
        {
            var norm = OverusedWordNorms.Table[i];
            var expected = _options.OverusedExpected[i];
            var per1000 = totalWords > 0 ? 1000.0 * _overusedCounts[i] / totalWords : 0;
            var threshold = Math.Max(_options.OverusedFactor * expected, expected + _options.OverusedMinExcess);
            overused[i] = new OverusedWord(norm.Word, _overusedCounts[i], per1000, expected, threshold, _overusedFirst[i], _options.MinRateCount);
        }

        _detections.Sort(static (x, y) =>
        {
            var c = x.Span.Start.CompareTo(y.Span.Start);
            if (c != 0) return c;
            c = x.Span.Length.CompareTo(y.Span.Length);
            return c != 0 ? c : string.CompareOrdinal(x.Rule, y.Rule);
        });
        var ruleCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in _detections) ruleCounts[d.Rule] = ruleCounts.GetValueOrDefault(d.Rule) + 1;

        var bookReadability = default(ReadabilityCounts);
        foreach (var counts in _chapterReadability) bookReadability += counts;

        return new StyleScan
        {
            Detections = _detections,
            Readability = ReadabilityCalculator.Score(bookReadability),
            Sentences = book.ToStatistics(),
            Chapters = chapterStyles,
            Overused = overused,
            Words = totalWords,
            NarrationWords = _chapterNarration.Sum(),
            RuleCounts = ruleCounts,
        };
    }

    // ---- phase 1: facts per word -------------------------------------------------------------------------

    private void MeasureWords()
    {
        // Each form (as written) is folded and looked up once; its tokens then read the table id by index.
        var forms = _doc.Forms;
        var idOfForm = ArrayPool<int>.Shared.Rent(Math.Max(1, forms.Count));
        Array.Fill(idOfForm, UnknownForm, 0, forms.Count);
        try
        {
            MeasureWords(forms, idOfForm);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(idOfForm);
        }
    }

    /// <summary>A form not folded yet (ids of the table are ≥ 0; −1 is a form too long to fold).</summary>
    private const int UnknownForm = int.MinValue;

    private void MeasureWords(WordForms forms, int[] idOfForm)
    {
        var quotes = _doc.Dialogue.Quotes;
        var q = 0;
        Span<char> buffer = stackalloc char[WordFolding.MaxLength * 2];
        var chapters = _doc.Chapters;
        for (var c = 0; c < chapters.Count; c++)
        {
            var chapter = chapters[c];
            var tally = new ReadabilityTally();
            var narration = 0;
            var endSentence = chapter.FirstSentence + chapter.SentenceCount;
            for (var s = chapter.FirstSentence; s < endSentence; s++)
            {
                var sentence = _doc.Sentences[s];
                tally.AddSentence(_text.AsSpan(sentence.Span.Start, sentence.Span.Length));
                var end = sentence.FirstWord + sentence.WordCount;
                for (var i = sentence.FirstWord; i < end; i++)
                {
                    var word = _words[i];
                    var span = _text.AsSpan(word.Start, word.Length);
                    var capitalised = char.IsUpper(span[0]);
                    var proper = capitalised && ReadabilityCalculator.IsProperName(_doc, sentence, i);
                    var form = forms.FormOf(i);
                    var id = idOfForm[form];
                    if (id == UnknownForm)
                    {
                        var length = WordFolding.Fold(span, buffer);
                        id = -1;
                        if (length >= 0)
                        {
                            id = _table.GetOrAdd(buffer[..length], out var added);
                            if (added) _table[id] = StyleWordFacts.Of(buffer[..length]);
                        }
                        idOfForm[form] = id;
                    }
                    var facts = id >= 0
                        ? _table[id]
                        : new StyleWordFacts { Readability = ReadabilityCalculator.MeasureLong(span, proper), Overused = -1 };
                    tally.Add(facts.Readability with { IsProperName = proper });

                    while (q < quotes.Length && quotes[q].End <= word.Start) q++;
                    var flags = StyleWordFlags.None;
                    var inDialogue = q < quotes.Length && quotes[q].Start <= word.Start;
                    if (inDialogue) flags |= StyleWordFlags.InDialogue;
                    else narration++;
                    if (capitalised) flags |= StyleWordFlags.Capitalised;
                    if (facts.AdverbShape && (!capitalised || i == sentence.FirstWord)) flags |= StyleWordFlags.Adverb;
                    if (facts.Participle) flags |= StyleWordFlags.Participle;
                    if (facts.EchoShape && facts.Readability.Letters >= _options.EchoMinLetters && !inDialogue && !capitalised)
                        flags |= StyleWordFlags.EchoCandidate;
                    _info[i] = new StyleWord { Id = id, Traits = facts.Traits, Overused = facts.Overused, Flags = flags };
                }
            }
            _chapterReadability[c] = tally.ToCounts();
            _chapterNarration[c] = narration;
        }
    }

    // ---- phase 2: the sentence checks -------------------------------------------------------------------

    /// <summary>The running state of the checks that look across sentences within a chapter.</summary>
    private struct ChapterState
    {
        public int Paragraph;
        public int ParagraphFirstWord;
        public int PreviousOpening;      // first word of the previous narration-opened sentence, or -1
        public int RunFirstSentence;
        public int RunLastSentence;
        public int RunLength;
        public int RingCount;
        public int RingHead;
        public int ClicheSkipUntil;
        public int HedgeSkipUntil;
        public int WordySkipUntil;
        public int RedundancySkipUntil;
    }

    private void CheckChapter(Chapter chapter, ref SentenceTally tally)
    {
        var state = new ChapterState { Paragraph = -1, PreviousOpening = -1 };
        var end = chapter.FirstSentence + chapter.SentenceCount;
        for (var s = chapter.FirstSentence; s < end; s++)
        {
            var sentence = _doc.Sentences[s];
            if (sentence.ParagraphIndex != state.Paragraph)
            {
                var paragraph = _doc.Paragraphs[sentence.ParagraphIndex];
                state.Paragraph = sentence.ParagraphIndex;
                state.ParagraphFirstWord = paragraph.FirstWord;
                CheckParagraph(paragraph, s);
            }
            tally.Add(sentence.WordCount);
            CheckSentence(s, sentence, ref state);
        }
        CloseRun(ref state);
    }

    private void CheckSentence(int s, in Sentence sentence, ref ChapterState state)
    {
        var a = sentence.FirstWord;
        var b = a + sentence.WordCount;
        if (sentence.WordCount == 0) return;

        if (sentence.WordCount > _options.LongSentenceWords)
            Add(StyleRules.LongSentence, sentence.Span, s, sentence.WordCount);

        CheckOpening(s, a, b, ref state);

        var glue = 0;
        var hasDialogue = false;
        var lastDialogueWord = -1;
        for (var j = a; j < b; j++)
        {
            ref readonly var x = ref _info[j];
            if (x.Is(StyleWordFlags.InDialogue))
            {
                hasDialogue = true;
                lastDialogueWord = j;
            }
            if (x.Has(WordTraits.Glue)) glue++;
            if (x.Overused >= 0)
            {
                _overusedCounts[x.Overused]++;
                if (_overusedFirst[x.Overused] < 0) _overusedFirst[x.Overused] = s;
            }

            if (j > state.ParagraphFirstWord && !x.Has(WordTraits.RepeatAllowed) && IsRepeatedWord(j))
                Add(StyleRules.LexicalIllusion, Between(j - 1, j), s);

            if (x.Has(WordTraits.ClicheStart) && j >= state.ClicheSkipUntil)
                state.ClicheSkipUntil = MatchPhrase(StyleLexicon.ClicheMatcher, StyleRules.Cliche, s, j, b, state.ClicheSkipUntil);
            if (x.Has(WordTraits.RedundancyStart) && j >= state.RedundancySkipUntil)
                state.RedundancySkipUntil = MatchPhrase(StyleLexicon.RedundancyMatcher, StyleRules.Redundancy, s, j, b, state.RedundancySkipUntil);

            if (x.Is(StyleWordFlags.InDialogue)) continue;

            if (x.Has(WordTraits.HedgePhraseStart) && j >= state.HedgeSkipUntil)
                state.HedgeSkipUntil = MatchPhrase(StyleLexicon.HedgePhraseMatcher, StyleRules.Hedge, s, j, b, state.HedgeSkipUntil);
            if (x.Has(WordTraits.WordyStart) && j >= state.WordySkipUntil)
                state.WordySkipUntil = MatchPhrase(StyleLexicon.WordyMatcher, StyleRules.Wordy, s, j, b, state.WordySkipUntil);

            if (x.Has(WordTraits.Filter) && !IsNounUse(j, a) && !IsTagPosition(j, a, b, lastDialogueWord))
                Add(StyleRules.FilterWord, WordSpan(j), s);
            if (x.Has(WordTraits.Hedge)) Add(StyleRules.Hedge, WordSpan(j), s);
            if (x.Has(WordTraits.HedgeHead) && j + 1 < b && _info[j + 1].Has(WordTraits.Of) && !_info[j + 1].Is(StyleWordFlags.InDialogue)
                && !(j > a && _info[j - 1].Has(WordTraits.Determiner)))
                Add(StyleRules.Hedge, Between(j, j + 1), s);
            if (x.Has(WordTraits.BeVerb)) CheckPassive(s, j, b);
            if (x.Has(WordTraits.TagVerb) && IsTagPosition(j, a, b, lastDialogueWord)) CheckTag(s, j, a, b);
            if (x.Is(StyleWordFlags.EchoCandidate)) CheckEcho(s, j, ref state);
        }

        var adverbs = 0;
        for (var j = a; j < b; j++)
            if (IsNarrationAdverb(j)) adverbs++;
        if (adverbs > 0)
        {
            for (var j = a; j < b; j++)
                if (IsNarrationAdverb(j)) Add(StyleRules.Adverb, WordSpan(j), s, adverbs);
        }

        if (!hasDialogue && sentence.WordCount >= _options.StickyMinWords)
        {
            var share = glue / (double)sentence.WordCount;
            if (share > _options.StickyGlueShare) Add(StyleRules.StickySentence, sentence.Span, s, share);
        }
    }

    /// <summary>"the thought", "a feel", "of thought": after a determiner or "of" the word is a noun, not a verb of perception.</summary>
    private bool IsNounUse(int j, int a) => j > a && _info[j - 1].Has(WordTraits.Determiner | WordTraits.Of);

    private bool IsNarrationAdverb(int j) =>
        _info[j].Is(StyleWordFlags.Adverb) && !_info[j].Is(StyleWordFlags.InDialogue) && !_info[j].Is(StyleWordFlags.Consumed);

    /// <summary>"There is/are/was/were" openings, and runs of sentences opening with the same word.</summary>
    private void CheckOpening(int s, int a, int b, ref ChapterState state)
    {
        ref readonly var first = ref _info[a];
        if (first.Is(StyleWordFlags.InDialogue))
        {
            CloseRun(ref state);
            state.PreviousOpening = -1;
            return;
        }

        if (first.Has(WordTraits.ConjunctionOpener) && first.Is(StyleWordFlags.Capitalised) && b - a > 1)
            Add(StyleRules.ConjunctionOpening, WordSpan(a), s);

        if (first.Has(WordTraits.ThereContraction))
            Add(StyleRules.ThereIsOpening, WordSpan(a), s);
        else if (first.Has(WordTraits.There) && a + 1 < b && _info[a + 1].Has(WordTraits.BeVerb) && !_info[a + 1].Is(StyleWordFlags.InDialogue))
            Add(StyleRules.ThereIsOpening, Between(a, a + 1), s);

        if (state.PreviousOpening >= 0 && SameWord(state.PreviousOpening, a))
        {
            state.RunLength++;
            state.RunLastSentence = s;
        }
        else
        {
            CloseRun(ref state);
            state.RunFirstSentence = s;
            state.RunLastSentence = s;
            state.RunLength = 1;
        }
        state.PreviousOpening = a;
    }

    private void CloseRun(ref ChapterState state)
    {
        if (state.RunLength >= _options.RepeatedOpenings)
        {
            var first = _doc.Sentences[state.RunFirstSentence];
            var last = _doc.Sentences[state.RunLastSentence];
            Add(StyleRules.RepeatedOpening, WordSpan(first.FirstWord), state.RunFirstSentence, state.RunLength,
                new TextSpan(first.Span.Start, last.Span.End - first.Span.Start));
        }
        state.RunLength = 0;
    }

    /// <summary>A be-verb, an optional adverb, a past participle: "was taken", "were quickly forgotten".</summary>
    private void CheckPassive(int s, int j, int b)
    {
        var k = j + 1;
        if (k < b && !_info[k].Is(StyleWordFlags.InDialogue) && (_info[k].Is(StyleWordFlags.Adverb) || _info[k].Has(WordTraits.PassiveGap)))
            k++;
        if (k < b && _info[k].Is(StyleWordFlags.Participle) && !_info[k].Is(StyleWordFlags.InDialogue) && !_info[k].Has(WordTraits.BeVerb))
            Add(StyleRules.Passive, Between(j, k), s);
    }

    /// <summary>Within <see cref="StyleScanner.TagWindow"/> words of quoted speech, in the same sentence.</summary>
    private bool IsTagPosition(int j, int a, int b, int lastDialogueWord)
    {
        if (lastDialogueWord >= a && j - lastDialogueWord <= StyleScanner.TagWindow) return true;
        var until = Math.Min(b, j + StyleScanner.TagWindow + 1);
        for (var k = j + 1; k < until; k++)
            if (_info[k].Is(StyleWordFlags.InDialogue)) return true;
        return false;
    }

    /// <summary>A said-bookism, and an adverb on the tag: "said softly", "said Jane softly", "softly said".</summary>
    private void CheckTag(int s, int j, int a, int b)
    {
        if (_info[j].Has(WordTraits.SaidBookism) && !PlainTagFollows(j, b)) Add(StyleRules.SaidBookism, WordSpan(j), s);

        int adverb;
        if (j + 1 < b && IsNarrationAdverb(j + 1)) adverb = j + 1;
        else if (j + 2 < b && IsNarrationAdverb(j + 2) && !_info[j + 1].Is(StyleWordFlags.InDialogue)
                 && (_info[j + 1].Has(WordTraits.Pronoun) || _info[j + 1].Is(StyleWordFlags.Capitalised))) adverb = j + 2;
        else if (j - 1 >= a && IsNarrationAdverb(j - 1)) adverb = j - 1;
        else return;

        _info[adverb].Flags |= StyleWordFlags.Consumed;
        Add(StyleRules.TagAdverb, Between(Math.Min(j, adverb), Math.Max(j, adverb)), s);
    }

    /// <summary>"smiled and said", "laughed as she replied": the bookism is an action beside a plain tag, not the tag.</summary>
    private bool PlainTagFollows(int j, int b)
    {
        var until = Math.Min(b, j + StyleScanner.TagWindow);
        for (var k = j + 1; k < until; k++)
        {
            if (_info[k].Is(StyleWordFlags.InDialogue)) return false;
            if (_info[k].Has(WordTraits.PlainTagVerb)) return true;
        }
        return false;
    }

    /// <summary>Closer repetitions are figures, not echoes: "spar to spar", "zone by zone", "far, far".</summary>
    internal const int MinEchoDistance = 3;

    /// <summary>The same uncommon word within <c>echoWindow</c> words (nearest earlier occurrence).</summary>
    private void CheckEcho(int s, int j, ref ChapterState state)
    {
        var window = _options.EchoWindow;
        for (var n = 0; n < state.RingCount; n++)
        {
            var slot = (state.RingHead - 1 - n + window) % window;
            var earlier = _ringIndex[slot];
            var distance = j - earlier;
            if (distance > window) break;
            if (distance >= MinEchoDistance && SameWord(earlier, j))
            {
                Add(StyleRules.Echo, WordSpan(j), s, window - distance + 1, WordSpan(earlier));
                break;
            }
        }
        _ringIndex[state.RingHead] = j;
        state.RingHead = (state.RingHead + 1) % window;
        state.RingCount = Math.Min(window, state.RingCount + 1);
    }

    /// <summary>
    /// The longest phrase of <paramref name="matcher"/> starting at word <paramref name="j"/>, recorded as a detection of
    /// <paramref name="rule"/> (weight: its words); returns the word before which the next match of this list may start.
    /// </summary>
    private int MatchPhrase(PhraseMatcher matcher, string rule, int s, int j, int b, int skipUntil)
    {
        if (_info[j].Id < 0) return skipUntil;
        var (words, _) = matcher.Match(_table.KeyOf(_info[j].Id), j, b, _foldedWord);
        if (words == 0) return skipUntil;
        Add(rule, Between(j, j + words - 1), s, words);
        return j + words;
    }

    private ReadOnlySpan<char> FoldedWordAt(int i) => _info[i].Id >= 0 ? _table.KeyOf(_info[i].Id) : [];

    /// <summary>An over-long paragraph, and brackets without a partner inside it.</summary>
    private void CheckParagraph(in Paragraph paragraph, int firstSentence)
    {
        if (paragraph.WordCount > _options.LongParagraphWords)
            Add(StyleRules.LongParagraph, paragraph.Span, firstSentence, paragraph.WordCount);

        var text = _text.AsSpan(paragraph.Span.Start, paragraph.Span.Length);
        if (text.IndexOfAny(Brackets) < 0) return;
        Span<int> open = stackalloc int[16];
        var depth = 0;
        for (var i = text.IndexOfAny(Brackets); i >= 0 && i < text.Length;)
        {
            var c = text[i];
            if (c is '(' or '[' or '{')
            {
                if (depth < open.Length) open[depth] = i;
                depth++;
            }
            else if (depth > 0 && depth <= open.Length && Partner(text[open[depth - 1]]) == c)
                depth--;
            else if (depth > 1 && depth <= open.Length && Partner(text[open[depth - 2]]) == c)
            {
                // "[a (b]": the "(" inside was never closed; the "]" closes the "[".
                AddBracket(paragraph, paragraph.Span.Start + open[depth - 1]);
                depth -= 2;
            }
            else if (depth == 0 && !IsListMarker(text, i) && !(i > 0 && text[i - 1] is ':' or ';' or '8'))
                AddBracket(paragraph, paragraph.Span.Start + i);
            var next = text[(i + 1)..].IndexOfAny(Brackets);
            i = next < 0 ? -1 : i + 1 + next;
        }
        for (var k = 0; k < Math.Min(depth, open.Length); k++) AddBracket(paragraph, paragraph.Span.Start + open[k]);
    }

    private static readonly System.Buffers.SearchValues<char> Brackets = System.Buffers.SearchValues.Create("()[]{}");

    private static char Partner(char opener) => opener switch { '(' => ')', '[' => ']', _ => '}' };

    /// <summary>"a)", "2)", "iv)" at the start of a paragraph or after a line break: a list marker, not a stray bracket.</summary>
    private static bool IsListMarker(ReadOnlySpan<char> text, int i)
    {
        var k = i - 1;
        while (k >= 0 && char.IsLetterOrDigit(text[k])) k--;
        return k < i - 1 && i - 1 - k <= 4 && (k < 0 || text[k] == '\n' || (text[k] == ' ' && (k == 0 || text[k - 1] == '\n')));
    }

    private void AddBracket(in Paragraph paragraph, int offset)
    {
        var sentence = paragraph.FirstSentence;
        var last = paragraph.FirstSentence + paragraph.SentenceCount - 1;
        while (sentence < last && _doc.Sentences[sentence].Span.End <= offset) sentence++;
        Add(StyleRules.UnmatchedBracket, new TextSpan(offset, 1), sentence);
    }

    /// <summary>
    /// Word <paramref name="j"/> repeats word j−1 with nothing but white space (line breaks included) between, and the pair is
    /// not a reduplicated name ("Walla Walla", "Duran Duran": the second word capitalised too).
    /// </summary>
    private bool IsRepeatedWord(int j)
    {
        if (!SameWord(j - 1, j)) return false;
        if (_info[j].Is(StyleWordFlags.Capitalised) && _info[j - 1].Is(StyleWordFlags.Capitalised)) return false;
        var previous = _words[j - 1];
        var current = _words[j];
        var gap = _text.AsSpan(previous.Start + previous.Length, current.Start - previous.Start - previous.Length);
        return !gap.IsEmpty && gap.IsWhiteSpace() && char.IsLetter(_text[current.Start]);
    }

    /// <summary>Two occurrences of the same word (same folded form).</summary>
    private bool SameWord(int i, int j) => _info[i].Id >= 0 && _info[i].Id == _info[j].Id;

    private void Add(string rule, TextSpan span, int sentence, double weight = 1, TextSpan related = default)
    {
        _detections.Add(new StyleDetection(rule, span, sentence, weight, related));
        _chapterDetections[_chapter]++;
    }

    private TextSpan WordSpan(int i) => new(_words[i].Start, _words[i].Length);

    private TextSpan Between(int first, int last) =>
        new(_words[first].Start, _words[last].Start + _words[last].Length - _words[first].Start);

    /// <summary>Running sums of sentence lengths.</summary>
    private struct SentenceTally
    {
        private int _count, _short, _long;
        private long _sum;
        private double _sumOfSquares;

        public void Add(int words)
        {
            _count++;
            _sum += words;
            _sumOfSquares += (double)words * words;
            if (words <= SentenceStatistics.ShortSentenceWords) _short++;
            if (words >= SentenceStatistics.LongSentenceWords) _long++;
        }

        public void Add(in SentenceTally other)
        {
            _count += other._count;
            _sum += other._sum;
            _sumOfSquares += other._sumOfSquares;
            _short += other._short;
            _long += other._long;
        }

        public readonly SentenceStatistics ToStatistics() => SentenceStatistics.From(_count, _sum, _sumOfSquares, _short, _long);
    }
}
