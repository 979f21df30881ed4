using System.Security.Cryptography;
using System.Text;
using Orchestrator.Engine.State;

namespace Orchestrator.Library.Storage;

/// <summary>
/// A library's version: the SHA-256 of its schema version, its documents (name and content hash, in name order) and the
/// model its embeddings came from. Recomputed in the transaction of every change, so any change to what the nodes can
/// read gives a new version and nothing else does.
/// </summary>
internal static class LibraryVersion
{
    public static string Empty { get; } = Of([], null);

    public static string Of(IEnumerable<(string Name, string Hash)> documents, string? embeddingModel)
    {
        var text = new StringBuilder().Append("library-schema ").Append(LibrarySchema.Version).Append('\n');
        foreach (var (name, hash) in documents.OrderBy(d => d.Name, StringComparer.Ordinal))
            text.Append(name).Append('\t').Append(hash).Append('\n');
        text.Append("embeddings ").Append(embeddingModel ?? "-");
        return ContentHash.Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
