using System.Text.RegularExpressions;

namespace Orchestrator.Library;

/// <summary>Where a named library lives: <c>&lt;data&gt;/library/&lt;name&gt;.db</c>, with names that are safe as file names.</summary>
public static partial class LibraryLocation
{
    public const string FolderName = "library";
    public const string Extension = ".db";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    /// <summary>True when <paramref name="name"/> is a valid library name: a letter or digit, then up to 63 letters, digits, '.', '_' or '-'.</summary>
    public static bool IsValidName(string name) => NamePattern().IsMatch(name) && !name.EndsWith(Extension, StringComparison.OrdinalIgnoreCase);

    /// <summary>The database file of library <paramref name="name"/> under <paramref name="dataDirectory"/>.</summary>
    /// <exception cref="ArgumentException">The name is not valid (<see cref="IsValidName"/>).</exception>
    public static string PathOf(string dataDirectory, string name)
    {
        if (!IsValidName(name))
            throw new ArgumentException($"'{name}' is not a library name: use letters, digits, '.', '_' and '-' (up to 64, starting with a letter or digit, without {Extension})", nameof(name));
        return Path.Combine(dataDirectory, FolderName, name + Extension);
    }

    /// <summary>The names of the libraries under <paramref name="dataDirectory"/>, in order.</summary>
    public static IReadOnlyList<string> Names(string dataDirectory)
    {
        var folder = Path.Combine(dataDirectory, FolderName);
        if (!Directory.Exists(folder)) return [];
        return Directory.EnumerateFiles(folder, "*" + Extension)
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Where(IsValidName)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }
}
