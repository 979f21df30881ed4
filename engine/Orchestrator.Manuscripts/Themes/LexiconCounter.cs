using System.Buffers;
using System.Numerics;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Themes;

/// <summary>
/// The single pass of the <c>themes</c> node: every distinct word form (<see cref="WordForms"/>) is looked up once in the merged
/// <see cref="LexiconIndex"/>, and the hits are counted per chapter and lexicon; the sentence with the most hits
/// of each lexicon is kept as its evidence (a sentence of at most
/// <see cref="EvidenceWords"/> words when there is one, so the quote is whole).
/// </summary>
internal static class LexiconCounter
{
    /// <summary>Longest sentence (in words) preferred as evidence: about what a 200-character quote holds.</summary>
    public const int EvidenceWords = 40;

    public static LexiconFigures[] Count(ManuscriptDocument document, LexiconIndex index, int minChapterWords, double coverageIntensity)
    {
        var lexiconCount = index.Lexicons.Count;
        var chapters = document.Chapters;
        var chapterHits = new int[chapters.Count * lexiconCount];
        var bestSentence = new int[lexiconCount];
        var bestHits = new int[lexiconCount];
        var bestWords = new int[lexiconCount];
        Array.Fill(bestSentence, -1);

        // A word's lexicons depend on its form alone: each distinct form is looked up once, its later uses read the mask.
        var forms = document.Forms;
        var maskOfForm = ArrayPool<ulong>.Shared.Rent(Math.Max(1, forms.Count));
        var known = ArrayPool<bool>.Shared.Rent(Math.Max(1, forms.Count));
        Array.Clear(known, 0, forms.Count);
        try
        {
            CountHits(document, index, forms, maskOfForm, known, chapterHits, bestSentence, bestHits, bestWords);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(maskOfForm);
            ArrayPool<bool>.Shared.Return(known);
        }

        var bookWords = 0;
        var eligible = 0;
        foreach (var chapter in chapters)
        {
            bookWords += chapter.WordCount;
            if (IsEligible(chapter, minChapterWords)) eligible++;
        }

        var figures = new LexiconFigures[lexiconCount];
        for (var i = 0; i < lexiconCount; i++)
        {
            var perChapter = new double[chapters.Count];
            int hits = 0, covered = 0, peak = -1;
            for (var c = 0; c < chapters.Count; c++)
            {
                var count = chapterHits[c * lexiconCount + i];
                hits += count;
                perChapter[c] = chapters[c].WordCount > 0 ? count * 1000.0 / chapters[c].WordCount : 0;
                if (!IsEligible(chapters[c], minChapterWords)) continue;
                if (perChapter[c] >= coverageIntensity) covered++;
                if (peak < 0 || perChapter[c] > perChapter[peak]) peak = c;
            }
            var intensity = bookWords > 0 ? hits * 1000.0 / bookWords : 0;
            figures[i] = new LexiconFigures(index.Lexicons[i], i, hits, intensity, perChapter, covered, eligible, peak, bestSentence[i]);
        }
        return figures;
    }

    /// <summary>The pass over the sentences: hits per chapter and lexicon, and the best evidence sentence of each lexicon.</summary>
    private static void CountHits(ManuscriptDocument document, LexiconIndex index, WordForms forms, ulong[] maskOfForm, bool[] known,
        int[] chapterHits, int[] bestSentence, int[] bestHits, int[] bestWords)
    {
        var lexiconCount = index.Lexicons.Count;
        var chapters = document.Chapters;
        Span<int> sentenceHits = stackalloc int[LexiconIndex.MaxLexicons];
        var text = document.Text;
        var words = document.Words;
        var sentences = document.Sentences;
        var paragraphs = document.Paragraphs;
        for (var s = 0; s < sentences.Length; s++)
        {
            var sentence = sentences[s];
            var chapter = paragraphs[sentence.ParagraphIndex].ChapterIndex;
            if ((uint)chapter >= (uint)chapters.Count) continue;
            var row = chapter * lexiconCount;
            ulong touched = 0;
            var end = sentence.FirstWord + sentence.WordCount;
            for (var w = sentence.FirstWord; w < end; w++)
            {
                var form = forms.FormOf(w);
                if (!known[form])
                {
                    var word = words[w];
                    maskOfForm[form] = index.Match(text.AsSpan(word.Start, word.Length));
                    known[form] = true;
                }
                var mask = maskOfForm[form];
                if (mask == 0) continue;
                touched |= mask;
                do
                {
                    var i = BitOperations.TrailingZeroCount(mask);
                    chapterHits[row + i]++;
                    sentenceHits[i]++;
                    mask &= mask - 1;
                } while (mask != 0);
            }
            while (touched != 0)
            {
                var i = BitOperations.TrailingZeroCount(touched);
                touched &= touched - 1;
                var hits = sentenceHits[i];
                sentenceHits[i] = 0;
                // A short sentence always beats a long one; among the same kind, more hits, then fewer words.
                var isShort = sentence.WordCount <= EvidenceWords;
                var bestIsShort = bestSentence[i] >= 0 && bestWords[i] <= EvidenceWords;
                if (bestSentence[i] < 0
                    || (isShort && !bestIsShort)
                    || (isShort == bestIsShort && (hits > bestHits[i] || (hits == bestHits[i] && sentence.WordCount < bestWords[i]))))
                {
                    bestHits[i] = hits;
                    bestWords[i] = sentence.WordCount;
                    bestSentence[i] = s;
                }
            }
        }
    }

    /// <summary>Chapters long enough for their intensity to mean something (and never an empty one).</summary>
    public static bool IsEligible(Chapter chapter, int minChapterWords) => chapter.WordCount > 0 && chapter.WordCount >= minChapterWords;
}
