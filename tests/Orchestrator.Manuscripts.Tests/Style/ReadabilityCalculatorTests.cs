using Orchestrator.Manuscripts.Readability;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Tests.Style;

public sealed class ReadabilityCalculatorTests
{
    private static ManuscriptDocument Doc(string text) => TextIndexer.Build(text, "test", "hash");

    [Test]
    public void Formulas_use_the_standard_constants()
    {
        // 100 words, 5 sentences, 150 syllables, 450 letters, 10 polysyllables, 6 complex, 12 difficult.
        var s = ReadabilityCalculator.Score(new ReadabilityCounts(100, 5, 150, 450, 10, 6, 12));

        Assert.That(s.FleschReadingEase, Is.EqualTo(206.835 - 1.015 * 20 - 84.6 * 1.5).Within(1e-9));   // 59.635
        Assert.That(s.FleschKincaidGrade, Is.EqualTo(0.39 * 20 + 11.8 * 1.5 - 15.59).Within(1e-9));    // 9.91
        Assert.That(s.GunningFog, Is.EqualTo(0.4 * (20 + 6)).Within(1e-9));                            // 10.4
        Assert.That(s.Smog, Is.EqualTo(1.0430 * Math.Sqrt(10 * 30.0 / 5) + 3.1291).Within(1e-9));      // 11.208
        Assert.That(s.ColemanLiau, Is.EqualTo(0.0588 * 450 - 0.296 * 5 - 15.8).Within(1e-9));          // 9.18
        Assert.That(s.AutomatedReadabilityIndex, Is.EqualTo(4.71 * 4.5 + 0.5 * 20 - 21.43).Within(1e-9)); // 9.765
        Assert.That(s.DaleChall, Is.EqualTo(0.1579 * 12 + 0.0496 * 20 + 3.6365).Within(1e-9));         // 6.5233
        Assert.That(s.FleschReadingEase, Is.EqualTo(59.635).Within(1e-9));
        Assert.That(s.DaleChall, Is.EqualTo(6.5233).Within(1e-9));
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
    public void SMOG_needs_three_sentences_and_scales_to_thirty()
    {
        Assert.That(ReadabilityCalculator.Score(new ReadabilityCounts(30, 2, 45, 120, 4, 0, 0)).Smog, Is.EqualTo(0));
        Assert.That(ReadabilityCalculator.Score(new ReadabilityCounts(30, 3, 45, 120, 4, 0, 0)).Smog,
            Is.EqualTo(1.0430 * Math.Sqrt(4 * 10.0) + 3.1291).Within(1e-9));
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
    public void Counts_words_sentences_syllables_letters_and_hard_words_of_a_text()
    {
        // Syllables: The(1) cat(1) sat(1) on(1) the(1) mat(1) | Elizabeth(4) considered(3) everything(3) carefully(3).
        var counts = ReadabilityCalculator.Measure("The cat sat on the mat. Then Elizabeth considered everything carefully.").Counts;

        Assert.That(counts.Words, Is.EqualTo(11));
        Assert.That(counts.Sentences, Is.EqualTo(2));
        Assert.That(counts.Syllables, Is.EqualTo(6 + 1 + 4 + 3 + 3 + 3));
        Assert.That(counts.Letters, Is.EqualTo(3 + 3 + 3 + 2 + 3 + 3 + 4 + 9 + 10 + 10 + 9));
        // Polysyllables: Elizabeth, considered, everything, carefully.
        Assert.That(counts.Polysyllables, Is.EqualTo(4));
        // Elizabeth is a proper name and everything is on the list; consider is not (so neither is considered), nor is
        // carefully (careful is, but -ly derivations do not count): two difficult words, both complex.
        Assert.That(counts.DifficultWords, Is.EqualTo(2));
        Assert.That(counts.ComplexWords, Is.EqualTo(2));
    }

    [Test]
    public void A_capitalised_word_is_a_proper_name_only_inside_its_sentence()
    {
        var doc = Doc("Countenance matters. She saw Countenance there. “Countenance,” she said.");
        var sentences = doc.Sentences;

        Assert.That(ReadabilityCalculator.IsProperName(doc, sentences[0], 0), Is.False, "first word of a sentence");
        Assert.That(ReadabilityCalculator.IsProperName(doc, sentences[1], 4), Is.True, "capitalised inside a sentence");
        Assert.That(ReadabilityCalculator.IsProperName(doc, sentences[2], 6), Is.False, "first word of a sentence opening with a quote");
        Assert.That(ReadabilityCalculator.MeasureWord(doc, sentences[0], 0).IsDifficult, Is.True);
        Assert.That(ReadabilityCalculator.MeasureWord(doc, sentences[1], 4).IsDifficult, Is.False);
    }

    [Test]
    public void A_chapter_is_measured_on_its_own_sentences()
    {
        var doc = Doc("Chapter 1\n\nThe cat sat. The dog ran.\n\nChapter 2\n\nExtraordinary circumstances necessitated deliberation.\n");
        Assert.That(doc.Chapters, Has.Count.EqualTo(2));

        var first = ReadabilityCalculator.MeasureChapter(doc, 0);
        var second = ReadabilityCalculator.MeasureChapter(doc, 1);
        var book = ReadabilityCalculator.Measure(doc);

        Assert.That(first.Counts, Is.EqualTo(new ReadabilityCounts(6, 2, 6, 18, 0, 0, 0)));
        Assert.That(second.Counts.Words, Is.EqualTo(4));
        Assert.That(second.FleschReadingEase, Is.LessThan(first.FleschReadingEase));
        Assert.That(book.Counts, Is.EqualTo(first.Counts + second.Counts));
    }
}
