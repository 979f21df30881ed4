using System.Text;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Loading;

/// <summary>
/// A folder of chapter files read as one manuscript. Every .txt, .md and .docx file directly in the folder
/// (hidden files and Word's <c>~$</c> lock files aside) is one chapter, in <see cref="ChapterFileNames.Order"/>,
/// and they are joined into one Markdown text: <c># folder name</c>, then per file a <c>##</c> chapter heading
/// (the file's own first line when it is a heading, else one made from the file name) and the file's text with
/// its Markdown headings one level deeper. That text, as UTF-8, is the manuscript's bytes: the same folder always
/// joins to the same bytes and so hashes the same, and the joined copy a session keeps loads back to the same
/// document (<see cref="ManuscriptLoader.Load(string, byte[], ManuscriptLoadOptions?)"/> with the folder path).
/// </summary>
internal static class ChapterFolder
{
    /// <summary>The reader of joined text: Markdown, already UTF-8.</summary>
    public static IManuscriptFormatReader JoinedReader { get; } = new PlainTextFormatReader(TextMarkup.Markdown);

    /// <summary>A folder's display path ends with a separator: that is how a path names a chapter folder even once it is gone.</summary>
    public static string DisplayPath(string folder) => Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar;

    public static bool IsFolderPath(string path) => path.Length > 1 && Path.EndsInDirectorySeparator(path);

    /// <summary>The chapter files of <paramref name="folder"/>, in chapter order.</summary>
    public static IReadOnlyList<string> ChapterFiles(string folder)
    {
        var files = new List<string>();
        foreach (var file in Candidates(folder))
        {
            if (ManuscriptFormats.Find(Path.GetExtension(file.AsSpan())) is null) continue;
            files.Add(file);
        }
        files.Sort(ChapterFileNames.Order);
        return files;
    }

    /// <summary>Whether a chapter file of <paramref name="folder"/> is a .docx (whether or not this process reads them: <see cref="DocxSupport"/>).</summary>
    public static bool HasDocx(string folder) =>
        Candidates(folder).Any(f => Path.GetExtension(f.AsSpan()).Equals(DocxFormatReader.Extension, StringComparison.OrdinalIgnoreCase));

    // Hidden files and Word's lock files (~$Chapter 1.docx) are never chapters.
    private static IEnumerable<string> Candidates(string folder) =>
        Directory.EnumerateFiles(folder).Where(file =>
            Path.GetFileName(file) is var name && !name.StartsWith('.') && !name.StartsWith("~$", StringComparison.Ordinal));

    /// <summary>Reads, decodes and joins the chapters; returns the joined UTF-8 bytes and a note of the encodings that were not UTF-8.</summary>
    public static async Task<(byte[] Bytes, string Encoding)> JoinAsync(string folder, ManuscriptLoadOptions options,
        Func<string, CancellationToken, Task<byte[]>> readFile, CancellationToken ct)
    {
        var display = DisplayPath(folder);
        IReadOnlyList<string> files;
        try
        {
            files = ChapterFiles(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ManuscriptLoadException(display, LoadFailureReason.Unreadable, $"the folder cannot be read ({ex.Message})", inner: ex);
        }
        if (files.Count == 0)
        {
            throw new ManuscriptLoadException(display, LoadFailureReason.Empty,
                $"the folder holds no chapter files ({string.Join(", ", ManuscriptFormats.Extensions)})");
        }

        var text = new StringBuilder();
        text.Append("# ").Append(Path.GetFileName(Path.TrimEndingDirectorySeparator(folder))).Append("\n\n");
        var otherEncodings = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var bytes = await readFile(file, ct).ConfigureAwait(false);
            var reader = ManuscriptFormats.Find(Path.GetExtension(file.AsSpan()))!;
            var chapter = reader.Read(file, bytes, options);
            if (chapter.Encoding != "utf-8")
            {
                if (!otherEncodings.TryGetValue(chapter.Encoding, out var names)) otherEncodings[chapter.Encoding] = names = [];
                names.Add(Path.GetFileName(file));
            }
            AppendChapter(text, chapter.Text, Path.GetFileName(file));
        }
        var encoding = otherEncodings.Count == 0
            ? "utf-8"
            : string.Join("; ", otherEncodings.Select(e => $"{e.Key} in {string.Join(", ", e.Value)}"));
        return (Encoding.UTF8.GetBytes(text.ToString()), encoding);
    }

    /// <summary>One chapter: its heading at level 2, then its text with Markdown headings demoted one level.</summary>
    private static void AppendChapter(StringBuilder joined, string chapter, string fileName)
    {
        var lines = chapter.AsSpan();
        bool headed = false, inYaml = false, afterHeading = false;
        foreach (var range in lines.Split('\n'))
        {
            var line = lines[range];
            if (!headed)
            {
                if (line.IsWhiteSpace()) continue;
                if (!inYaml && line.TrimEnd().SequenceEqual("---"))
                {
                    // YAML front matter of a Markdown chapter is metadata, not text.
                    inYaml = true;
                    continue;
                }
                if (inYaml)
                {
                    if (line.TrimEnd().SequenceEqual("---") || line.TrimEnd().SequenceEqual("...")) inYaml = false;
                    continue;
                }
                headed = afterHeading = true;
                var trimmed = line.Trim();
                if (AtxLevel(trimmed) > 0 || HeadingParser.TryParse(trimmed, out var match) && !match.IsPart)
                {
                    joined.Append("## ").Append(trimmed.TrimStart('#').Trim()).Append("\n\n");
                    continue;
                }
                joined.Append("## ").Append(HeadingFromFileName(fileName)).Append("\n\n");
            }
            if (afterHeading)
            {
                if (line.IsWhiteSpace()) continue;
                afterHeading = false;
            }
            if (AtxLevel(line) is > 0 and < 6) joined.Append('#');
            joined.Append(line).Append('\n');
        }
        if (!headed) joined.Append("## ").Append(HeadingFromFileName(fileName)).Append("\n\n");
        while (joined.Length > 1 && joined[^1] == '\n' && joined[^2] == '\n') joined.Length--;
        joined.Append('\n');
    }

    /// <summary>1-6 for an ATX heading line (<c>## Title</c>), else 0.</summary>
    private static int AtxLevel(ReadOnlySpan<char> line)
    {
        int level = line.IndexOfAnyExcept('#');
        return level is > 0 and <= 6 && char.IsWhiteSpace(line[level]) ? level : 0;
    }

    /// <summary>
    /// A chapter heading made from a file name, capitalised: the name itself when it reads as a chapter heading
    /// (<c>chapter-01</c> as "Chapter 01", <c>prologue</c> as "Prologue"); a leading number as "Chapter N. Rest"
    /// (<c>03 - The Storm</c> as "Chapter 3. The Storm"); else the name with dashes and underscores as spaces.
    /// </summary>
    internal static string HeadingFromFileName(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName);
        var cleaned = string.Join(' ', name.Split([' ', '-', '_', '\t'], StringSplitOptions.RemoveEmptyEntries));
        if (cleaned.Length > 0 && char.IsLower(cleaned[0])) cleaned = char.ToUpperInvariant(cleaned[0]) + cleaned[1..];
        if (HeadingParser.TryParse(cleaned, out var match) && !match.IsPart && match.Form != HeadingForm.NumberAlone)
            return cleaned;
        int digits = 0;
        while (digits < cleaned.Length && char.IsAsciiDigit(cleaned[digits])) digits++;
        if (digits > 0)
        {
            var number = cleaned[..digits].TrimStart('0');
            var rest = cleaned[digits..].Trim(' ', '.', ':', ',');
            var heading = "Chapter " + (number.Length == 0 ? "0" : number);
            return rest.Length == 0 ? heading : $"{heading}. {rest}";
        }
        return cleaned.Length == 0 ? name : cleaned;
    }
}
