using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Engine.State;

/// <summary>Content hashes as stored in the state: <c>sha256:</c> and 64 lowercase hex digits.</summary>
public static class ContentHash
{
    public const string Prefix = "sha256:";

    public static string Of(ReadOnlySpan<byte> content) => Prefix + Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>The hash of <paramref name="text"/>'s UTF-8 bytes.</summary>
    public static string OfText(string text) => Of(Encoding.UTF8.GetBytes(text));

    public static string OfFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Prefix + Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>
    /// One hash over several parts (e.g. a pipeline file and its rules file), each prefixed by its length so
    /// that moving bytes from one part to the next changes the hash. Order matters.
    /// </summary>
    public static string OfParts(params ReadOnlySpan<byte[]> parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[8];
        foreach (var part in parts)
        {
            BinaryPrimitives.WriteInt64LittleEndian(length, part.LongLength);
            hash.AppendData(length);
            hash.AppendData(part);
        }
        return Prefix + Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
