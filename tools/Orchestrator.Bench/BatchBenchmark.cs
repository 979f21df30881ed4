using Orchestrator.Manuscripts.Loading;

namespace Orchestrator.Bench;

/// <summary>
/// Builds the folder the <c>batch</c> throughput figures are measured on (see BatchBenchmark.sh): for every novel of the
/// corpus, the whole file, a folder of its chapters (<c>chapter-1.txt</c> ... unpadded, so natural order matters), and
/// eight files of consecutive chapters — ten manuscripts per novel, forty for the four-novel corpus.
/// </summary>
internal static class BatchBenchmark
{
    private const int SlicesPerNovel = 8;

    /// <summary><c>batch-folder DEST [CORPUS]</c>: writes the manuscripts into DEST (which must not exist) and prints the count.</summary>
    public static int BuildFolder(string[] args)
    {
        if (args.Length is < 1 or > 2)
        {
            Console.Error.WriteLine("usage: Orchestrator.Bench batch-folder DEST [CORPUS]");
            return 2;
        }
        var destination = args[0];
        var corpus = args.Length > 1 ? args[1] : Path.GetDirectoryName(BenchCorpus.PathOf(BenchCorpus.PrideAndPrejudice))!;
        if (Directory.Exists(destination))
        {
            Console.Error.WriteLine($"{destination} exists; give a new folder");
            return 2;
        }
        Directory.CreateDirectory(destination);
        int manuscripts = 0;
        long words = 0;
        foreach (var novel in Directory.EnumerateFiles(corpus, "*.txt").Order(StringComparer.Ordinal))
        {
            var document = ManuscriptLoader.LoadAsync(novel, CancellationToken.None).GetAwaiter().GetResult();
            var name = Path.GetFileNameWithoutExtension(novel);
            var text = document.Text;
            var chapters = document.Chapters;

            File.Copy(novel, Path.Combine(destination, name + ".txt"));
            var folder = Directory.CreateDirectory(Path.Combine(destination, name)).FullName;
            for (int i = 0; i < chapters.Count; i++)
                File.WriteAllText(Path.Combine(folder, $"chapter-{i + 1}.txt"), text.Substring(chapters[i].Span.Start, chapters[i].Span.Length).Trim() + "\n");
            for (int k = 0; k < SlicesPerNovel; k++)
            {
                int first = chapters.Count * k / SlicesPerNovel, last = chapters.Count * (k + 1) / SlicesPerNovel;
                if (last <= first) continue;
                int start = chapters[first].Span.Start, end = chapters[last - 1].Span.End;
                File.WriteAllText(Path.Combine(destination, $"{name}-part-{k + 1}.txt"), text[start..end].Trim() + "\n");
                manuscripts++;
            }
            manuscripts += 2;
            words += 3L * document.WordCount;
        }
        Console.WriteLine($"{manuscripts} manuscripts, about {words:N0} words, in {Path.GetFullPath(destination)}");
        return 0;
    }
}
