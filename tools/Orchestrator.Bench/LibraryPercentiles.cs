using System.Diagnostics;
using Orchestrator.Library;
using Orchestrator.Library.Search;

namespace Orchestrator.Bench;

/// <summary>
/// <c>-- library-p99 [queries]</c>: the latency distribution of single lexical queries over 100,000 chunks (and of exact
/// cosine top-10 over 100,000 × 384), each query timed alone after a warm-up, printed as p50, p99 and max. BenchmarkDotNet
/// reports means per iteration; a percentile needs each query's own time.
/// </summary>
internal static class LibraryPercentiles
{
    public static async Task<int> RunAsync(int count)
    {
        await using var library = await LibraryStore.OpenAsync("large", await LibraryBenchData.HundredThousandChunksAsync(), LibraryOptions.Default, CancellationToken.None);
        var queries = await LibraryBenchData.QueriesAsync(count + 100);
        foreach (var query in queries.Take(100)) await library.SearchAsync(query, 5, CancellationToken.None);
        // A long-lived host's steady state: the in-memory index of the version built (the first searches of a large
        // library go to FTS5 while it is built in the background).
        var building = Stopwatch.GetTimestamp();
        await library.PrepareSearchAsync(CancellationToken.None);
        Console.WriteLine($"in-memory index ready after the warm-up in {Stopwatch.GetElapsedTime(building).TotalMilliseconds:F0} ms");
        // The build's garbage (the text read twice) is collected once in a host's life: not during the timed queries.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var lexical = new List<double>(count);
        var (gen0, gen1, gen2, paused) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var slowest = new PriorityQueue<string, double>();
        foreach (var query in queries.Skip(100))
        {
            var started = Stopwatch.GetTimestamp();
            await library.SearchAsync(query, 5, CancellationToken.None);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            lexical.Add(ms);
            slowest.Enqueue(query, ms);
            if (slowest.Count > 3) slowest.Dequeue();
        }
        Print($"lexical query, top 5 of {LibraryBenchData.Chunks:N0} chunks, {count} queries", lexical);
        Console.WriteLine($"  GCs during the queries: {GC.CollectionCount(0) - gen0} gen0, {GC.CollectionCount(1) - gen1} gen1, {GC.CollectionCount(2) - gen2} gen2, paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms");
        while (slowest.TryDequeue(out var query, out var ms)) Console.WriteLine($"  slow: {ms:F1} ms \"{query}\"");

        const int dimensions = 384;
        var random = new Random(5);
        var matrix = new float[LibraryBenchData.Chunks * dimensions];
        for (var i = 0; i < matrix.Length; i++) matrix[i] = (float)(random.NextDouble() * 2 - 1);
        var index = VectorIndex.Build(Enumerable.Range(0, LibraryBenchData.Chunks).Select(i => (long)i).ToArray(), matrix, dimensions);
        var vector = new List<double>(count);
        for (var q = 0; q < Math.Min(count, 500) + 20; q++)
        {
            var query = Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
            var started = Stopwatch.GetTimestamp();
            index.Search(query, 10);
            if (q >= 20) vector.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        Print($"exact cosine top 10 of {LibraryBenchData.Chunks:N0} x {dimensions}, {vector.Count} queries", vector);
        return 0;
    }

    private static void Print(string what, List<double> times)
    {
        var sorted = times.Order().ToArray();
        double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        Console.WriteLine($"{what}: p50 {At(0.50):F2} ms, p99 {At(0.99):F2} ms, max {sorted[^1]:F2} ms");
    }
}
