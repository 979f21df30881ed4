using System.Buffers.Binary;
using System.Security.Cryptography;
using MessagePack;
using Orchestrator.Engine.State;

namespace Orchestrator.Engine.Tests.State;

[TestFixture]
public sealed class SnapshotStoreTests
{
    private const string FixtureName = "session-v1.msgpack";
    private SnapshotStore _store = null!;

    [SetUp]
    public void SetUp() => _store = new SnapshotStore(Path.Combine(StateSamples.NewFolder(), "snapshots"), keepLast: 3);

    [Test]
    public void Snapshots_are_numbered_and_read_back_equal()
    {
        var first = _store.Write(StateSamples.Full());
        var second = _store.Write(StateSamples.Full() with { Iteration = 3 });
        Assert.That(first, Has.Property(nameof(SnapshotInfo.Number)).EqualTo(1).And.Property(nameof(SnapshotInfo.Name)).EqualTo("000001"));
        Assert.That(Path.GetFileName(second.Path), Is.EqualTo("000002.msgpack"));
        Assert.That(second.Size, Is.EqualTo(new FileInfo(second.Path).Length));
        Assert.That(_store.Read(1), Is.EqualTo(StateSamples.Full()));
        Assert.That(_store.Read(2).Iteration, Is.EqualTo(3));
        Assert.That(Directory.GetFiles(_store.Folder, "*.tmp"), Is.Empty, "no temporary file is left");
    }

    [Test]
    public void The_header_is_as_documented()
    {
        var state = StateSamples.Full();
        var bytes = File.ReadAllBytes(_store.Write(state).Path);
        var payload = bytes.AsSpan(SnapshotStore.HeaderSize).ToArray();
        Assert.That(bytes[..8], Is.EqualTo("ORCHSNAP"u8.ToArray()));
        Assert.That(BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)), Is.EqualTo(1));
        Assert.That(BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(10)), Is.Zero);
        Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(12)), Is.EqualTo(payload.Length));
        Assert.That(bytes[16..48], Is.EqualTo(SHA256.HashData(payload)));
        Assert.That(MessagePackSerializer.Deserialize<SessionState>(payload), Is.EqualTo(state));
    }

    [Test]
    public void A_flipped_byte_is_a_checksum_mismatch()
    {
        var path = _store.Write(StateSamples.Full()).Path;
        var bytes = File.ReadAllBytes(path);
        bytes[SnapshotStore.HeaderSize + bytes.Length / 2 - 24] ^= 0x01;
        File.WriteAllBytes(path, bytes);
        Assert.That(() => _store.Read(1), Throws.TypeOf<SnapshotCorruptException>()
            .With.Property(nameof(SnapshotCorruptException.Defect)).EqualTo(SnapshotDefect.ChecksumMismatch)
            .And.Property(nameof(SnapshotCorruptException.Reason)).EqualTo("checksum mismatch"));
    }

    [TestCase(10, SnapshotDefect.Truncated, "truncated: 10 bytes, shorter than the 48-byte header")]
    [TestCase(0, SnapshotDefect.Truncated, "truncated: 0 bytes, shorter than the 48-byte header")]
    [TestCase(100, SnapshotDefect.Truncated, "truncated: 52 of ")]
    public void A_truncated_snapshot_is_detected(int keep, SnapshotDefect defect, string reason)
    {
        var path = _store.Write(StateSamples.Full()).Path;
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..keep]);
        Assert.That(() => _store.Read(1), Throws.TypeOf<SnapshotCorruptException>()
            .With.Property(nameof(SnapshotCorruptException.Defect)).EqualTo(defect)
            .And.Property(nameof(SnapshotCorruptException.Reason)).StartsWith(reason));
    }

    [Test]
    public void Bad_magic_newer_version_and_trailing_bytes_are_detected()
    {
        var bytes = SnapshotStore.Encode(StateSamples.Full());
        var magic = bytes.ToArray();
        magic[0] = (byte)'X';
        var newer = bytes.ToArray();
        BinaryPrimitives.WriteUInt16LittleEndian(newer.AsSpan(8), 2);
        var longer = bytes.Append((byte)0).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(Defect(magic), Is.EqualTo(SnapshotDefect.BadMagic));
            Assert.That(Defect(newer), Is.EqualTo(SnapshotDefect.UnsupportedVersion));
            Assert.That(Defect(longer), Is.EqualTo(SnapshotDefect.LengthMismatch));
        });
    }

    [Test]
    public void A_payload_that_passes_the_checksum_but_breaks_an_invariant_is_rejected()
    {
        var state = StateSamples.Full();
        var invalid = state.WithNode(state.Nodes[0] with { Result = null });
        Assert.That(() => _store.Write(invalid), Throws.TypeOf<InvalidSessionStateException>());
        Assert.That(_store.List(), Is.Empty, "an invalid state is never written");

        var bytes = Envelope(MessagePackSerializer.Serialize(invalid));
        Assert.That(() => SnapshotStore.Decode(bytes), Throws.TypeOf<SnapshotCorruptException>()
            .With.Property(nameof(SnapshotCorruptException.Defect)).EqualTo(SnapshotDefect.InvalidState)
            .And.Property(nameof(SnapshotCorruptException.Reason)).Contains("node 'structure' is Succeeded but has no result"));

        var garbage = Envelope([0x92, 0x01]);
        Assert.That(Defect(garbage), Is.EqualTo(SnapshotDefect.Undecodable));
    }

    [Test]
    public void The_newest_valid_snapshot_is_used_and_every_skipped_one_is_named()
    {
        for (var i = 1; i <= 3; i++) _store.Write(StateSamples.Full() with { Iteration = i + 1 });
        var newest = _store.List()[^1].Path;
        var payloadLength = new FileInfo(newest).Length - SnapshotStore.HeaderSize;
        File.WriteAllBytes(newest, File.ReadAllBytes(newest)[..200]);

        var result = _store.LoadNewestValid(StateSamples.Id);
        Assert.That(result.State!.Iteration, Is.EqualTo(3));
        Assert.That(result.Source!.Number, Is.EqualTo(2));
        Assert.That(result.Warnings, Is.EqualTo(new[] { $"snapshot 000003 is corrupt (truncated: 152 of {payloadLength} payload bytes); using 000002" }));

        var second = _store.List()[1].Path;
        var bytes = File.ReadAllBytes(second);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(second, bytes);
        result = _store.LoadNewestValid();
        Assert.That(result.Source!.Number, Is.EqualTo(1));
        Assert.That(result.Warnings[^1], Is.EqualTo("snapshot 000002 is corrupt (checksum mismatch); using 000001"));
        Assert.That(result.Skipped.Select(s => s.Defect), Is.EqualTo(new[] { SnapshotDefect.Truncated, SnapshotDefect.ChecksumMismatch }));
    }

    [Test]
    public void A_snapshot_of_another_session_is_skipped()
    {
        _store.Write(StateSamples.Full());
        _store.Write(StateSamples.Full("someone_else"));
        var result = _store.LoadNewestValid(StateSamples.Id);
        Assert.That(result.Source!.Number, Is.EqualTo(1));
        Assert.That(result.Warnings.Single(), Is.EqualTo($"snapshot 000002 is corrupt (it belongs to session someone_else, not {StateSamples.Id}); using 000001"));
    }

    [Test]
    public void Nothing_valid_gives_no_state_and_says_so()
    {
        Assert.That(_store.LoadNewestValid(), Has.Property(nameof(SnapshotLoadResult.State)).Null.And.Property(nameof(SnapshotLoadResult.Warnings)).Empty);
        var path = _store.Write(StateSamples.Full()).Path;
        File.WriteAllBytes(path, []);
        var result = _store.LoadNewestValid();
        Assert.That(result.State, Is.Null);
        Assert.That(result.Warnings.Single(), Is.EqualTo("snapshot 000001 is corrupt (truncated: 0 bytes, shorter than the 48-byte header); no valid snapshot left"));
    }

    [Test]
    public void Retention_keeps_the_first_and_the_last_n()
    {
        for (var i = 1; i <= 12; i++) _store.Write(StateSamples.Full() with { Iteration = i + 1 });
        File.WriteAllBytes(Path.Combine(_store.Folder, "000013.msgpack.tmp"), [1, 2, 3]);
        Assert.That(_store.List().Select(s => s.Number), Is.EqualTo(new[] { 1, 10, 11, 12 }));
        _store.Write(StateSamples.Full() with { Iteration = 14 });
        Assert.That(_store.List().Select(s => s.Number), Is.EqualTo(new[] { 1, 11, 12, 13 }));
        Assert.That(Directory.GetFiles(_store.Folder).Select(Path.GetFileName), Is.EquivalentTo(new[]
        {
            "000001.msgpack", "000011.msgpack", "000012.msgpack", "000013.msgpack",
        }), "the temporary file a crash left is pruned too");
        Assert.That(_store.Read(1).Iteration, Is.EqualTo(2), "the first snapshot is kept");
    }

    [Test]
    public void The_format_1_fixture_still_loads()
    {
        var path = StateSamples.FixturePath(FixtureName);
        Assert.That(File.Exists(path), Is.True, $"fixture {path}");
        var state = SnapshotStore.ReadFile(path);
        Assert.That(state, Is.EqualTo(StateSamples.FixtureV1()));
        Assert.That(state.SchemaVersion, Is.EqualTo(1));
    }

    /// <summary>Writes the fixture from <see cref="StateSamples.FixtureV1"/>; run by hand only, then commit the file. Never rewrite it once committed.</summary>
    [Test, Explicit("writes the committed format-1 fixture")]
    public void Write_the_format_1_fixture()
    {
        var path = StateSamples.FixturePath(FixtureName);
        Assume.That(File.Exists(path), Is.False, "the fixture exists; a committed fixture is never rewritten");
        File.WriteAllBytes(path, SnapshotStore.Encode(StateSamples.FixtureV1()));
    }

    private static SnapshotDefect Defect(byte[] bytes)
    {
        try
        {
            SnapshotStore.Decode(bytes);
        }
        catch (SnapshotCorruptException e)
        {
            return e.Defect;
        }
        Assert.Fail("the snapshot was accepted");
        return default;
    }

    /// <summary>A snapshot file built by hand from the documented layout.</summary>
    private static byte[] Envelope(byte[] payload)
    {
        var bytes = new byte[SnapshotStore.HeaderSize + payload.Length];
        "ORCHSNAP"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(12), (uint)payload.Length);
        SHA256.HashData(payload).CopyTo(bytes, 16);
        payload.CopyTo(bytes, SnapshotStore.HeaderSize);
        return bytes;
    }
}
