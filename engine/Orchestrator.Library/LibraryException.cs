namespace Orchestrator.Library;

/// <summary>
/// A library that cannot be used: missing, damaged, not a library at all (another program's SQLite file or any other
/// file), or made by a newer version. The message names the file and says what is wrong; hosts map it to one exit code.
/// </summary>
public sealed class LibraryException : Exception
{
    public LibraryException(string path, string problem, Exception? inner = null)
        : base($"{path}: {problem}", inner)
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>The library's database file.</summary>
    public string Path { get; }

    /// <summary>What is wrong, without the file name.</summary>
    public string Problem { get; }
}
