using System.Text;

namespace Orchestrator.Llm.Models;

/// <summary>
/// Reads and checks a GGUF file's header (metadata and tensor table) without loading the weights, so a missing,
/// foreign, truncated or corrupt file is refused with its name before llama.cpp sees it (llama.cpp would abort or
/// print only a native log line).
/// </summary>
/// <remarks>
/// The tensor table gives each tensor's offset, shape and type; with the ggml block sizes that gives where the data
/// ends, so a file cut short is caught even when its header is whole. A tensor of a type this reader does not know
/// contributes only its offset (the check then is a lower bound, never a false alarm).
/// </remarks>
public static class GgufReader
{
    private const uint Magic = 0x46554747; // "GGUF" little-endian
    private const int DefaultAlignment = 32;
    private const long MaxStringBytes = 64L << 20;

    /// <exception cref="ModelFileException">The file is missing, unreadable, not GGUF, truncated or corrupt.</exception>
    public static GgufFacts Read(string path)
    {
        if (!File.Exists(path))
            throw new ModelFileException(path, Directory.Exists(path) ? "is a folder, not a GGUF model file" : "does not exist");
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            return Read(stream, path);
        }
        catch (EndOfStreamException)
        {
            throw new ModelFileException(path, "is truncated: the GGUF header ends before its metadata and tensor table do");
        }
        catch (IOException e)
        {
            throw new ModelFileException(path, $"cannot be read ({e.Message})");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new ModelFileException(path, $"cannot be read ({e.Message})");
        }
    }

    private static GgufFacts Read(FileStream stream, string path)
    {
        var length = stream.Length;
        if (length < 4)
            throw new ModelFileException(path, $"is not a GGUF model ({length} bytes; a GGUF file starts with the bytes 'GGUF')");
        var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (reader.ReadUInt32() != Magic)
            throw new ModelFileException(path, "is not a GGUF model (it does not start with the bytes 'GGUF')");
        var version = reader.ReadUInt32();
        if (version is < 2 or > 3)
            throw new ModelFileException(path, $"has GGUF version {version}; versions 2 and 3 are supported");
        var tensorCount = reader.ReadInt64();
        var kvCount = reader.ReadInt64();
        if (tensorCount < 0 || tensorCount > length || kvCount < 0 || kvCount > length)
            throw new ModelFileException(path, $"is corrupt: the header declares {tensorCount} tensors and {kvCount} metadata entries");

        var numbers = new Dictionary<string, long>(StringComparer.Ordinal);
        var architecture = "";
        var vocabulary = 0L;
        for (long i = 0; i < kvCount; i++)
        {
            var key = ReadString(reader, path);
            var type = reader.ReadUInt32();
            if (key == "general.architecture" && type == 8) { architecture = ReadString(reader, path); continue; }
            if (key == "tokenizer.ggml.tokens" && type == 9)
            {
                var itemType = reader.ReadUInt32();
                vocabulary = ReadCount(reader, path, length);
                for (long j = 0; j < vocabulary; j++) Skip(reader, itemType, path, length);
                continue;
            }
            if (TryReadInteger(reader, type, out var number)) numbers[key] = number;
            else Skip(reader, type, path, length);
        }

        var alignment = numbers.TryGetValue("general.alignment", out var a) && a > 0 ? a : DefaultAlignment;
        long dataSize = 0;
        for (long i = 0; i < tensorCount; i++)
        {
            var name = ReadString(reader, path);
            var dims = reader.ReadUInt32();
            if (dims > 8) throw new ModelFileException(path, $"is corrupt: tensor '{name}' has {dims} dimensions");
            long elements = 1;
            for (var d = 0; d < dims; d++)
            {
                var size = reader.ReadInt64();
                if (size < 0 || size > length * 8) throw new ModelFileException(path, $"is corrupt: tensor '{name}' has a dimension of {size}");
                elements = checked(elements * Math.Max(size, 1));
            }
            var ggmlType = reader.ReadUInt32();
            var offset = reader.ReadInt64();
            if (offset < 0 || offset > length) throw new ModelFileException(path, $"is truncated or corrupt: tensor '{name}' starts at data offset {offset}, past the end of the file");
            dataSize = Math.Max(dataSize, offset + GgmlTypes.Bytes(ggmlType, elements));
        }
        var dataStart = (stream.Position + alignment - 1) / alignment * alignment;
        var dataEnd = dataStart + dataSize;
        if (length < dataEnd)
            throw new ModelFileException(path, $"is truncated: its tensors need {dataEnd:N0} bytes but the file has {length:N0}");

        int Arch(string suffix) => numbers.TryGetValue($"{architecture}.{suffix}", out var v) ? (int)Math.Min(v, int.MaxValue) : 0;
        var heads = Arch("attention.head_count");
        var kvHeads = Arch("attention.head_count_kv");
        return new GgufFacts((int)version, architecture, Arch("context_length"), Arch("block_count"), Arch("embedding_length"),
            heads, kvHeads == 0 ? heads : kvHeads, (int)vocabulary, tensorCount, length, dataEnd);
    }

    private static string ReadString(BinaryReader reader, string path)
    {
        var bytes = reader.ReadInt64();
        if (bytes < 0 || bytes > MaxStringBytes)
            throw new ModelFileException(path, $"is corrupt: a metadata string claims {bytes} bytes");
        var data = reader.ReadBytes((int)bytes);
        if (data.Length != bytes) throw new EndOfStreamException();
        return Encoding.UTF8.GetString(data);
    }

    private static long ReadCount(BinaryReader reader, string path, long fileLength)
    {
        var count = reader.ReadInt64();
        if (count < 0 || count > fileLength)
            throw new ModelFileException(path, $"is corrupt: a metadata array claims {count} items");
        return count;
    }

    // GGUF metadata value types: 0 u8, 1 i8, 2 u16, 3 i16, 4 u32, 5 i32, 6 f32, 7 bool, 8 string, 9 array, 10 u64, 11 i64, 12 f64.
    private static bool TryReadInteger(BinaryReader reader, uint type, out long value)
    {
        switch (type)
        {
            case 0: value = reader.ReadByte(); return true;
            case 1: value = reader.ReadSByte(); return true;
            case 2: value = reader.ReadUInt16(); return true;
            case 3: value = reader.ReadInt16(); return true;
            case 4: value = reader.ReadUInt32(); return true;
            case 5: value = reader.ReadInt32(); return true;
            case 10: value = (long)Math.Min(reader.ReadUInt64(), long.MaxValue); return true;
            case 11: value = reader.ReadInt64(); return true;
            default: value = 0; return false;
        }
    }

    private static void Skip(BinaryReader reader, uint type, string path, long fileLength)
    {
        switch (type)
        {
            case 0 or 1 or 7: reader.BaseStream.Seek(1, SeekOrigin.Current); break;
            case 2 or 3: reader.BaseStream.Seek(2, SeekOrigin.Current); break;
            case 4 or 5 or 6: reader.BaseStream.Seek(4, SeekOrigin.Current); break;
            case 10 or 11 or 12: reader.BaseStream.Seek(8, SeekOrigin.Current); break;
            case 8: ReadString(reader, path); break;
            case 9:
                var itemType = reader.ReadUInt32();
                var count = ReadCount(reader, path, fileLength);
                for (long i = 0; i < count; i++) Skip(reader, itemType, path, fileLength);
                break;
            default: throw new ModelFileException(path, $"is corrupt: unknown metadata value type {type}");
        }
        if (reader.BaseStream.Position > fileLength) throw new EndOfStreamException();
    }
}
