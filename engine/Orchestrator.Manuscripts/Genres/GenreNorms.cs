using System.Collections.Frozen;

namespace Orchestrator.Manuscripts.Genres;

/// <summary>
/// Typical word-count ranges of novels by genre, for comparing a manuscript with what agents and
/// editors expect. Lookup is case-insensitive and accepts common aliases (<c>sci-fi</c>, <c>YA</c>,
/// <c>literary fiction</c>...).
/// </summary>
/// <remarks>
/// <para>
/// These figures are <b>guidance for debut manuscripts</b> submitted to agents and traditional
/// publishers, as published industry advice states it; they are not rules, and established
/// authors, series and self-published books routinely fall outside them.
/// </para>
/// <para>Sources of the numbers:</para>
/// <list type="bullet">
/// <item><b>[WD]</b> Chuck Sambuchino, "Word Count for Novels and Children's Books: The Definitive
/// Post", Writer's Digest (guest column, updated 24 October 2016),
/// https://www.writersdigest.com/guest-columns/word-count-for-novels-and-childrens-books-the-definitive-post
/// (the same guidance appears in Sambuchino's book <i>Get a Literary Agent</i>). Its figures:
/// adult commercial and literary fiction (literary, mainstream, women's, romance, mystery,
/// suspense, thriller, horror; adventure, as commercial fiction, by our reading): 80,000–89,999 "totally cool", 90,000–99,999 "generally safe",
/// 70,000–79,999 and 100,000–109,999 "might be too short / too long; probably all right", below
/// 70,000 "too short", 110,000 or above "too long". Science fiction and fantasy: 100,000–115,000,
/// "a little less or a little more" being fine. Middle grade: 20,000–55,000 (upper middle grade
/// 40,000–55,000, younger middle grade 20,000–35,000). Young adult: 55,000–79,999, with
/// 55,000–69,999 the safe core; speculative YA may run longer.</item>
/// <item><b>[BookEnds]</b> Jessica Faust, literary agent at BookEnds Literary Agency, word-count post on
/// the agency blog (November 2007): most novels roughly 80,000–100,000 words; fantasy "can run
/// longer, up to 120,000"; cozy mysteries 70,000–90,000, usually at the short end.</item>
/// </list>
/// <para>
/// How the table uses them: <c>MinWords</c>/<c>MaxWords</c> are the edges past which the source
/// calls a manuscript too short or too long; <c>TypicalWords</c> is the middle of the band the source
/// recommends aiming for. Where a figure is our own reading rather than a quoted one, the entry says so.
/// </para>
/// </remarks>
public static class GenreNorms
{
    private const string Wd = "Writer's Digest (Sambuchino, 'Word Count for Novels and Children's Books: The Definitive Post', 2016)";
    private const string WdAndBookEnds = Wd + "; BookEnds Literary Agency (Jessica Faust, 2007)";

    /// <summary>All norms, in a stable order.</summary>
    public static IReadOnlyList<GenreNorm> All { get; } =
    [
        // [WD] SF/F band 100,000–115,000 -> typical 107,500 (its middle). Min 90,000: WD allows "a little
        // less"; we read that as up to 10% under its 100,000 (our reading). Max 120,000: BookEnds' "up to 120,000".
        new("fantasy", "fantasy", 90_000, 120_000, 107_500, WdAndBookEnds),

        // [WD] gives science fiction the same band as fantasy; the edges are read the same way as fantasy's.
        new("science-fiction", "science fiction", 90_000, 120_000, 107_500, WdAndBookEnds),

        // [WD] adult commercial fiction, which names thriller, mystery, suspense and romance explicitly:
        // below 70,000 too short, 110,000 or above too long, 80,000–89,999 the target (middle 85,000).
        // Agents often quote narrower ranges, e.g. [BookEnds] "most novels 80,000–100,000".
        new("thriller", "thriller", 70_000, 110_000, 85_000, Wd),
        new("mystery", "mystery", 70_000, 110_000, 85_000, Wd),

        // [WD] as above. Single-title romance; category romance lines (e.g. Harlequin's) set their own,
        // shorter lengths per line and are not covered here.
        new("romance", "romance", 70_000, 110_000, 85_000, Wd),

        // [WD] names horror among the adult commercial genres of this band: same target and edges.
        new("horror", "horror", 70_000, 110_000, 85_000, Wd),

        // Adventure (action-adventure) is adult commercial fiction, which [WD] gives this band without naming every
        // shelf; our reading is that adventure takes the band of its commercial neighbours (thriller, suspense).
        new("adventure", "adventure", 70_000, 110_000, 85_000, Wd),

        // [WD] names literary fiction in the same 80,000–89,999 target band and the same edges.
        new("literary", "literary fiction", 70_000, 110_000, 85_000, Wd),

        // Historical fiction has no band of its own in [WD] (it falls under mainstream adult fiction) but is
        // commonly allowed to run longer for its setting. Our reading: min 80,000 = WD's target floor,
        // max 120,000 = the longest adult figure above ([BookEnds] for fantasy), typical 100,000 (the middle).
        new("historical", "historical fiction", 80_000, 120_000, 100_000, WdAndBookEnds),

        // [WD] young adult 55,000–79,999; typical 62,500 = middle of its 55,000–69,999 safe core.
        new("young-adult", "young adult", 55_000, 80_000, 62_500, Wd),

        // [WD] middle grade 20,000–55,000; typical 37,500 = its middle.
        new("middle-grade", "middle grade", 20_000, 55_000, 37_500, Wd),
    ];

    /// <summary>Canonical genre keys, for messages ("known: fantasy, science-fiction, ...").</summary>
    public static IReadOnlyList<string> Known { get; } = All.Select(n => n.Key).ToArray();

    private static readonly FrozenDictionary<string, GenreNorm> ByKey =
        All.ToFrozenDictionary(n => n.Key, StringComparer.Ordinal);

    /// <summary>Aliases (already normalised: lower case, words joined by '-') to canonical keys.</summary>
    private static readonly FrozenDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["sci-fi"] = "science-fiction",
        ["scifi"] = "science-fiction",
        ["sf"] = "science-fiction",
        ["ya"] = "young-adult",
        ["mg"] = "middle-grade",
        ["thrillers"] = "thriller",
        ["suspense"] = "thriller",
        ["mysteries"] = "mystery",
        ["crime"] = "mystery",
        ["action-adventure"] = "adventure",
        ["gothic"] = "horror",
        ["historical-fiction"] = "historical",
        ["literary-fiction"] = "literary",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Finds the norm for a genre name: a canonical key, an alias, or either followed by "fiction"
    /// ("fantasy fiction"). Case, surrounding spaces and the separator (space, '-', '_') do not matter.
    /// </summary>
    public static bool TryGet(string? genre, out GenreNorm norm)
    {
        norm = null!;
        var key = Normalize(genre);
        if (key.Length == 0) return false;
        if (Resolve(key) is { } found)
        {
            norm = found;
            return true;
        }
        const string suffix = "-fiction";
        if (key.EndsWith(suffix, StringComparison.Ordinal) && Resolve(key[..^suffix.Length]) is { } stripped)
        {
            norm = stripped;
            return true;
        }
        return false;
    }

    private static GenreNorm? Resolve(string key) =>
        ByKey.TryGetValue(key, out var norm) ? norm
        : Aliases.TryGetValue(key, out var canonical) ? ByKey[canonical]
        : null;

    /// <summary>Lower case, runs of spaces/underscores/hyphens turned into one '-'.</summary>
    internal static string Normalize(string? genre)
    {
        if (string.IsNullOrWhiteSpace(genre)) return "";
        var chars = new System.Text.StringBuilder(genre.Length);
        var pendingSeparator = false;
        foreach (var c in genre.Trim())
        {
            if (c is ' ' or '_' or '-' or '\t')
            {
                pendingSeparator = chars.Length > 0;
                continue;
            }
            if (pendingSeparator) chars.Append('-');
            pendingSeparator = false;
            chars.Append(char.ToLowerInvariant(c));
        }
        return chars.ToString();
    }
}
