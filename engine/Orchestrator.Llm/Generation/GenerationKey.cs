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

    /// <summary>The key of a whole prompt's plan: the same parts, plus the prompt budget that decided the cut.</summary>
    public static string OfPlan(string modelFileHash, string wholePrompt, int promptBudget, SamplingOptions sampling) =>
        Of(modelFileHash, $"plan\n{promptBudget}\n{wholePrompt}", sampling);

    // Length-prefixed, so no two different (model, prompt, options) triples share a byte stream.
    private static void Append(IncrementalHash hash, string part)
    {
        var bytes = Encoding.UTF8.GetBytes(part);
        hash.AppendData(BitConverter.GetBytes(bytes.LongLength));
        hash.AppendData(bytes);
    }
}
