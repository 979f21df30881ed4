using Orchestrator.Manuscripts.Lexicons;

namespace Orchestrator.Manuscripts.Consistency;

/// <summary>
/// The lexicons behind <see cref="WordRole"/>: which words mark past or present narration, which are first-
/// or third-person pronouns, which are never judged for capitalisation. Applied once per distinct word of a
/// book, so their cost does not grow with its length.
/// </summary>
/// <remarks>
/// Tense evidence (documented in <see cref="ConsistencyNode"/>): past = was, were, had, did (and negatives),
/// the irregular pasts below, and regular -ed words (four letters or more; not -eed words such as need,
/// indeed, proceed, except agreed, freed, decreed...; not the adjectives sacred, naked, wicked, hundred...);
/// present = is, are, am, has, does (and negatives, I'm, we're...), X's after he/she/it/that/there..., and an
/// -s word right after he/she/it/who/that/which. Irregular pasts that are also common other words (left,
/// lay, rose, bore, wound, ground, read, bound, saw is kept) are left out.
/// </remarks>
internal static class WordRoles
{
    private static readonly WordSet PastWords = WordSet.Parse("""
        was were had did wasn't weren't hadn't didn't
        arose awoke became began blew broke brought built bought caught chose clung came crept dealt drew drank drove
        dwelt ate fell fled felt flung flew forbade forgot forgave found froze got gave went grew hung heard hid held
        kept knelt knew led leant leapt learnt lent lit lost made meant met paid rode rang ran said saw sought sold
        sent shook shone shot shrank sang sank sat slept slid slung smote spoke sped spent spun sprang stood stole
        stuck stung strode struck strove swore swept swam swung took taught tore told thought threw trod understood
        undertook overtook withdrew woke wore wove wept won wrung wrote beheld befell forsook
        """);

    private static readonly WordSet PresentWords = WordSet.Parse("""
        is are am has does isn't aren't hasn't doesn't don't i'm we're they're you're
        """);

    private static readonly WordSet AuxiliaryWords = WordSet.Parse("""
        is are am was were be been being has have had having isn't aren't wasn't weren't hasn't haven't hadn't
        """);

    private static readonly WordSet GapWords = WordSet.Parse("""
        not never always often still also only even then now just soon again seldom rarely sometimes already almost
        nearly quite ever once thus
        """);

    private static readonly WordSet NotSForms = WordSet.Parse("""
        was has is this thus his hers its ours yours theirs as us yes less unless always sometimes perhaps besides
        afterwards towards upwards downwards backwards forwards nevertheless whereas across various series species
        news whereupon alas
        """);

    private static readonly WordSet SubjectWords = WordSet.Parse("he she it who that which");

    private static readonly WordSet FirstPersonWords = WordSet.Parse("""
        i me my mine myself we us our ours ourselves i'm i'll i've i'd we're we'll we've we'd
        """);

    private static readonly WordSet ThirdPersonWords = WordSet.Parse("""
        he him his himself she her hers herself they them their theirs themselves he'd he'll she'd she'll they'd
        they'll they're they've
        """);

    private static readonly WordSet ContractionBases = WordSet.Parse("he she it that there what who where here how");

    private static readonly WordSet AgreedLike = WordSet.Parse("agreed disagreed freed decreed guaranteed refereed");

    private static readonly WordSet NotPastEd = WordSet.Parse("""
        hundred hundreds kindred sacred naked wicked wretched rugged ragged crooked jagged hatred shred sled shed
        embed infrared biped unwed
        """);

    /// <summary>Words never judged for capitalisation; see <see cref="WordRole.CapitalisationExempt"/>.</summary>
    internal static readonly WordSet CapitalisationExempt = WordSet.Parse("""
        a an the and but or nor for yet so of in on at to by from with without within into onto upon over under about
        above below after before since until till as if than that this these those there here then now when where
        while whence what which who whom whose why how all any some no not none each every either neither both one
        other another such much many more most few less least own same only very too also again ever never always
        yes oh o ah alas i me my mine we us our you your he him his she her it its they them their is am are was were
        be been being have has had do does did shall will should would may might must can could let
        january february march april may june july august september october november december
        monday tuesday wednesday thursday friday saturday sunday
        north south east west northern southern eastern western
        god gods lord lords thee thou thy thine yours ours hers theirs miss
        two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty seventy eighty ninety
        hundred thousand first second third fourth fifth sixth seventh eighth ninth tenth
        hope grace faith joy rose mark bill frank jack pat sue ray dawn rob art bob gene guy herb iris ivy lily daisy
        holly hazel heather violet ruby pearl amber olive rusty sandy summer robin wren drew dean earl chase hunter
        """);

    private static readonly WordSet Honorifics = WordSet.Parse("""
        mr mrs miss ms dr sir lady lord captain capt aunt uncle master mistress madam madame monsieur mademoiselle
        colonel major lieutenant professor doctor saint st rev reverend king queen prince princess duke duchess count
        countess baron baroness father mother brother sister cousin signor signora herr frau
        """);

    private static readonly WordSet SpeechVerbs = WordSet.Parse("""
        said says asked asks replied replies answered answers cried cries exclaimed whispered added continued returned
        observed shouted muttered rejoined murmured sighed laughed smiled nodded thought
        """);

    internal static readonly WordSet NameLinks = WordSet.Parse("of the de du la le von van der del da di");

    internal static readonly WordSet Indefinites = WordSet.Parse("a an another any every each no some one such");

    /// <summary>Every lexicon above in one table (lower case, straight apostrophes): one lookup per distinct word.</summary>
    private static readonly Dictionary<string, WordRole> Lexicon = BuildLexicon();

    private static readonly Dictionary<string, WordRole>.AlternateLookup<ReadOnlySpan<char>> LexiconLookup =
        Lexicon.GetAlternateLookup<ReadOnlySpan<char>>();

    private static Dictionary<string, WordRole> BuildLexicon()
    {
        var roles = new Dictionary<string, WordRole>(StringComparer.Ordinal);
        foreach (var (set, role) in new (WordSet, WordRole)[]
                 {
                     (PresentWords, WordRole.Present), (PastWords, WordRole.Past), (AuxiliaryWords, WordRole.Auxiliary),
                     (GapWords, WordRole.Gap), (SubjectWords, WordRole.Subject), (FirstPersonWords, WordRole.FirstPerson),
                     (ThirdPersonWords, WordRole.ThirdPerson), (ContractionBases, WordRole.ContractionBase),
                     (CapitalisationExempt, WordRole.CapitalisationExempt), (Honorifics, WordRole.Honorific),
                     (SpeechVerbs, WordRole.SpeechVerb), (NameLinks, WordRole.NameLink), (Indefinites, WordRole.Indefinite),
                 })
        {
            foreach (var word in set.Words)
            {
                var key = word.ToLowerInvariant();
                roles[key] = roles.GetValueOrDefault(key) | role;
            }
        }
        return roles;
    }

    /// <summary>The roles of one distinct word (its key: possessive stripped, any case).</summary>
    public static WordRole Classify(ReadOnlySpan<char> key)
    {
        if (key.Length == 0) return WordRole.None;
        Span<char> buffer = key.Length <= 64 ? stackalloc char[key.Length] : new char[key.Length];
        var letters = true;
        var hyphen = false;
        for (var i = 0; i < key.Length; i++)
        {
            var c = char.ToLowerInvariant(key[i]);
            if (c == '’') c = '\'';
            buffer[i] = c;
            if (c is '-' or '‐' or '‑') hyphen = true;
            if (!char.IsLetter(c)) letters = false;
        }
        var word = buffer[..key.Length];

        var role = LexiconLookup.TryGetValue(word, out var listed) ? listed : WordRole.None;
        if (letters) role |= WordRole.Letters;
        if (hyphen) role |= WordRole.Hyphenated;
        if (letters && (role & WordRole.Past) == 0 && IsRegularPast(word)) role |= WordRole.Past;
        if (letters && word.Length >= 4 && word.EndsWith("ly")) role |= WordRole.Gap;
        if (letters && (role & (WordRole.Past | WordRole.Present | WordRole.Auxiliary)) == 0 && IsSForm(word)) role |= WordRole.SForm;
        return role;
    }

    private static bool IsRegularPast(ReadOnlySpan<char> word)
    {
        if (word.Length < 4 || !word.EndsWith("ed")) return false;
        if (word.EndsWith("eed")) return AgreedLike.Contains(word);
        return !NotPastEd.Contains(word);
    }

    private static bool IsSForm(ReadOnlySpan<char> word) =>
        word.Length >= 3 && word[^1] == 's'
        && !word.EndsWith("ss") && !word.EndsWith("us") && !word.EndsWith("is") && !word.EndsWith("'s")
        && !NotSForms.Contains(word);
}
