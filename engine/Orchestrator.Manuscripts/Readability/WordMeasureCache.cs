using System.Collections.Concurrent;

namespace Orchestrator.Manuscripts.Readability;

/// <summary>
/// A process-wide memo of <see cref="ReadabilityCalculator.MeasureFolded"/>: syllables, letters and familiarity
/// are a pure function of the folded word, so each distinct word is worked out once per process, not once per
/// document. Thread-safe (nodes of several sessions run in parallel) and bounded: past
/// <see cref="MaxEntries"/> words it stops remembering new ones and simply computes them, so a server's memory
/// stays bounded (about 100 bytes per entry). Results never depend on what is cached.
/// </summary>
internal static class WordMeasureCache
{
    /// <summary>Distinct words remembered at most (English fiction rarely uses more than 50,000).</summary>
    public const int MaxEntries = 200_000;

    private static readonly ConcurrentDictionary<string, WordReadability> Cache = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, WordReadability>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Cache.GetAlternateLookup<ReadOnlySpan<char>>();

    private static int _entries;

    public static WordReadability Get(ReadOnlySpan<char> folded)
    {
        if (Lookup.TryGetValue(folded, out var known)) return known;
        var measured = ReadabilityCalculator.Measure(folded);
        // ConcurrentDictionary.Count takes every lock of the table (hundreds once it has grown): asked on each new
        // word it made the first book in a process several times slower, so the entries are counted here instead.
        if (Volatile.Read(ref _entries) < MaxEntries && Lookup.TryAdd(folded, measured)) Interlocked.Increment(ref _entries);
        return measured;
    }
}
