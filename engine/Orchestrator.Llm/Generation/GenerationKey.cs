using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Llm.Generation;

/// <summary>The cache key of a generation: SHA-256 of the model file's hash, the filled prompt and the sampling options.</summary>
public static class GenerationKey
{
    public static string Of(string modelFileHash, string prompt, SamplingOptions sampling)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, modelFileHash);
        Append(hash, prompt);
        Append(hash, sampling.Canonical());
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    // Length-prefixed, so no two different (model, prompt, options) triples share a byte stream.
    private static void Append(IncrementalHash hash, string part)
    {
        var bytes = Encoding.UTF8.GetBytes(part);
        hash.AppendData(BitConverter.GetBytes(bytes.LongLength));
        hash.AppendData(bytes);
    }
}
