using System.Security.Cryptography;
using Orchestrator.Engine.Files;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Loading;

/// <summary>
/// Reads a manuscript file (.txt, .md, .docx) or a folder of chapter files into its immutable
/// <see cref="ManuscriptDocument"/>: picks the format reader by extension, decodes the bytes (UTF-8 with or
/// without BOM, UTF-16/UTF-32 with BOM; strict by default), hashes them (SHA-256), finds the title and builds
/// the text index once. A folder is joined by <see cref="ChapterFolder"/>; its path gets a trailing separator.
/// Every refusal is a <see cref="ManuscriptLoadException"/> whose message names the file and the reason.
/// </summary>
public static class ManuscriptLoader
{
    /// <summary>Extensions that can be loaded, lower-case with the dot.</summary>
    public static IReadOnlyList<string> SupportedExtensions => ManuscriptFormats.Extensions;

    /// <summary>
    /// Whether loading <paramref name="path"/> would read a .docx file: the path names one, or a folder with one among its
    /// chapter files. For a host without <see cref="DocxSupport"/>, before it loads; false when the folder cannot be read
    /// (loading then says why).
    /// </summary>
    public static bool ReadsDocx(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!Directory.Exists(path))
            return Path.GetExtension(path.AsSpan()).Equals(DocxFormatReader.Extension, StringComparison.OrdinalIgnoreCase);
        try
        {
            return ChapterFolder.HasDocx(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <inheritdoc cref="LoadAsync(string, ManuscriptLoadOptions, CancellationToken)"/>
    public static Task<ManuscriptDocument> LoadAsync(string path, CancellationToken ct) =>
        LoadAsync(path, ManuscriptLoadOptions.Default, ct);

    /// <summary>Reads and indexes the file at <paramref name="path"/> (kept as given, for messages and
    /// <see cref="ManuscriptDocument.SourcePath"/>); a folder is read as chapter files (<see cref="LoadChapterFolderAsync"/>).</summary>
    /// <exception cref="ManuscriptLoadException">Missing, unreadable, empty, binary, undecodable or of an unsupported format.</exception>
    public static async Task<ManuscriptDocument> LoadAsync(string path, ManuscriptLoadOptions options, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        if (Directory.Exists(path))
            return await LoadChapterFolderAsync(path, options, ct).ConfigureAwait(false);
        var reader = FindReader(path);
        byte[] bytes = await ReadAllBytesAsync(path, options, ct).ConfigureAwait(false);
        ct.ThrowIfCancellationRequested();
        return Load(path, bytes, reader, options);
    }

    /// <summary>
    /// Joins the chapter files of <paramref name="folder"/> into one manuscript (see <see cref="ChapterFolder"/> for
    /// the rules): each file decoded with <paramref name="options"/>, the joined text hashed as UTF-8. The document's
    /// <see cref="ManuscriptDocument.SourcePath"/> is the folder with a trailing separator, and its
    /// <see cref="ManuscriptDocument.Encoding"/> is <c>utf-8</c> or names the chapters read otherwise
    /// (<c>windows-1252 in Chapter 3.txt</c>).
    /// </summary>
    /// <exception cref="ManuscriptLoadException">The folder is missing, holds no chapter file, or a chapter file is refused (the message names it).</exception>
    public static async Task<ManuscriptDocument> LoadChapterFolderAsync(string folder, ManuscriptLoadOptions options, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(options);
        var display = ChapterFolder.DisplayPath(folder);
        if (!Directory.Exists(folder))
            throw new ManuscriptLoadException(display, LoadFailureReason.NotFound, "folder not found");
        var (bytes, encoding) = await ChapterFolder.JoinAsync(folder, options, (file, token) => ReadAllBytesAsync(file, options, token), ct)
            .ConfigureAwait(false);
        return Load(display, bytes, ChapterFolder.JoinedReader, options, encoding);
    }

    /// <summary>Decodes and indexes bytes already in memory; <paramref name="displayPath"/> chooses the
    /// format by its extension and names the file in messages (a path ending in a separator: the joined
    /// text of a chapter folder, as <see cref="LoadChapterFolderAsync"/> made it).</summary>
    /// <exception cref="ManuscriptLoadException">Empty, binary, undecodable or of an unsupported format.</exception>
    public static ManuscriptDocument Load(string displayPath, ReadOnlySpan<byte> bytes, ManuscriptLoadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(displayPath);
        return Load(displayPath, bytes, FindReader(displayPath), options ?? ManuscriptLoadOptions.Default);
    }

    /// <inheritdoc cref="Load(string, ReadOnlySpan{byte}, ManuscriptLoadOptions?)"/>
    public static ManuscriptDocument Load(string displayPath, byte[] bytes, ManuscriptLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return Load(displayPath, bytes.AsSpan(), options);
    }

    private static ManuscriptDocument Load(string displayPath, ReadOnlySpan<byte> bytes, IManuscriptFormatReader reader,
        ManuscriptLoadOptions options, string? encoding = null)
    {
        var decoded = reader.Read(displayPath, bytes, options);
        string hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        string title = TitleDetector.Detect(decoded.Text, decoded.Markup)
            ?? Path.GetFileNameWithoutExtension(Path.TrimEndingDirectorySeparator(displayPath));
        return TextIndexer.Build(decoded.Text, title, hash, displayPath,
            new TextIndexOptions { Markup = decoded.Markup, Encoding = encoding ?? decoded.Encoding });
    }

    private static IManuscriptFormatReader FindReader(string path)
    {
        if (ChapterFolder.IsFolderPath(path))
            return ChapterFolder.JoinedReader;
        var extension = Path.GetExtension(path.AsSpan());
        var reader = ManuscriptFormats.Find(extension);
        if (reader is not null)
            return reader;
        string supported = string.Join(", ", SupportedExtensions);
        string detail = extension.IsEmpty
            ? $"no file extension, so no known format (supported: {supported})"
            : $"unsupported format '{extension}' (supported: {supported})";
        throw new ManuscriptLoadException(path, LoadFailureReason.UnsupportedFormat, detail);
    }

    private static async Task<byte[]> ReadAllBytesAsync(string path, ManuscriptLoadOptions options, CancellationToken ct)
    {
        // Checked before opening: opening a FIFO blocks until a writer comes, and a device never ends.
        switch (FileKinds.Of(path))
        {
            case FileKind.Missing:
                throw new ManuscriptLoadException(path, LoadFailureReason.NotFound, "file not found");
            case FileKind.Directory:
                throw new ManuscriptLoadException(path, LoadFailureReason.Unreadable, "is a directory, not a file");
            case FileKind.Regular:
                break;
            case var other:
                throw new ManuscriptLoadException(path, LoadFailureReason.Unreadable, $"is {FileKinds.Describe(other)}, not a regular file");
        }
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read,
                bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
            long length = stream.Length;
            if (length > options.MaxBytes)
            {
                throw new ManuscriptLoadException(path, LoadFailureReason.Unreadable,
                    $"too large to be a manuscript ({length:N0} bytes; the limit is {options.MaxBytes:N0}, the maxManuscriptSize setting)");
            }
            var bytes = new byte[length];
            int read = 0;
            while (read < bytes.Length)
            {
                int n = await stream.ReadAsync(bytes.AsMemory(read), ct).ConfigureAwait(false);
                if (n == 0)
                    break;
                read += n;
            }
            return read == bytes.Length ? bytes : bytes[..read];
        }
        catch (FileNotFoundException ex)
        {
            throw new ManuscriptLoadException(path, LoadFailureReason.NotFound, "file not found", inner: ex);
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new ManuscriptLoadException(path, LoadFailureReason.NotFound, "file not found (no such folder)", inner: ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new ManuscriptLoadException(path, LoadFailureReason.Unreadable, "cannot be read (access denied)", inner: ex);
        }
        catch (IOException ex)
        {
            throw new ManuscriptLoadException(path, LoadFailureReason.Unreadable, $"cannot be read ({ex.Message})", inner: ex);
        }
    }
}
