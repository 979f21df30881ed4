using Orchestrator.Manuscripts.Lexicons;

namespace Orchestrator.Manuscripts.Style;

/// <summary>
/// Every style lexicon folded into one map from a word (in <see cref="Readability.WordFolding"/> form) to
/// its <see cref="WordTraits"/>, so the scan asks one question per word instead of one per lexicon. The lexicons
/// themselves stay readable lists in their own classes (<see cref="GlueWords"/>, <see cref="FilterWords"/>,
/// <see cref="HedgeWords"/>, <see cref="DialogueTagVerbs"/>, <see cref="AdverbExceptions"/>,
/// <see cref="Participles"/>, <see cref="Cliches"/>, <see cref="HedgePhrases"/>, <see cref="WordyPhrases"/>, <see cref="Redundancies"/>, <see cref="OverusedWordNorms"/>) and here.
/// </summary>
internal static class StyleLexicon
{
    /// <summary>Forms of "to be" that start a passive.</summary>
    public static WordSet BeVerbs { get; } = WordSet.Parse("am is are was were be been being isn't aren't wasn't weren't");

    /// <summary>Words allowed between the be-verb and the participle besides -ly adverbs ("was never seen").</summary>
    public static WordSet PassiveGaps { get; } = WordSet.Parse(
        "not never always also often already still just soon once then ever quite so very rather much too well all both");

    /// <summary>Words whose doubling is grammatical or deliberate ("had had", "that that", "no no", "knock knock").</summary>
    /// <remarks>"that that" and "on on" are not here: a doubled "that" is grammatical only after a verb of saying, and a
    /// writer who means it can recast the sentence; the eye skips both far more often than anyone intends them.</remarks>
    public static WordSet RepeatAllowed { get; } = WordSet.Parse("""
        had can her is do no yes ha oh ah bye very so well now knock tut hush boo chop tick tock la pooh fie hear ho hey hi
        there never far round again more many buffalo away out
        """);

    /// <summary>
    /// Doublings the style node flags but the revise node must not delete on its own: "that that" is grammatical after a verb
    /// of saying, "on on" can be ("carried on on foot"); a writer decides.
    /// </summary>
    public static WordSet RepeatQueried { get; } = WordSet.Parse("that on");

    /// <summary>The phrase lists, each with its matcher.</summary>
    public static PhraseMatcher ClicheMatcher { get; } = new(Cliches.Phrases);
    public static PhraseMatcher HedgePhraseMatcher { get; } = new(HedgePhrases.Phrases);
    public static PhraseMatcher WordyMatcher { get; } = new(WordyPhrases.Table.Select(t => t.Phrase));
    public static PhraseMatcher RedundancyMatcher { get; } = new(Redundancies.Table.Select(t => t.Phrase));

    /// <summary>Conjunctions whose use as a sentence opener some editors query ("So", "But").</summary>
    public static WordSet ConjunctionOpeners { get; } = WordSet.Parse("so but");

    /// <summary>
    /// Common words missing from the Dale–Chall list (which was made for children) that are not worth an echo
    /// finding: function words of adult and older prose, titles and the plain dialogue verbs.
    /// </summary>
    public static WordSet EchoStopWords { get; } = WordSet.Parse("""
        upon though although thus whom whose shall towards toward herself himself itself themselves myself yourself
        ourselves yourselves perhaps however whether rather quite indeed therefore nothing something anything everything
        nobody somebody anybody everybody cannot whatever whenever wherever within without among amongst against beneath
        beside besides beyond during either neither unless until while whilst ought mr mrs miss sir madam ma'am
        replied answered asked said cried continued added returned observed moment moments
        """);

    private static readonly Dictionary<string, LexiconEntry> Map = Build();
    private static readonly Dictionary<string, LexiconEntry>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Map.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The traits of a folded word (<see cref="LexiconEntry.None"/> when no lexicon lists it).</summary>
    public static LexiconEntry Find(ReadOnlySpan<char> folded) =>
        Lookup.TryGetValue(folded, out var entry) ? entry : LexiconEntry.None;

    /// <summary>How many distinct words the map holds (for tests).</summary>
    public static int Count => Map.Count;

    private static Dictionary<string, LexiconEntry> Build()
    {
        var traits = new Dictionary<string, WordTraits>(StringComparer.Ordinal);
        void Add(IEnumerable<string> words, WordTraits trait)
        {
            foreach (var word in words)
            {
                var key = Fold(word);
                traits[key] = traits.GetValueOrDefault(key) | trait;
            }
        }

        Add(GlueWords.Set.Words, WordTraits.Glue);
        Add(BeVerbs.Words, WordTraits.BeVerb);
        Add(Participles.Irregular.Words, WordTraits.IrregularParticiple);
        Add(Participles.NotParticiples.Words, WordTraits.NotParticiple);
        Add(AdverbExceptions.Set.Words, WordTraits.AdverbException);
        Add(FilterWords.Set.Words, WordTraits.Filter);
        Add(HedgeWords.Set.Words, WordTraits.Hedge);
        Add(HedgeWords.PhraseHeads.Words, WordTraits.HedgeHead);
        Add(HedgeWords.Determiners.Words, WordTraits.Determiner);
        Add(DialogueTagVerbs.Bookisms.Words, WordTraits.SaidBookism);
        Add(DialogueTagVerbs.Plain.Words, WordTraits.PlainTagVerb);
        Add(DialogueTagVerbs.Pronouns.Words, WordTraits.Pronoun);
        Add(RepeatAllowed.Words, WordTraits.RepeatAllowed);
        Add(EchoStopWords.Words, WordTraits.EchoStop);
        Add(PassiveGaps.Words, WordTraits.PassiveGap);
        Add(["there"], WordTraits.There);
        Add(["there's", "there're"], WordTraits.ThereContraction);
        Add(["of"], WordTraits.Of);
        Add(ClicheMatcher.FirstWords, WordTraits.ClicheStart);
        Add(HedgePhraseMatcher.FirstWords, WordTraits.HedgePhraseStart);
        Add(WordyMatcher.FirstWords, WordTraits.WordyStart);
        Add(RedundancyMatcher.FirstWords, WordTraits.RedundancyStart);
        Add(ConjunctionOpeners.Words, WordTraits.ConjunctionOpener);

        var overused = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < OverusedWordNorms.Table.Count; i++)
        {
            var key = Fold(OverusedWordNorms.Table[i].Word);
            overused[key] = i;
            traits.TryAdd(key, WordTraits.None);
        }

        return traits.ToDictionary(
            p => p.Key,
            p => new LexiconEntry(p.Value, overused.GetValueOrDefault(p.Key, -1)),
            StringComparer.Ordinal);
    }

    /// <summary>A lexicon word in folded form (lower case, straight apostrophe).</summary>
    public static string Fold(string word)
    {
        Span<char> buffer = stackalloc char[Readability.WordFolding.MaxLength * 2];
        var length = Readability.WordFolding.Fold(word, buffer);
        return length >= 0 ? new string(buffer[..length]) : word.ToLowerInvariant();
    }
}
