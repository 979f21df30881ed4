using Orchestrator.Manuscripts.Lexicons;

namespace Orchestrator.Manuscripts.Themes;

/// <summary>
/// A named word list of the <c>themes</c> node (a theme or a genre): its stems as written in the source
/// (the documentation of the list) and every form matched, stems expanded by <see cref="Inflections"/>.
/// </summary>
/// <param name="Key">Canonical key: <c>coming-of-age</c>, <c>science-fiction</c>...; metric and series names use it.</param>
/// <param name="Name">Display name for messages: <c>coming of age</c>, <c>science fiction</c>.</param>
/// <param name="Stems">The stems and irregular forms as listed, in the order written.</param>
/// <param name="Words">Every form matched (case-insensitive).</param>
public sealed record Lexicon(string Key, string Name, IReadOnlyList<string> Stems, WordSet Words)
{
    /// <summary>A lexicon from a whitespace-separated list of stems; each is expanded with its regular inflections.</summary>
    public static Lexicon Of(string key, string name, string stems)
    {
        var list = stems.Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return new Lexicon(key, name, list, new WordSet(list.SelectMany(Inflections.Of)));
    }

    /// <summary>The first few stems, for messages ("e.g. war, battle, soldier").</summary>
    public string Examples(int count = 4) => string.Join(", ", Stems.Take(count));
}
