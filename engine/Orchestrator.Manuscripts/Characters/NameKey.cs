namespace Orchestrator.Manuscripts.Characters;

/// <summary>
/// How a character was named at one place, as token ids: an optional title and up to four name words
/// (Mr. Darcy = Mr + Darcy; Lady Catherine de Bourgh = Lady + Catherine, de, Bourgh). Unused slots are -1.
/// </summary>
internal readonly record struct NameKey(int Title, int First, int Second = -1, int Third = -1, int Fourth = -1)
{
    public const int MaxNames = 4;

    public int Length => Fourth >= 0 ? 4 : Third >= 0 ? 3 : Second >= 0 ? 2 : 1;

    public bool HasTitle => Title >= 0;

    /// <summary>The last name word (the surname of a full name).</summary>
    public int Last => Fourth >= 0 ? Fourth : Third >= 0 ? Third : Second >= 0 ? Second : First;

    public int this[int index] => index switch { 0 => First, 1 => Second, 2 => Third, 3 => Fourth, _ => -1 };

    public NameKey Untitled() => this with { Title = -1 };

    public static NameKey Of(int title, ReadOnlySpan<int> names) => new(
        title,
        names[0],
        names.Length > 1 ? names[1] : -1,
        names.Length > 2 ? names[2] : -1,
        names.Length > 3 ? names[3] : -1);

    public static NameKey Single(int title, int name) => new(title, name);
}
