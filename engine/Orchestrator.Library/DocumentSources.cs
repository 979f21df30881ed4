using Orchestrator.Manuscripts.Loading;

namespace Orchestrator.Library;

/// <summary>
/// What <c>library add</c> reads from the paths it is given: a file is one document; a folder whose .txt, .md and .docx
/// files are all named as chapters (<see cref="ChapterFileNames"/>) is one document, as <c>run</c> reads it; any other
/// folder gives each of those files as a document (hidden files and Word lock files left out). A document is known in
/// the library by its file name (a chapter folder by its name and a '/').
/// </summary>
public static class DocumentSources
{
    public static IReadOnlyList<(string Path, string Name)> Expand(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (File.Exists(path)) return [(path, System.IO.Path.GetFileName(path))];
        if (!Directory.Exists(path)) throw new ManuscriptLoadException(path, LoadFailureReason.NotFound, "file or folder not found");
        var files = Directory.EnumerateFiles(path)
            .Where(f => IsSupported(f) && !IsHidden(System.IO.Path.GetFileName(f)))
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (files.Length == 0)
            throw new ManuscriptLoadException(path, LoadFailureReason.NotFound,
                $"the folder holds no {string.Join(", ", ManuscriptLoader.SupportedExtensions)} file");
        var folderName = System.IO.Path.GetFileName(System.IO.Path.TrimEndingDirectorySeparator(path));
        if (files.All(f => ChapterFileNames.IsChapterName(System.IO.Path.GetFileName(f))))
            return [(path, folderName + "/")];
        return files.Select(f => (f, System.IO.Path.GetFileName(f))).ToArray();
    }

    private static bool IsSupported(string file) =>
        ManuscriptLoader.SupportedExtensions.Contains(System.IO.Path.GetExtension(file).ToLowerInvariant());

    private static bool IsHidden(string name) => name.StartsWith('.') || name.StartsWith("~$", StringComparison.Ordinal);
}
