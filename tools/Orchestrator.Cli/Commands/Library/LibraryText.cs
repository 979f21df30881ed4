using System.Globalization;
using Orchestrator.Cli.Commands.Sessions;
using Orchestrator.Engine.State;
using Orchestrator.Library;
using Orchestrator.Manuscripts.Reference;

namespace Orchestrator.Cli.Commands.Library;

/// <summary>The text forms of the <c>library</c> verbs' output.</summary>
public static class LibraryText
{
    private const int ExcerptLength = 240;

    public static string Describe(AddResult result)
    {
        var size = $"{result.Chunks.ToString("N0", CultureInfo.InvariantCulture)} chunks, {result.Words.ToString("N0", CultureInfo.InvariantCulture)} words";
        return result.Outcome switch
        {
            AddOutcome.Added => $"added {result.Document}: {size}",
            AddOutcome.Replaced => $"replaced {result.Document} (its content changed): {size}",
            _ => result.SameAs is null
                ? $"unchanged {result.Document}: already in the library with the same content"
                : $"unchanged {result.Document}: the same content is already in the library as {result.SameAs}",
        };
    }

    /// <summary>What an add did to the vectors, with the model whose vectors it dropped (vectors of two models never mix).</summary>
    public static string Describe(Orchestrator.Library.Embeddings.EmbeddingRun run)
    {
        var embedded = $"embedded {N0(run.Embedded)} chunk(s) with model '{run.Model}'";
        return run.Replaced is null ? embedded : $"{embedded}: the library's embeddings of model '{run.Replaced}' were replaced (one model's vectors per library)";
    }

    public static void WriteLibraries(TextWriter output, string dataDirectory, IReadOnlyList<LibraryRow> rows)
    {
        if (rows.Count == 0)
        {
            output.WriteLine($"no libraries in {Path.Combine(dataDirectory, LibraryLocation.FolderName)} (create one: orchestrator library add NAME FILES...)");
            return;
        }
        var table = new TextTable("library", "documents", "chunks", "words", "embeddings", "version");
        foreach (var row in rows)
            if (row.Problem is not null) table.Add(row.Name, "-", "-", "-", "-", "unusable: " + row.Problem);
            else table.Add(row.Name, N0(row.Documents), N0(row.Chunks), N0(row.Words), row.EmbeddingModel ?? "none (lexical)", Short(row.Version));
        table.WriteTo(output);
    }

    public static void WriteDocuments(TextWriter output, string name, string version, IReadOnlyList<LibraryDocumentInfo> documents)
    {
        output.WriteLine($"library {name}, version {Short(version)}: {documents.Count} document(s)");
        if (documents.Count == 0) return;
        var table = new TextTable("document", "title", "words", "chapters", "chunks", "embedded", "names", "traits", "added");
        foreach (var d in documents)
            table.Add(d.Name, d.Title, N0(d.Words), N0(d.Chapters), N0(d.Chunks), N0(d.EmbeddedChunks), N0(d.Names), N0(d.Traits),
                d.Added.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        table.WriteTo(output);
    }

    public static void WriteHits(TextWriter output, IReadOnlyList<LibraryPassage> hits)
    {
        if (hits.Count == 0)
        {
            output.WriteLine("no passage matches");
            return;
        }
        for (var i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            output.WriteLine($"{i + 1}. {hit.Place} ({hit.ChapterHeading}), score {hit.Score.ToString("0.000", CultureInfo.InvariantCulture)}");
            output.WriteLine($"   {Excerpt(hit.Text)}");
        }
    }

    /// <summary>The start of a passage on one line, white space collapsed, cut at a word near <see cref="ExcerptLength"/>.</summary>
    public static string Excerpt(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= ExcerptLength) return flat;
        var cut = flat.LastIndexOf(' ', ExcerptLength);
        return flat[..(cut > ExcerptLength / 2 ? cut : ExcerptLength)] + " …";
    }

    /// <summary>The first 12 hex digits of a version, enough to tell versions apart on screen.</summary>
    public static string Short(string version) =>
        (version.StartsWith(ContentHash.Prefix, StringComparison.Ordinal) ? version[ContentHash.Prefix.Length..] : version)[..12];

    private static string N0(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
