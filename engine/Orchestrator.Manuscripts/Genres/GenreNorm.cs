namespace Orchestrator.Manuscripts.Genres;

/// <summary>
/// The word-count range a genre's debut manuscripts are usually expected to fall in, as published
/// industry guidance puts it (see <see cref="GenreNorms"/> for where each figure comes from).
/// Guidance, not a rule: it says what agents and editors tend to expect from a first novel.
/// </summary>
/// <param name="Key">Canonical genre key (<c>fantasy</c>, <c>young-adult</c>...).</param>
/// <param name="Name">Display name for messages (<c>fantasy</c>, <c>young adult</c>...).</param>
/// <param name="MinWords">Below this a manuscript reads as short for the genre.</param>
/// <param name="MaxWords">Above this a manuscript reads as long for the genre.</param>
/// <param name="TypicalWords">A typical length to aim at.</param>
/// <param name="Source">Short citation of where the figures come from.</param>
public sealed record GenreNorm(string Key, string Name, int MinWords, int MaxWords, int TypicalWords, string Source)
{
    public bool Contains(int words) => words >= MinWords && words <= MaxWords;
}
