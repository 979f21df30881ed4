using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Orchestrator.Engine.Files;
using Orchestrator.Engine.State.Snapshots;

namespace Orchestrator.Engine.State;

/// <summary>
/// MessagePack snapshots of a session's state in one folder (<c>&lt;session&gt;/snapshots/NNNNNN.msgpack</c>),
/// numbered from 000001 up. Each file is a 48-byte header followed by the MessagePack payload:
/// <code>
/// offset size  field
///      0    8  magic "ORCHSNAP" (ASCII)
///      8    2  format version, little-endian (1)
///     10    2  reserved, 0
///     12    4  payload length in bytes, little-endian
///     16   32  SHA-256 of the payload
///     48    n  payload: <see cref="SessionState"/> as MessagePack (integer keys, uncompressed)
/// </code>
/// A read checks the magic, the version, the length against the file's size, the checksum, that the payload
/// decodes, and the state's invariants; any failure makes the snapshot unusable and says why
/// (<see cref="SnapshotDefect"/>). Writes are atomic (temporary file, flush to disk, rename), and after each
/// write the folder is pruned to the first snapshot plus the last <see cref="KeepLast"/>.
/// </summary>
/// <remarks>
/// Format versions: the header's version changes only when the envelope or the payload's encoding changes;
/// growing the state (new MessagePack keys) does not change it. A reader accepts every version up to
/// <see cref="FormatVersion"/> and refuses newer ones. Not thread-safe: one writer per session (the lease).
/// </remarks>
public sealed class SnapshotStore
{
    public const int FormatVersion = 1;
    public const int HeaderSize = 48;
    public const string Extension = ".msgpack";
    public const int DefaultKeepLast = 5;

    /// <summary>Larger payloads are refused on read as implausible (a corrupt length field).</summary>
    public const int MaxPayloadSize = 256 * 1024 * 1024;

    private static ReadOnlySpan<byte> Magic => "ORCHSNAP"u8;

    public SnapshotStore(string folder, int keepLast = DefaultKeepLast)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentOutOfRangeException.ThrowIfLessThan(keepLast, 1);
        Folder = folder;
        KeepLast = keepLast;
    }

    public string Folder { get; }

    /// <summary>How many of the newest snapshots pruning keeps, besides the first one.</summary>
    public int KeepLast { get; }

    public static string FileName(int number) => number.ToString("D6", CultureInfo.InvariantCulture) + Extension;

    /// <summary>The snapshots in the folder, oldest first (temporary files left by a crash are not listed).</summary>
    public IReadOnlyList<SnapshotInfo> List()
    {
        if (!Directory.Exists(Folder)) return [];
        var snapshots = new List<SnapshotInfo>();
        foreach (var file in new DirectoryInfo(Folder).EnumerateFiles("*" + Extension))
            if (TryParseNumber(file.Name, out var number))
                snapshots.Add(new SnapshotInfo(number, file.FullName, file.Length));
        snapshots.Sort((a, b) => a.Number.CompareTo(b.Number));
        return snapshots;
    }

    /// <summary>
    /// Writes <paramref name="state"/> as the next snapshot, then prunes. Throws
    /// <see cref="InvalidSessionStateException"/> without writing when the state breaks an invariant.
    /// </summary>
    public SnapshotInfo Write(SessionState state)
    {
        var bytes = EncodeInto(state, StateBuffers.Writer());
        Directory.CreateDirectory(Folder);
        var existing = List();
        var number = existing.Count == 0 ? 1 : existing[^1].Number + 1;
        var path = Path.Combine(Folder, FileName(number));
        AtomicFile.Write(path, bytes.Span);
        Prune();
        return new SnapshotInfo(number, path, bytes.Length);
    }

    /// <summary>Reads and verifies snapshot <paramref name="number"/>; throws <see cref="SnapshotCorruptException"/> when it is unusable.</summary>
    public SessionState Read(int number) => ReadFile(Path.Combine(Folder, FileName(number)));

    /// <summary>Reads and verifies one snapshot file; throws <see cref="SnapshotCorruptException"/> when it is unusable.</summary>
    public static SessionState ReadFile(string path)
    {
        StateBuffers.RentedBytes bytes;
        try
        {
            bytes = StateBuffers.ReadFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SnapshotCorruptException(path, SnapshotDefect.Unreadable, e.Message, e);
        }
        using (bytes)
            return Decode(bytes.Memory, path);
    }

    /// <summary>
    /// The newest snapshot that passes every check, walking back from the newest; every snapshot skipped on
    /// the way is reported with its reason. <see cref="SnapshotLoadResult.State"/> is null when none is usable.
    /// </summary>
    /// <param name="expectedSessionId">When given, a snapshot of another session counts as invalid.</param>
    public SnapshotLoadResult LoadNewestValid(string? expectedSessionId = null)
    {
        var skipped = new List<SnapshotProblem>();
        var snapshots = List();
        for (var i = snapshots.Count - 1; i >= 0; i--)
        {
            var snapshot = snapshots[i];
            try
            {
                var state = ReadFile(snapshot.Path);
                if (expectedSessionId is not null && state.SessionId != expectedSessionId)
                    throw new SnapshotCorruptException(snapshot.Path, SnapshotDefect.InvalidState,
                        $"it belongs to session {state.SessionId}, not {expectedSessionId}");
                return new SnapshotLoadResult(state, snapshot, skipped);
            }
            catch (SnapshotCorruptException e)
            {
                skipped.Add(new SnapshotProblem(snapshot, e.Defect, e.Reason));
            }
        }
        return new SnapshotLoadResult(null, null, skipped);
    }

    /// <summary>Deletes every snapshot but the first and the last <see cref="KeepLast"/>, and temporary files left by a crash.</summary>
    /// <returns>The snapshots deleted.</returns>
    public IReadOnlyList<SnapshotInfo> Prune()
    {
        if (!Directory.Exists(Folder)) return [];
        foreach (var temp in Directory.EnumerateFiles(Folder, "*" + Extension + AtomicFile.TempSuffix))
            AtomicFile.TryDelete(temp);
        var snapshots = List();
        var deleted = new List<SnapshotInfo>();
        for (var i = 1; i < snapshots.Count - KeepLast; i++)
        {
            AtomicFile.TryDelete(snapshots[i].Path);
            deleted.Add(snapshots[i]);
        }
        return deleted;
    }

    /// <summary>The bytes of a snapshot file for <paramref name="state"/> (header and payload); validates the state first.</summary>
    public static byte[] Encode(SessionState state) => EncodeInto(state, StateBuffers.Writer()).ToArray();

    /// <summary>Header and payload written into <paramref name="buffer"/> (reused between writes).</summary>
    private static ReadOnlyMemory<byte> EncodeInto(SessionState state, ArrayBufferWriter<byte> buffer)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.EnsureValid();
        buffer.GetSpan(HeaderSize);
        buffer.Advance(HeaderSize);
        StateEncoding.Write(buffer, state);
        var bytes = MemoryMarshal.AsMemory(buffer.WrittenMemory).Span;
        var payload = bytes[HeaderSize..];
        Magic.CopyTo(bytes);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes[8..], FormatVersion);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes[10..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[12..], (uint)payload.Length);
        SHA256.HashData(payload, bytes.Slice(16, 32));
        return buffer.WrittenMemory;
    }

    /// <summary>Verifies and decodes the bytes of a snapshot file; throws <see cref="SnapshotCorruptException"/> naming the defect.</summary>
    public static SessionState Decode(ReadOnlyMemory<byte> memory, string source = "snapshot")
    {
        var bytes = memory.Span;
        if (bytes.Length < HeaderSize)
            throw new SnapshotCorruptException(source, SnapshotDefect.Truncated, $"truncated: {bytes.Length} bytes, shorter than the {HeaderSize}-byte header");
        if (!bytes[..8].SequenceEqual(Magic))
            throw new SnapshotCorruptException(source, SnapshotDefect.BadMagic, "not a snapshot file (bad magic bytes)");
        var version = BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]);
        if (version < 1 || version > FormatVersion)
            throw new SnapshotCorruptException(source, SnapshotDefect.UnsupportedVersion,
                $"format version {version}; this build reads versions 1 to {FormatVersion}");
        var length = BinaryPrimitives.ReadUInt32LittleEndian(bytes[12..]);
        if (length > MaxPayloadSize)
            throw new SnapshotCorruptException(source, SnapshotDefect.LengthMismatch, $"implausible payload length {length}");
        var actual = bytes.Length - HeaderSize;
        if (actual < length)
            throw new SnapshotCorruptException(source, SnapshotDefect.Truncated, $"truncated: {actual} of {length} payload bytes");
        if (actual > length)
            throw new SnapshotCorruptException(source, SnapshotDefect.LengthMismatch, $"{actual - length} bytes after the {length}-byte payload");
        var payload = bytes.Slice(HeaderSize, (int)length);
        Span<byte> checksum = stackalloc byte[32];
        SHA256.HashData(payload, checksum);
        if (!checksum.SequenceEqual(bytes.Slice(16, 32)))
            throw new SnapshotCorruptException(source, SnapshotDefect.ChecksumMismatch, "checksum mismatch");

        SessionState? state;
        try
        {
            state = StateEncoding.Read(memory.Slice(HeaderSize, (int)length));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new SnapshotCorruptException(source, SnapshotDefect.Undecodable, $"payload does not decode: {e.InnerException?.Message ?? e.Message}", e);
        }
        if (state is null)
            throw new SnapshotCorruptException(source, SnapshotDefect.Undecodable, "payload holds no state");
        var problems = state.Validate();
        if (problems.Count > 0)
            throw new SnapshotCorruptException(source, SnapshotDefect.InvalidState, "invalid state: " + string.Join("; ", problems));
        return state;
    }

    private static bool TryParseNumber(string fileName, out int number)
    {
        number = 0;
        var stem = fileName[..^Extension.Length];
        return stem.Length >= 6 && stem.All(char.IsAsciiDigit)
            && int.TryParse(stem, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0;
    }
}

/// <summary>One snapshot file: its number, path and size in bytes.</summary>
public sealed record SnapshotInfo(int Number, string Path, long Size)
{
    /// <summary>The number as written in file names and messages: <c>000007</c>.</summary>
    public string Name => Number.ToString("D6", CultureInfo.InvariantCulture);
}

/// <summary>Why a snapshot cannot be used.</summary>
public enum SnapshotDefect
{
    /// <summary>The file could not be read (I/O error, permissions).</summary>
    Unreadable,
    /// <summary>Shorter than its header, or than the payload length the header gives.</summary>
    Truncated,
    BadMagic,
    /// <summary>Written by a newer format version than this build reads.</summary>
    UnsupportedVersion,
    /// <summary>Longer than the header says, or an implausible length.</summary>
    LengthMismatch,
    ChecksumMismatch,
    /// <summary>The checksum holds but the payload is not a state (a bug, or a foreign writer).</summary>
    Undecodable,
    /// <summary>The state decodes but breaks an invariant.</summary>
    InvalidState,
}

/// <summary>A snapshot skipped by <see cref="SnapshotStore.LoadNewestValid"/> and why.</summary>
public sealed record SnapshotProblem(SnapshotInfo Snapshot, SnapshotDefect Defect, string Reason)
{
    /// <summary>E.g. <c>snapshot 000007 is corrupt (checksum mismatch)</c>.</summary>
    public override string ToString() => Defect == SnapshotDefect.UnsupportedVersion
        ? $"snapshot {Snapshot.Name} is unreadable ({Reason})"
        : $"snapshot {Snapshot.Name} is corrupt ({Reason})";
}

/// <summary>The outcome of <see cref="SnapshotStore.LoadNewestValid"/>.</summary>
/// <param name="State">The newest valid state, or null when no snapshot is usable.</param>
/// <param name="Source">The snapshot it came from.</param>
/// <param name="Skipped">Newer snapshots that were skipped, newest first, with their reasons.</param>
public sealed record SnapshotLoadResult(SessionState? State, SnapshotInfo? Source, IReadOnlyList<SnapshotProblem> Skipped)
{
    /// <summary>
    /// One line per skipped snapshot for the user, the last one saying what was used:
    /// <c>snapshot 000007 is corrupt (checksum mismatch); using 000006</c>. Empty when the newest was used.
    /// </summary>
    public IReadOnlyList<string> Warnings
    {
        get
        {
            var lines = Skipped.Select(s => s.ToString()).ToList();
            if (lines.Count > 0)
                lines[^1] += Source is null ? "; no valid snapshot left" : $"; using {Source.Name}";
            return lines;
        }
    }
}

/// <summary>A snapshot that failed a check; <see cref="Defect"/> says which.</summary>
public sealed class SnapshotCorruptException(string source, SnapshotDefect defect, string reason, Exception? inner = null)
    : Exception($"{source}: {reason}", inner)
{
    /// <summary>The file (or label) that was read.</summary>
    public string File { get; } = source;
    public SnapshotDefect Defect { get; } = defect;
    public string Reason { get; } = reason;
}
