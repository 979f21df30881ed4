using Orchestrator.Manuscripts.Readability;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Tests.Style;

public sealed class ReadabilityCalculatorTests
{
    private static ManuscriptDocument Doc(string text) => TextIndexer.Build(text, "test", "hash");

    [Test]
    public void Formulas_use_textstat_0_7_constants()
    {
        // 100 words, 5 sentences, 150 syllables, 450 letters, 10 polysyllables, 6 complex, 12 difficult,
        // 520 characters in 104 tokens, 8 difficult of two syllables or more.
        var s = ReadabilityCalculator.Score(new ReadabilityCounts(100, 5, 150, 450, 10, 6, 12, 520, 104, 8));

        Assert.That(s.FleschReadingEase, Is.EqualTo(206.835 - 1.015 * 20 - 84.6 * 1.5).Within(1e-9));   // 59.635
        Assert.That(s.FleschKincaidGrade, Is.EqualTo(0.39 * 20 + 11.8 * 1.5 - 15.59).Within(1e-9));    // 9.91
        Assert.That(s.GunningFog, Is.EqualTo(0.4 * (20 + 6)).Within(1e-9));                            // 10.4
        Assert.That(s.Smog, Is.EqualTo(1.043 * Math.Sqrt(30.0 * 10 / 5) + 3.1291).Within(1e-9));       // 11.208
        Assert.That(s.ColemanLiau, Is.EqualTo(0.058 * 450 - 0.296 * 5 - 15.8).Within(1e-9));           // 8.82
        Assert.That(s.AutomatedReadabilityIndex, Is.EqualTo(4.71 * 5 + 0.5 * 20 - 21.43).Within(1e-9)); // 12.12
        Assert.That(s.DaleChall, Is.EqualTo(0.1579 * 12 + 0.0496 * 20 + 3.6365).Within(1e-9));         // 6.5233
        Assert.That(s.DaleChallV2, Is.EqualTo(0.1579 * 8 + 0.0496 * 20 + 3.6365).Within(1e-9));        // 5.8917
        Assert.That(s.ColemanLiau, Is.EqualTo(8.82).Within(1e-9));
        Assert.That(s.AutomatedReadabilityIndex, Is.EqualTo(12.12).Within(1e-9));
    }

    [Test]
    public void Dale_Chall_adds_its_constant_only_above_five_percent_difficult_words()
    {
        var easy = ReadabilityCalculator.Score(new ReadabilityCounts(100, 10, 120, 400, 0, 0, 5));
        var hard = ReadabilityCalculator.Score(new ReadabilityCounts(100, 10, 120, 400, 0, 0, 6));

        Assert.That(easy.DaleChall, Is.EqualTo(0.1579 * 5 + 0.0496 * 10).Within(1e-9));
        Assert.That(hard.DaleChall, Is.EqualTo(0.1579 * 6 + 0.0496 * 10 + 3.6365).Within(1e-9));
    }

    [Test]
    public void Dale_Chall_v2_adds_its_constant_when_the_raw_score_is_above_five_hundredths()
    {
        // textstat's v2 compares the raw score, not the share of difficult words, with 0.05.
        var none = ReadabilityCalculator.Score(new ReadabilityCounts(100, 100, 100, 300, 0, 0, 0, 400, 100, 0));
        var some = ReadabilityCalculator.Score(new ReadabilityCounts(100, 10, 120, 400, 0, 0, 0, 500, 100, 0));

        Assert.That(none.DaleChallV2, Is.EqualTo(0.0496).Within(1e-9));
        Assert.That(some.DaleChallV2, Is.EqualTo(0.496 + 3.6365).Within(1e-9));
    }

    [Test]
    public void SMOG_is_reported_under_three_sentences_too()
    {
        Assert.That(ReadabilityCalculator.Score(new ReadabilityCounts(30, 2, 45, 120, 4, 0, 0)).Smog,
            Is.EqualTo(1.043 * Math.Sqrt(60.0) + 3.1291).Within(1e-9));
        Assert.That(ReadabilityCalculator.Score(new ReadabilityCounts(10, 1, 12, 40, 0, 0, 0)).Smog, Is.EqualTo(3.1291).Within(1e-9));
    }

    [Test]
    public void A_short_text_matches_textstat_by_hand()
    {
        // Worked by hand with textstat 0.7's rules (see ReadabilityCalculator): 11 words, 2 sentences, 20 syllables,
        // 59 letters, 61 characters (the two periods) in 11 tokens, 4 polysyllables; not on the list: elizabeth,
        // considered, carefully (3 difficult, 3 complex, 3 difficult of two syllables or more).
        var s = ReadabilityCalculator.Measure("The cat sat on the mat. Then Elizabeth considered everything carefully.");

        Assert.That(s.Counts, Is.EqualTo(new ReadabilityCounts(11, 2, 20, 59, 4, 3, 3, 61, 11, 3)));
        Assert.That(s.FleschReadingEase, Is.EqualTo(47.434).Within(0.001));
        Assert.That(s.FleschKincaidGrade, Is.EqualTo(8.010).Within(0.001));
        Assert.That(s.GunningFog, Is.EqualTo(13.109).Within(0.001));
        Assert.That(s.Smog, Is.EqualTo(11.208).Within(0.001));
        Assert.That(s.ColemanLiau, Is.EqualTo(9.927).Within(0.001));
        Assert.That(s.AutomatedReadabilityIndex, Is.EqualTo(7.439).Within(0.001));
        Assert.That(s.DaleChall, Is.EqualTo(8.216).Within(0.001));
        Assert.That(s.DaleChallV2, Is.EqualTo(8.216).Within(0.001));
    }

    [Test]
    public void Dale_Chall_v1_counts_short_unlisted_words_and_v2_does_not()
    {
        // kim (a name), 42 (a number) and owls (an inflection) are not on the list; all have one syllable.
        var s = ReadabilityCalculator.Measure("Kim saw 42 owls.");

        Assert.That(s.Counts.DifficultWords, Is.EqualTo(3));
        Assert.That(s.Counts.DifficultWordsV2, Is.EqualTo(0));
        Assert.That(s.DaleChall, Is.EqualTo(0.1579 * 75 + 0.0496 * 4 + 3.6365).Within(1e-9));  // 15.6774
        Assert.That(s.DaleChallV2, Is.EqualTo(0.0496 * 4 + 3.6365).Within(1e-9));             // 3.8349
    }

    [Test]
    public void ARI_counts_punctuation_as_characters()
    {
        // "Wait — what?!" : 4 + 1 + 6 characters in 3 tokens; 2 words, 1 sentence.
        var s = ReadabilityCalculator.Measure("Wait — what?!");
        Assert.That(s.Counts.Characters, Is.EqualTo(11));
        Assert.That(s.Counts.Tokens, Is.EqualTo(3));
        Assert.That(s.AutomatedReadabilityIndex, Is.EqualTo(4.71 * 11 / 3 + 0.5 * 2 - 21.43).Within(1e-9));
    }

    [Test]
    public void An_empty_text_scores_zero_everywhere()
    {
        var s = ReadabilityCalculator.Score(default);
        Assert.That(new[] { s.FleschReadingEase, s.FleschKincaidGrade, s.GunningFog, s.Smog, s.ColemanLiau, s.AutomatedReadabilityIndex, s.DaleChall },
            Is.All.EqualTo(0));
        Assert.That(ReadabilityCalculator.Measure("").FleschReadingEase, Is.EqualTo(0));
    }

    [Test]
    public void A_capitalised_word_is_a_proper_name_only_inside_its_sentence()
    {
        var doc = Doc("Countenance matters. She saw Countenance there. “Countenance,” she said.");
        var sentences = doc.Sentences;

        Assert.That(ReadabilityCalculator.IsProperName(doc, sentences[0], 0), Is.False, "first word of a sentence");
        Assert.That(ReadabilityCalculator.IsProperName(doc, sentences[1], 4), Is.True, "capitalised inside a sentence");
        Assert.That(ReadabilityCalculator.IsProperName(doc, sentences[2], 6), Is.False, "first word of a sentence opening with a quote");
        // textstat counts names as difficult: being a name does not make a word easy.
        Assert.That(ReadabilityCalculator.MeasureWord(doc, sentences[1], 4).IsDifficult, Is.True);
    }

    [Test]
    public void A_chapter_is_measured_on_its_own_sentences()
    {
        var doc = Doc("Chapter 1\n\nThe cat sat. The dog ran.\n\nChapter 2\n\nExtraordinary circumstances necessitated deliberation.\n");
        Assert.That(doc.Chapters, Has.Count.EqualTo(2));

        var first = ReadabilityCalculator.MeasureChapter(doc, 0);
        var second = ReadabilityCalculator.MeasureChapter(doc, 1);
        var book = ReadabilityCalculator.Measure(doc);

        Assert.That(first.Counts, Is.EqualTo(new ReadabilityCounts(6, 2, 6, 18, 0, 0, 0, 20, 6, 0)));
        Assert.That(second.Counts.Words, Is.EqualTo(4));
        Assert.That(second.FleschReadingEase, Is.LessThan(first.FleschReadingEase));
        Assert.That(book.Counts, Is.EqualTo(first.Counts + second.Counts));
    }
}
