namespace Orchestrator.Manuscripts.Consistency;

/// <summary>
/// One word of the <see cref="VariantTable"/> and its inflections, as pairs of the same form spelt the two
/// ways (colour/color, colours/colors, coloured/colored...). <see cref="Name"/> is the head pair
/// ("colour/color"); <see cref="Confidence"/> is below 1 where one spelling is also another word
/// (learned, the adjective).
/// </summary>
public sealed record VariantFamily(string Name, VariantClass Class, IReadOnlyList<(string A, string B)> Pairs, double Confidence)
{
    /// <summary>True for the six convention classes, which are also checked across families.</summary>
    public bool IsConvention => Class <= VariantClass.AeOe;

    /// <summary>True when side A is British and side B American (conventions and other British/American pairs).</summary>
    public bool IsBritishAmerican => Class <= VariantClass.BritishAmerican;
}
