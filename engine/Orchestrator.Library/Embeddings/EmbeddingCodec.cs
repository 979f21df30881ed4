using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Orchestrator.Library.Embeddings;

/// <summary>A vector as a blob: its floats, little-endian IEEE 754, nothing else (the dimension is the length / 4).</summary>
internal static class EmbeddingCodec
{
    public static byte[] Encode(ReadOnlySpan<float> vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        if (BitConverter.IsLittleEndian) MemoryMarshal.AsBytes(vector).CopyTo(bytes);
        else for (var i = 0; i < vector.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), vector[i]);
        return bytes;
    }

    /// <summary>Decodes <paramref name="blob"/> into <paramref name="destination"/>, which must be exactly its length / 4.</summary>
    public static void Decode(ReadOnlySpan<byte> blob, Span<float> destination)
    {
        if (blob.Length != destination.Length * sizeof(float))
            throw new InvalidDataException($"an embedding of {blob.Length} bytes where {destination.Length} floats were expected");
        if (BitConverter.IsLittleEndian) MemoryMarshal.Cast<byte, float>(blob).CopyTo(destination);
        else for (var i = 0; i < destination.Length; i++) destination[i] = BinaryPrimitives.ReadSingleLittleEndian(blob[(i * 4)..]);
    }
}
