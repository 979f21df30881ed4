using Orchestrator.Manuscripts.Loading;

namespace Orchestrator.Library.Tests;

/// <summary>
/// Known-item retrieval, lexical only, on whole corpus novels loaded as libraries: a sentence of the book with two words
/// dropped and two neighbouring words swapped must bring back, within the top 3, a chunk that holds the sentence (with
/// overlapping chunks a sentence may be in two) at least 95% of the time.
/// </summary>
[TestFixture]
public sealed class KnownItemRetrievalTests
{
    private const int Samples = 200;
    private const int MinWords = 10;

    [TestCase(Corpus.PrideAndPrejudice)]
    [TestCase(Corpus.MobyDick)]
    public async Task A_damaged_sentence_finds_its_chunk_in_the_top_3(string book)
    {
        using var folder = new TempFolder();
        var path = Corpus.PathOf(book);
        await using var library = await LibraryStore.OpenAsync("corpus", folder.Library("corpus"), new LibraryOptions { Create = true }, CancellationToken.None);
        await library.AddAsync(path, CancellationToken.None);
        var document = await ManuscriptLoader.LoadAsync(path, CancellationToken.None);

        var random = new Random(20261205);
        var candidates = document.Sentences.Where(s => s.WordCount >= MinWords).ToArray();
        int found = 0, asked = 0;
        var misses = new List<string>();
        while (asked < Samples)
        {
            var sentence = candidates[random.Next(candidates.Length)];
            var words = Enumerable.Range(sentence.FirstWord, sentence.WordCount).Select(w => document.WordText(w).ToString()).ToList();
            words.RemoveAt(random.Next(words.Count));
            words.RemoveAt(random.Next(words.Count));
            var swap = random.Next(words.Count - 1);
            (words[swap], words[swap + 1]) = (words[swap + 1], words[swap]);
            var original = document.Slice(sentence.Span).ToString();

            var hits = await library.SearchAsync(string.Join(' ', words), 3, CancellationToken.None);
            asked++;
            if (hits.Any(h => h.Text.Contains(original, StringComparison.Ordinal))) found++;
            else misses.Add(original);
        }
        var rate = (double)found / asked;
        TestContext.Out.WriteLine($"{book}: {found}/{asked} = {rate:P1}");
        Assert.That(rate, Is.GreaterThanOrEqualTo(0.95), "missed: " + string.Join(" | ", misses.Take(5)));
    }
}
