using Orchestrator.Manuscripts.Text;
using static Orchestrator.Manuscripts.Tests.Text.Indexing;

namespace Orchestrator.Manuscripts.Tests.Text;

[TestFixture]
public sealed class WordFormsTests
{
    [Test]
    public void Each_distinct_form_as_written_gets_one_id_in_order_of_first_use()
    {
        var doc = Index("The whale, the Whale and the whale’s wake. The wake.");
        var forms = doc.Forms;

        Assert.Multiple(() =>
        {
            Assert.That(doc.Words(), Is.EqualTo(new[] { "The", "whale", "the", "Whale", "and", "the", "whale’s", "wake", "The", "wake" }));
            Assert.That(Enumerable.Range(0, doc.WordCount).Select(forms.FormOf), Is.EqualTo(new[] { 0, 1, 2, 3, 4, 2, 5, 6, 0, 6 }));
            Assert.That(forms.Count, Is.EqualTo(7));
            Assert.That(Enumerable.Range(0, forms.Count).Select(f => forms[f]),
                Is.EqualTo(new[] { "The", "whale", "the", "Whale", "and", "whale’s", "wake" }));
        });
    }

    [Test]
    public void Is_built_once_and_shared()
    {
        var doc = Index("One two one.");
        var first = doc.Forms;

        Assert.That(doc.Forms, Is.SameAs(first));
    }

    [Test]
    public void Every_word_of_a_novel_reads_back_as_its_form()
    {
        var doc = Corpus.Load(Corpus.MobyDick);
        var forms = doc.Forms;

        var mismatches = Enumerable.Range(0, doc.WordCount).Count(w => !doc.WordText(w).SequenceEqual(forms[forms.FormOf(w)]));
        var distinct = Enumerable.Range(0, doc.WordCount).Select(w => doc.WordText(w).ToString()).Distinct(StringComparer.Ordinal).Count();

        Assert.Multiple(() =>
        {
            Assert.That(mismatches, Is.Zero);
            Assert.That(forms.Count, Is.EqualTo(distinct));
        });
    }
}
