using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Readability;

/// <summary>
/// The classic readability formulas over the text index, following the conventions of Python's textstat 0.7 (the most
/// widely used implementation; its 0.7.11 source was read for each rule below) except where noted.
/// </summary>
/// <remarks>
/// <para><b>Word.</b> A token of the text index (<see cref="Word"/>): letters and digits, with inner apostrophes
/// and hyphens kept inside the word. This is textstat's <c>count_words</c> (punctuation stripped, hyphens
/// joined, split on white space), so <i>well-known</i> and <i>don't</i> are one word each; numbers are words.
/// Headings, front and back matter are not in the index and are not counted.</para>
/// <para><b>Sentence.</b> A sentence of the text index (<see cref="Sentence"/>). <i>Differs from textstat</i>, which
/// splits at every terminator and then drops "sentences" of two words or fewer to undo its splits at <i>Mr.</i> and
/// <i>Dr.</i>: the index does not make those splits, and in fiction a two-word sentence ("Not yet.") is a real one.</para>
/// <para><b>Syllables.</b> <see cref="SyllableCounter"/>: spelling rules plus an exception list, agreeing with
/// CMUdict on 99.7% of the 5,000 commonest corpus words; textstat 0.7 looks words up in CMUdict first too.</para>
/// <para><b>Letters</b> (Coleman–Liau): letters and digits of the words, as textstat's <c>count_letters</c>.</para>
/// <para><b>Characters</b> (ARI): every character of the sentences but white space, punctuation included, divided by
/// the white-space separated tokens (punctuation-only ones included) — textstat's <c>chars_per_word</c>.</para>
/// <para><b>Polysyllable</b> (SMOG): a word of three syllables or more.</para>
/// <para><b>Easy word</b>: a word on the Dale–Chall list as written (<see cref="DaleChallWords.IsListedFolded"/>);
/// inflections, names and numbers are not easy, as in textstat. <b>Difficult</b> (Dale–Chall): any word not easy;
/// <b>difficult v2</b>: not easy and of two syllables or more; <b>complex</b> (Gunning fog): not easy and of three
/// syllables or more. Counted per occurrence.</para>
/// <para><b>Formulas</b> (W words, S sentences, Y syllables, L letters, C characters, T tokens, P polysyllables,
/// X complex, D difficult, D2 difficult v2):</para>
/// <list type="bullet">
/// <item>Flesch reading ease = 206.835 − 1.015·W/S − 84.6·Y/W</item>
/// <item>Flesch–Kincaid grade = 0.39·W/S + 11.8·Y/W − 15.59</item>
/// <item>Gunning fog = 0.4·(W/S + 100·X/W)</item>
/// <item>SMOG = 1.043·√(30·P/S) + 3.1291, for any number of sentences (textstat 0.7 dropped its older 3-sentence cut-off)</item>
/// <item>Coleman–Liau = 0.058·(100·L/W) − 0.296·(100·S/W) − 15.8</item>
/// <item>ARI = 4.71·C/T + 0.5·W/S − 21.43</item>
/// <item>Dale–Chall = 0.1579·(100·D/W) + 0.0496·W/S, plus 3.6365 when more than 5% of words are difficult</item>
/// <item>Dale–Chall v2 = 0.1579·(100·D2/W) + 0.0496·W/S, plus 3.6365 when that raw score is above 0.05 (textstat's test, kept as it is)</item>
/// </list>
/// <para>Values are not rounded (textstat 0.7 rounds only what it prints). A text without words or sentences scores 0 on every formula.</para>
/// </remarks>
public static class ReadabilityCalculator
{
    /// <summary>The values from counts.</summary>
    public static ReadabilityScores Score(ReadabilityCounts counts)
    {
        if (counts.Words == 0 || counts.Sentences == 0) return ReadabilityScores.Empty with { Counts = counts };
        double w = counts.Words, s = counts.Sentences;
        var wordsPerSentence = w / s;
        var syllablesPerWord = counts.Syllables / w;
        var ease = 206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord;
        var grade = 0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59;
        var fog = 0.4 * (wordsPerSentence + 100.0 * counts.ComplexWords / w);
        var smog = 1.043 * Math.Sqrt(30.0 * counts.Polysyllables / s) + 3.1291;
        var colemanLiau = 0.058 * (100.0 * counts.Letters / w) - 0.296 * (100.0 * s / w) - 15.8;
        var ari = counts.Tokens > 0 && counts.Characters > 0 ? 4.71 * counts.Characters / counts.Tokens + 0.5 * wordsPerSentence - 21.43 : 0;
        var difficultPercent = 100.0 * counts.DifficultWords / w;
        var daleChall = 0.1579 * difficultPercent + 0.0496 * wordsPerSentence + (difficultPercent > 5 ? 3.6365 : 0);
        var rawV2 = 0.1579 * (100.0 * counts.DifficultWordsV2 / w) + 0.0496 * wordsPerSentence;
        var daleChallV2 = rawV2 > 0.05 ? rawV2 + 3.6365 : rawV2;
        return new ReadabilityScores(ease, grade, fog, smog, colemanLiau, ari, daleChall, counts) { DaleChallV2 = daleChallV2 };
    }

    /// <summary>The whole indexed text.</summary>
    public static ReadabilityScores Measure(ManuscriptDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Score(Count(document, 0, document.Sentences.Length));
    }

    /// <summary>One chapter, by 0-based index.</summary>
    public static ReadabilityScores MeasureChapter(ManuscriptDocument document, int chapterIndex)
    {
        ArgumentNullException.ThrowIfNull(document);
        var chapter = document.Chapters[chapterIndex];
        return Score(Count(document, chapter.FirstSentence, chapter.SentenceCount));
    }

    /// <summary>A plain text (a paragraph, a page), indexed the way a manuscript is.</summary>
    public static ReadabilityScores Measure(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Measure(TextIndexer.Build(text, "text", ""));
    }

    /// <summary>The counts of a run of sentences.</summary>
    public static ReadabilityCounts Count(ManuscriptDocument document, int firstSentence, int sentenceCount)
    {
        ArgumentNullException.ThrowIfNull(document);
        var tally = new ReadabilityTally();
        using var table = new FoldedWordTable<WordReadability>();
        Span<char> buffer = stackalloc char[WordFolding.MaxLength * 2];
        var end = Math.Min(document.Sentences.Length, firstSentence + sentenceCount);
        for (var s = Math.Max(0, firstSentence); s < end; s++)
        {
            var sentence = document.Sentences[s];
            tally.AddSentence(document.Text.AsSpan(sentence.Span.Start, sentence.Span.Length));
            for (var i = sentence.FirstWord; i < sentence.FirstWord + sentence.WordCount; i++)
            {
                var word = document.WordText(i);
                var proper = char.IsUpper(word[0]) && IsProperName(document, sentence, i);
                var length = WordFolding.Fold(word, buffer);
                if (length < 0)
                {
                    tally.Add(MeasureLong(word, proper));
                    continue;
                }
                var folded = buffer[..length];
                var id = table.GetOrAdd(folded, out var added);
                if (added) table[id] = MeasureFolded(folded);
                tally.Add(table[id] with { IsProperName = proper });
            }
        }
        return tally.ToCounts();
    }

    /// <summary>What one word of a sentence contributes.</summary>
    public static WordReadability MeasureWord(ManuscriptDocument document, in Sentence sentence, int wordIndex)
    {
        ArgumentNullException.ThrowIfNull(document);
        var word = document.WordText(wordIndex);
        var proper = IsProperName(document, sentence, wordIndex);
        Span<char> buffer = stackalloc char[WordFolding.MaxLength * 2];
        var length = WordFolding.Fold(word, buffer);
        return length >= 0 ? MeasureFolded(buffer[..length]) with { IsProperName = proper } : MeasureLong(word, proper);
    }

    /// <summary>
    /// What a word in <see cref="WordFolding"/> form contributes, before its context says whether it is a proper
    /// name (<see cref="WordReadability.IsProperName"/> is false): a function of the word alone, so callers work it
    /// out once per distinct word of a document (<see cref="FoldedWordTable{T}"/>). There is deliberately no
    /// process-wide memo on top: a run analyses one book, where every lookup in a shared concurrent table missed
    /// and cost more than measuring the word.
    /// </summary>
    internal static WordReadability MeasureFolded(ReadOnlySpan<char> folded) =>
        new(SyllableCounter.CountFolded(folded), Letters(folded), DaleChallWords.IsFamiliarFolded(folded), false, DaleChallWords.IsListedFolded(folded));

    /// <summary>A word too long to fold on the stack: counted, never familiar.</summary>
    internal static WordReadability MeasureLong(ReadOnlySpan<char> word, bool properName) =>
        new(SyllableCounter.Count(word), Letters(word), false, properName);

    /// <summary>
    /// A capitalised word that is not the first of its sentence and does not open a quotation or bracket:
    /// the Dale–Chall (and Gunning) reading of a proper name. <i>I</i> and its contractions are not names.
    /// </summary>
    public static bool IsProperName(ManuscriptDocument document, in Sentence sentence, int wordIndex)
    {
        ArgumentNullException.ThrowIfNull(document);
        var word = document.Words[wordIndex];
        var text = document.Text;
        if (!char.IsUpper(text[word.Start]) || wordIndex == sentence.FirstWord) return false;
        if (word.Length == 1 && text[word.Start] == 'I') return false;
        if (word.Length > 1 && text[word.Start] == 'I' && text[word.Start + 1] is '\'' or '’') return false;
        var before = word.Start - 1;
        return before < 0 || text[before] is not ('“' or '"' or '‘' or '\'' or '(' or '[' or '_' or '*');
    }

    private static int Letters(ReadOnlySpan<char> word)
    {
        var n = 0;
        foreach (var c in word)
            if (char.IsLetterOrDigit(c)) n++;
        return n;
    }
}
