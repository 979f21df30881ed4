using System.Text;
using Orchestrator.Manuscripts.Characters;
using Orchestrator.Manuscripts.Consistency;
using Orchestrator.Manuscripts.Pacing;
using Orchestrator.Manuscripts.Structure;
using Orchestrator.Manuscripts.Style;
using Orchestrator.Manuscripts.Text;
using Orchestrator.Manuscripts.Themes;

namespace Orchestrator.Manuscripts.Tests.Nodes;

/// <summary>
/// A single very long paragraph or sentence must cost the six nodes memory in proportion to its length (a path that
/// pairs each word with the others in its sentence or paragraph, or copies the text so far at every word, would
/// grow with its square). Measured in allocated bytes, not time: the count does not depend on machine load.
/// </summary>
public sealed class LongParagraphTests
{
    /// <summary>Bytes the indexer and the six nodes may allocate per character of text, all together (about 41 today
    /// for a paragraph with no punctuation at all, 17 with sentences).</summary>
    private const int MaxBytesPerChar = 64;

    private static readonly string[] Words =
        ["the", "old", "man", "walked", "slowly", "towards", "Anna", "and", "very", "quietly", "said", "that", "it", "was",
         "raining", "again", "in", "London", "he", "had"];

    /// <summary>One chapter holding one paragraph of about <paramref name="chars"/> characters: one sentence with no
    /// punctuation, or many short sentences with dialogue.</summary>
    private static ManuscriptDocument OneParagraph(int chars, bool punctuated)
    {
        var text = new StringBuilder("Chapter 1\n\n", chars + 64);
        for (var i = 1; text.Length < chars; i++)
            text.Append(Words[i % Words.Length]).Append(punctuated && i % 13 == 0 ? ". “Yes,” said Anna. " : punctuated && i % 5 == 0 ? ", " : " ");
        return TextIndexer.Build(text.ToString(), "long", "hash");
    }

    /// <summary>Bytes allocated by indexing the text and running the six nodes on it. Total, not per thread: a node
    /// may hand work to the thread pool, and this fixture runs alone.</summary>
    private static long Allocated(int chars, bool punctuated)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var document = OneParagraph(chars, punctuated);
        Assert.That(document.Paragraphs, Has.Length.EqualTo(1));
        StructureNode.Analyse(document);
        StyleNode.Analyse(document);
        CharactersNode.Analyse(document);
        PacingNode.Analyse(document);
        ThemesNode.Analyse(document);
        ConsistencyNode.Analyse(document);
        return GC.GetTotalAllocatedBytes(precise: true) - before;
    }

    [TestCase(false)]
    [TestCase(true)]
    public void A_2_MB_paragraph_costs_memory_in_proportion_to_its_length(bool punctuated)
    {
        Allocated(20_000, punctuated); // lexicons and other one-time tables, so they are not counted below

        var oneMb = Allocated(1_000_000, punctuated);
        var twoMb = Allocated(2_000_000, punctuated);
        TestContext.Out.WriteLine($"punctuated={punctuated}: 1 MB paragraph {oneMb:N0} bytes allocated, 2 MB {twoMb:N0}");

        Assert.That(twoMb, Is.LessThan(2_000_000L * MaxBytesPerChar));
        Assert.That(twoMb, Is.LessThan(oneMb * 2.5), "twice the length costs about twice the memory, not four times");
        if (!punctuated) Assert.That(OneParagraph(2_000_000, false).Sentences, Has.Length.EqualTo(1), "one 2 MB sentence");
    }
}
