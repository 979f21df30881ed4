using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Reference;

/// <summary>
/// A reference library the nodes consult (series bible, character sheets, style guide, earlier books), given to the
/// node factories by the host (<see cref="NovelNodeTypes.CreateRegistry(IReferenceLibrary?)"/>), never reached through
/// a static. The domain knows only this interface; the SQLite store behind it lives in Orchestrator.Library.
/// Implementations are safe to call from several nodes at once.
/// </summary>
public interface IReferenceLibrary
{
    /// <summary>The library's name (<c>my-series</c>), for messages.</summary>
    string Name { get; }

    /// <summary>
    /// A hash of the library's contents (documents, their content hashes and the embedding model). It enters the input
    /// hash of every node that reads the library, so a changed library re-runs them and an unchanged one lets them be
    /// reused. Cheap to read; never throws.
    /// </summary>
    string Version { get; }

    /// <summary>The <paramref name="k"/> passages that best answer <paramref name="query"/>, best first (BM25, fused by
    /// reciprocal rank with exact cosine over embeddings when the library has them and a generator of the same model is
    /// configured).</summary>
    Task<IReadOnlyList<LibraryPassage>> SearchAsync(string query, int k, CancellationToken cancellationToken);

    /// <summary>
    /// The <paramref name="k"/> passages most relevant to one chapter of a manuscript (0-based
    /// <paramref name="chapterIndex"/>): a query made of the chapter's names and most frequent content words
    /// (<see cref="ChapterQuery"/>), searched as <see cref="SearchAsync"/> does. For prompts that quote the library.
    /// </summary>
    Task<IReadOnlyList<LibraryPassage>> PassagesForChapterAsync(ManuscriptDocument document, int chapterIndex, int k, CancellationToken cancellationToken);

    /// <summary>The names and stated traits the library's documents hold (extracted once when each was added).</summary>
    Task<ReferenceFacts> FactsAsync(CancellationToken cancellationToken);
}
