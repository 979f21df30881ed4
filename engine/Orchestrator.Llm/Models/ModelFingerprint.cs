using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Orchestrator.Llm.Models;

/// <summary>
/// The SHA-256 of a model file, which enters node input hashes and generation cache keys (so a changed model never
/// reuses an old generation). Hashed once per process per (path, length, modification time): a multi-gigabyte model
/// is read once, not at every planning step.
/// </summary>
public sealed class ModelFingerprint
{
    private readonly ConcurrentDictionary<(string Path, long Length, DateTime Modified), Lazy<string>> _hashes = new();

    public string Of(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new ModelFileException(path, "does not exist");
        var key = (info.FullName, info.Length, info.LastWriteTimeUtc);
        return _hashes.GetOrAdd(key, k => new Lazy<string>(() => Hash(k.Path))).Value;
    }

    private static string Hash(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
