using System.Text;
using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Sessions;
using Orchestrator.Engine.State;
using Orchestrator.Manuscripts.Loading;
using Orchestrator.Manuscripts.Revision;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Coordination;

/// <summary>
/// A manuscript as a session's subject. A revision (the edits of a revising node) makes a new document from
/// the revised text, re-indexed, and stores the text under its hash as the session's attachment
/// <c>revisions/&lt;hash&gt;.md|.txt</c> so a resumed session analyses exactly what it was analysing.
/// </summary>
internal sealed class ManuscriptSubject : SessionSubject
{
    public const string RevisionsFolderName = "revisions";

    private readonly ISessionStore? _store;
    private readonly string _sessionId;

    /// <param name="store">Where revisions are kept; null keeps them in memory only.</param>
    public ManuscriptSubject(ManuscriptDocument document, ISessionStore? store, string sessionId)
    {
        Document = document;
        _store = store;
        _sessionId = sessionId;
        Hash = HashOf(document);
    }

    public ManuscriptDocument Document { get; }
    public override object Value => Document;
    public override string Hash { get; }

    /// <summary>The state's form of a document's hash (the loader's is bare hex).</summary>
    public static string HashOf(ManuscriptDocument document) => ContentHash.Prefix + document.ContentHash;

    public override SessionSubject Revise(IReadOnlyList<NodeEdits> edits)
    {
        var merged = Merge(edits);
        if (merged.Count == 0) return this;
        var text = TextRevision.Apply(Document.Text, merged);
        if (text == Document.Text) return this;
        var bytes = Encoding.UTF8.GetBytes(text);
        var path = RevisionPathFor(Document.SourcePath);
        var revised = ManuscriptLoader.Load(path, bytes);
        _store?.WriteAttachment(_sessionId, RevisionName(revised.ContentHash, path), bytes);
        return new ManuscriptSubject(revised, _store, _sessionId);
    }

    /// <summary>
    /// The revised subject stored under <paramref name="hash"/> with the session, or null when it is missing or does
    /// not hash to what the state says.
    /// </summary>
    public static ManuscriptSubject? LoadRevision(ISessionStore store, string sessionId, string hash, string? sourcePath)
    {
        var hex = hash.StartsWith(ContentHash.Prefix, StringComparison.Ordinal) ? hash[ContentHash.Prefix.Length..] : hash;
        var path = RevisionPathFor(sourcePath);
        if (store.ReadAttachment(sessionId, RevisionName(hex, path)) is not { } bytes) return null;
        var document = ManuscriptLoader.Load(path, bytes);
        return document.ContentHash == hex ? new ManuscriptSubject(document, store, sessionId) : null;
    }

    private static string RevisionName(string hex, string path) => $"{RevisionsFolderName}/{hex}{Path.GetExtension(path)}";

    /// <summary>
    /// Revised text is plain UTF-8; text read as Markdown stays Markdown so headings index the same way: .md files,
    /// and .docx files and chapter folders (a path ending in a separator), whose readers produce Markdown.
    /// </summary>
    private static string RevisionPathFor(string? sourcePath)
    {
        var source = sourcePath ?? "manuscript.txt";
        var folder = Path.EndsInDirectorySeparator(source);
        var extension = Path.GetExtension(source);
        var markdown = folder || extension.Equals(".md", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".markdown", StringComparison.OrdinalIgnoreCase) || extension.Equals(".docx", StringComparison.OrdinalIgnoreCase);
        return Path.ChangeExtension(folder ? Path.TrimEndingDirectorySeparator(source) : source, markdown ? ".md" : ".txt");
    }

    /// <summary>
    /// One list of edits from every revising node, in pipeline order: a later node's edit that overlaps an
    /// earlier one's is dropped (both were made against the same text; the first node wins).
    /// </summary>
    private static List<TextEdit> Merge(IReadOnlyList<NodeEdits> edits)
    {
        if (edits.Count == 1) return edits[0].Edits.ToList();
        var merged = new List<TextEdit>();
        foreach (var node in edits)
            foreach (var edit in node.Edits)
                if (!merged.Any(m => edit.Offset < m.Offset + Math.Max(m.Length, 1) && m.Offset < edit.Offset + Math.Max(edit.Length, 1)))
                    merged.Add(edit);
        merged.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        return merged;
    }
}
