namespace Orchestrator.Manuscripts.Characters;

/// <summary>Every naming of a character found in the book, in text order, and the distinct ways of naming.</summary>
internal sealed class MentionSet(List<NameVariant> variants, List<Mention> mentions, Dictionary<NameKey, int> index)
{
    public List<NameVariant> Variants { get; } = variants;
    public List<Mention> Mentions { get; } = mentions;

    public bool TryFind(NameKey key, out int variant) => index.TryGetValue(key, out variant);
}
