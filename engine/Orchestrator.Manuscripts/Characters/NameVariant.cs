namespace Orchestrator.Manuscripts.Characters;

/// <summary>
/// One way a character is named in the book (Mr. Darcy, Darcy, Fitzwilliam Darcy) and how often; the
/// <see cref="VariantMerger"/> joins the variants of one person.
/// </summary>
internal sealed class NameVariant(int index, NameKey key, int firstMention)
{
    public int Index { get; } = index;
    public NameKey Key { get; } = key;

    /// <summary>Index of its first mention in the mention list (text order).</summary>
    public int FirstMention { get; } = firstMention;

    public int Mentions { get; set; }

    /// <summary>The name as first written in the text, white space normalised, possessive dropped.</summary>
    public string Display { get; set; } = "";
}
