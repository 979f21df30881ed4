using Orchestrator.Manuscripts.Consistency;
using static Orchestrator.Manuscripts.Tests.Consistency.ConsistencyDocs;

namespace Orchestrator.Manuscripts.Tests.Consistency;

/// <summary>
/// Spelling variants mixed in one text, for words the variant table does not list: the book shows both spellings itself.
/// Our own sentences, one class each (-ise/-ize, -our/-or, ae/e), and words spelt one way throughout that must stay quiet.
/// </summary>
public sealed class VariantDiscoveryTests
{
    [TestCase("We must prioritise the roof. They prioritised it twice. Then they prioritize the walls.", "“prioritize”")]
    [TestCase("The knight's armour shone. His armoured horse stood by. The armor was old.", "“armor”")]
    [TestCase("She studied archaeology. Archaeology was her life. He preferred archeology.", "“archeology”")]
    public void Both_spellings_of_one_word_in_a_text_are_mixed(string text, string rarer)
    {
        var findings = Run(text).Rule(ConsistencyRules.SpellingVariant);
        Assert.That(findings.Select(f => f.Message), Has.One.StartWith(rarer + " is the rarer spelling"));
    }

    [TestCase("She gave advice and advised him well. The noise rose. We had four hours for our work.")]
    [TestCase("The paediatric ward was quiet. A pediatric nurse came by.")]
    public void A_word_spelt_one_way_is_not_a_discovered_variant(string text)
    {
        var messages = Run(text).Rule(ConsistencyRules.SpellingVariant).Select(f => f.Message).ToArray();
        Assert.That(messages.Where(m => m.Contains("advise") || m.Contains("noise") || m.Contains("four") || m.Contains("our ")), Is.Empty);
    }

    [Test]
    public void Ise_and_ize_in_different_words_are_a_mixed_convention()
    {
        var result = Run("They organise the fair each spring. The mayor will realize his error. We organised it. We realized it.");
        Assert.That(result.Rule(ConsistencyRules.SpellingConvention), Is.Not.Empty);
    }
}
