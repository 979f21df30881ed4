namespace Orchestrator.Manuscripts.Text;

/// <summary>Items as a reader lists them in a sentence.</summary>
internal static class ReaderList
{
    /// <summary>"A", "A and B", "A, B and C" (no serial comma).</summary>
    public static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };
}
