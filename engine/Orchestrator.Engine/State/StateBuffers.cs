using System.Buffers;

namespace Orchestrator.Engine.State;

/// <summary>
/// Reused buffers for the checkpoint path, so that writing or reading a state of a few hundred KB does not
/// allocate large-object-heap arrays each time (they would trigger gen-2 collections on every checkpoint).
/// </summary>
internal static class StateBuffers
{
    private const int InitialCapacity = 256 * 1024;
    private const int KeepAtMost = 8 * 1024 * 1024;

    [ThreadStatic] private static ArrayBufferWriter<byte>? t_writer;

    /// <summary>This thread's empty output buffer; valid until the thread's next call.</summary>
    public static ArrayBufferWriter<byte> Writer()
    {
        var writer = t_writer;
        if (writer is null || writer.Capacity > KeepAtMost)
            t_writer = writer = new ArrayBufferWriter<byte>(InitialCapacity);
        writer.ResetWrittenCount();
        return writer;
    }

    /// <summary>The whole file in an array rented from the shared pool; dispose to return it.</summary>
    public static RentedBytes ReadFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        var length = stream.Length;
        if (length > Array.MaxLength) throw new IOException($"{path} is too large ({length} bytes)");
        var array = ArrayPool<byte>.Shared.Rent((int)Math.Max(1, length));
        var read = 0;
        try
        {
            int n;
            while (read < array.Length && (n = stream.Read(array, read, array.Length - read)) > 0)
                read += n;
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(array);
            throw;
        }
        return new RentedBytes(array, read);
    }

    public readonly struct RentedBytes(byte[] array, int length) : IDisposable
    {
        public ReadOnlyMemory<byte> Memory => array.AsMemory(0, length);
        public ReadOnlySpan<byte> Span => array.AsSpan(0, length);
        public void Dispose() => ArrayPool<byte>.Shared.Return(array);
    }
}
