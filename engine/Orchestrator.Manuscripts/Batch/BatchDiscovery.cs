using System.IO.Enumeration;
using Orchestrator.Manuscripts.Loading;

namespace Orchestrator.Manuscripts.Batch;

/// <summary>
/// Finds the manuscripts of a batch folder:
/// <list type="bullet">
/// <item>each file in the folder that matches a pattern is one manuscript;</item>
/// <item>each sub-folder whose manuscript files (.txt, .md, .docx) are all named as chapters
/// (<see cref="ChapterFileNames.IsChapterName"/>: <c>chapter-01.md</c>, <c>Chapter 2.txt</c>, <c>03 - The Storm.md</c>,
/// <c>prologue.md</c>) is one manuscript, its files joined in chapter order, when at least one of them matches a
/// pattern; its own sub-folders are not looked into;</item>
/// <item>any other sub-folder is looked into only with <see cref="BatchDiscoveryOptions.Recursive"/>, by the same rules;</item>
/// <item>hidden files and folders (a leading '.'), Word lock files (<c>~$</c>) and the excluded folders are passed over.</item>
/// </list>
/// Manuscripts are listed in natural order of their relative paths, so a run's order does not depend on the file system.
/// Nothing is read but names: loading happens when a manuscript's turn comes.
/// </summary>
public static class BatchDiscovery
{
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static BatchPlan Discover(string folder, BatchDiscoveryOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(options);
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"{folder}: folder not found");
        var exclude = options.Exclude.Select(e => Path.TrimEndingDirectorySeparator(Path.GetFullPath(e))).ToHashSet(StringComparer.Ordinal);
        var found = new List<(string Name, string Path, bool Folder)>();
        var notes = new List<string>();
        var visited = new HashSet<string>(StringComparer.Ordinal) { RealPath(root) };
        var files = new HashSet<string>(StringComparer.Ordinal);
        Walk(root, root, options, exclude, visited, files, found, notes);

        found.Sort((a, b) =>
        {
            int c = ChapterFileNames.CompareNatural(a.Name, b.Name);
            return c != 0 ? c : string.CompareOrdinal(a.Name, b.Name);
        });
        var items = OutputNames(found);
        return new BatchPlan(root, items, notes);
    }

    /// <summary>
    /// <paramref name="visited"/> holds the real paths of the folders walked and <paramref name="files"/> those of the
    /// files taken: a link back into the tree (<c>self -&gt; .</c>) is not followed, and a file reached twice is taken once.
    /// </summary>
    private static void Walk(string root, string folder, BatchDiscoveryOptions options, HashSet<string> exclude,
        HashSet<string> visited, HashSet<string> files, List<(string, string, bool)> found, List<string> notes)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var name = Path.GetFileName(file);
            if (IsHidden(name) || !Matches(name, options.Patterns) || !files.Add(RealPath(file))) continue;
            found.Add((Relative(root, file), file, false));
        }
        foreach (var sub in Directory.EnumerateDirectories(folder))
        {
            if (IsHidden(Path.GetFileName(sub)) || exclude.Contains(sub)) continue;
            if (!visited.Add(RealPath(sub)))
            {
                notes.Add($"{Relative(root, sub)}/: passed over: a link to a folder already taken");
                continue;
            }
            var chapters = ChapterFolder.ChapterFiles(sub);
            if (chapters.Count > 0 && chapters.All(c => ChapterFileNames.IsChapterName(Path.GetFileName(c))))
            {
                if (chapters.Any(c => Matches(Path.GetFileName(c), options.Patterns)))
                    found.Add((Relative(root, sub) + "/", sub, true));
                continue;
            }
            if (options.Recursive)
                Walk(root, sub, options, exclude, visited, files, found, notes);
            else if (Directory.EnumerateFiles(sub).Any(f => Matches(Path.GetFileName(f), options.Patterns)))
                notes.Add($"{Relative(root, sub)}/: passed over: its files are not all named as chapters (--recursive takes each as a manuscript)");
        }
    }

    /// <summary>Output sub-folder names: the relative path without extension, '/' as '_'; names that would clash keep their extension.</summary>
    private static IReadOnlyList<BatchItem> OutputNames(List<(string Name, string Path, bool Folder)> found)
    {
        static string Bare((string Name, string Path, bool Folder) f) =>
            (f.Folder ? f.Name.TrimEnd('/') : Path.ChangeExtension(f.Name, null)).Replace('/', '_');
        var clashes = found.GroupBy(Bare, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var items = new List<BatchItem>(found.Count);
        foreach (var f in found)
        {
            var name = Bare(f);
            if (clashes.Contains(name)) name = f.Name.TrimEnd('/').Replace('/', '_');
            var unique = name;
            for (int n = 2; !used.Add(unique); n++) unique = $"{name}-{n}";
            items.Add(new BatchItem(f.Name, f.Path, f.Folder, unique));
        }
        return items;
    }

    /// <summary>The path with every link in it resolved, as far as .NET can tell: each ancestor that is a link is followed.</summary>
    private static string RealPath(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var parent = Path.GetDirectoryName(full);
        var real = parent is null ? full : Path.Combine(RealPath(parent), Path.GetFileName(full));
        try
        {
            var info = new FileInfo(real);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
                return RealPath(target.FullName);
        }
        catch (IOException)
        {
            // A link that cannot be resolved (a loop of links): its own path stands for it.
        }
        return real;
    }

    private static bool Matches(string name, IReadOnlyList<string> patterns)
    {
        foreach (var pattern in patterns)
            if (FileSystemName.MatchesSimpleExpression(pattern, name, ignoreCase: true)) return true;
        return false;
    }

    private static bool IsHidden(string name) => name.StartsWith('.') || name.StartsWith("~$", StringComparison.Ordinal);

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
