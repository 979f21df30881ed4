namespace Orchestrator.Library.Tests;

/// <summary>A fresh folder under the system temp folder, deleted (with everything in it) on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "orchestrator-library-tests", Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string text)
    {
        var file = File(name);
        System.IO.File.WriteAllText(file, text);
        return file;
    }

    /// <summary>The database path of a library named <paramref name="name"/> in this folder used as a data folder.</summary>
    public string Library(string name) => LibraryLocation.PathOf(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
    }
}
