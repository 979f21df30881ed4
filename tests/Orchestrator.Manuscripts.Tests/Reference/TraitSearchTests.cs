using System.Text.RegularExpressions;
using Orchestrator.Manuscripts.Reference;

namespace Orchestrator.Manuscripts.Tests.Reference;

/// <summary>
/// The eyes and hair shapes read only around their keywords (<see cref="TraitSearch"/>) find exactly what a whole pass
/// of their regexes finds: on the four corpus novels, and on a text made to sit matches next to the characters that end
/// a stretch, and one holding a Kelvin sign (scanned whole).
/// </summary>
public sealed class TraitSearchTests
{
    private static readonly Regex[] Shapes = [TraitPatterns.Possessive(), TraitPatterns.Having()];

    [TestCase(Corpus.PrideAndPrejudice)]
    [TestCase(Corpus.MobyDick)]
    [TestCase(Corpus.Frankenstein)]
    [TestCase(Corpus.Alice)]
    public async Task Reading_around_the_keywords_finds_what_a_whole_pass_finds_in_a_novel(string book)
    {
        var text = await File.ReadAllTextAsync(Corpus.PathOf(book));
        foreach (var shape in Shapes) AssertSame(shape, text);
    }

    [Test]
    public void Matches_beside_quotes_dashes_and_keywords_inside_other_words_are_the_same()
    {
        const string text = "“Jane’s eyes were grey.” Mr. Darcy had dark hair—Elinor Vance’s hair is auburn; (Kitty had blue eyes) "
            + "the chair was red. Lydia's HAIR WAS fair, and\nMrs Bennet had long, pale grey eyes.";
        foreach (var shape in Shapes) AssertSame(shape, text);
        Assert.That(TraitSearch.Matches(TraitPatterns.Possessive(), TraitSearch.EyesOrHair, text).Select(m => m.Value),
            Is.EqualTo(new[] { "Jane’s eyes were grey", "Elinor Vance’s hair is auburn", "Lydia's HAIR WAS fair" }));
        Assert.That(TraitSearch.Matches(TraitPatterns.Having(), TraitSearch.EyesOrHair, text).Select(m => m.Value),
            Is.EqualTo(new[] { "Mr. Darcy had dark hair", "Kitty had blue eyes", "Mrs Bennet had long, pale grey eyes" }));
    }

    [Test]
    public void A_text_with_a_character_ignore_case_equates_with_a_keyword_letter_is_read_whole()
    {
        // "eyeſ" (long s) is "eyes" to the regex's invariant ignore-case, not to the keyword search.
        const string text = "Anne’s eyeſ were blue. Then Tom’s eyes were green.";
        foreach (var shape in Shapes) AssertSame(shape, text);
    }

    private static void AssertSame(Regex shape, string text)
    {
        var whole = shape.Matches(text).Select(m => (m.Index, m.Value)).ToArray();
        var around = TraitSearch.Matches(shape, TraitSearch.EyesOrHair, text).Select(m => (m.Index, m.Value)).ToArray();
        Assert.That(around, Is.EqualTo(whole));
    }
}
