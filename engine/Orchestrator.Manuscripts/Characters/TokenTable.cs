using System.Runtime.CompilerServices;
using Orchestrator.Manuscripts.Text;
using L = Orchestrator.Manuscripts.Characters.CharacterLexicon;

namespace Orchestrator.Manuscripts.Characters;

/// <summary>
/// The first pass of character detection: every run of capitalised words (<see cref="CapitalRun"/>), and per
/// distinct capitalised word its <see cref="TokenStats"/>; then the name test that gives each word a
/// <see cref="TokenKind"/>. One walk over the sentences' words (a dictionary lookup per capitalised word), one over
/// the lower-case words (a lookup only for the few a bit filter lets through); strings are allocated once per
/// distinct capitalised word.
/// </summary>
/// <remarks>
/// <para><b>The name test.</b> A capitalised word is a name (part) when, in this book:</para>
/// <list type="number">
/// <item>it is in none of the built-in lists (<see cref="CharacterLexicon.Never"/>: pronouns, interjections, days,
/// religious terms, nationalities, common geography, forms of address such as "Ladyship", book furniture);</item>
/// <item>it is capitalised at least once where capitals are not automatic (not at a sentence or quotation start);</item>
/// <item>it is mostly capitalised: lower-case uses are at most 25% of lower-case plus mid-sentence capitalised uses,
/// or at most 50% when at least 5% of its uses carry person evidence (a title before it, a speech verb next to it,
/// a person verb after it: "the Mouse" in Alice, whose "mouse" is also common);</item>
/// <item>it is not a place: under half its uses (or under 3) follow a preposition of place, and under 20% (or under 2)
/// follow at/in/into/near, unless it has strong person evidence (a title before 20% of its uses, speech or person
/// verbs by 10%);</item>
/// <item>it is not a thing: when half its mid-sentence uses follow "the", at least 5% must carry speech or person
/// verbs ("the Hatter" speaks, "the Pequod" never does);</item>
/// <item>it is not a kind: a word that follows "a" or "an" in 10% of its mid-sentence uses (and twice at least) names a
/// faith, a trade or a people (a Quaker, an Englishman), unless it has strong person evidence. With the place test
/// this is what keeps places, peoples and interjections of any book out of the cast: the built-in lists hold only
/// words common to all books.</item>
/// </list>
/// <para>Capitalised words that end in s/es whose stem is a name used at least twice as often are family plurals
/// (the Bennets). Words written all in capitals (headings, emphasis, speaker labels) are left out.</para>
/// </remarks>
internal sealed class TokenTable
{
    internal const double LowerRatioFree = 0.25;
    internal const double LowerRatioMax = 0.5;
    internal const double EvidenceForCommonWord = 0.05;
    internal const double PlaceLocativeShare = 0.5;
    internal const double PlaceStrongLocativeShare = 0.2;
    internal const double StrongTitleShare = 0.2;
    internal const double StrongActionShare = 0.1;
    internal const int MinPlaceEvidence = 3;
    internal const double ThingTheShare = 0.5;
    internal const double ThingActionShare = 0.05;
    internal const double KindArticleShare = 0.1;
    internal const int MinKindEvidence = 2;

    private readonly ManuscriptDocument _doc;
    private readonly string _text;
    private readonly Dictionary<string, int> _ids = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string> _spellings = [];
    private TokenStats[] _stats = new TokenStats[512];
    private TokenFlags[] _flags = new TokenFlags[512];

    private readonly List<CapitalRun> _runs;
    private readonly List<int> _runTokens;
    private TokenKind[] _kinds = [];

    private TokenTable(ManuscriptDocument document)
    {
        _doc = document;
        _text = document.Text;
        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        // About one run per sentence plus one per 25 words (names, "I"), a little over a word per run.
        _runs = new List<CapitalRun>(document.Sentences.Length + document.WordCount / 25);
        _runTokens = new List<int>(_runs.Capacity * 5 / 4);
    }

    public ManuscriptDocument Document => _doc;
    public int Count => _spellings.Count;
    public IReadOnlyList<CapitalRun> Runs => _runs;

    /// <summary>The token ids of a run's words, in order.</summary>
    public ReadOnlySpan<int> Tokens(CapitalRun run) =>
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_runTokens).Slice(run.TokenStart, run.WordCount);

    public string Spelling(int id) => _spellings[id];
    public TokenKind Kind(int id) => _kinds[id];
    public TokenFlags Flags(int id) => _flags[id];

    public static TokenTable Build(ManuscriptDocument document)
    {
        var table = new TokenTable(document);
        table.ScanRuns();
        table.CountLowerCase();
        table.Classify();
        return table;
    }

    // ---- pass 1: runs of capitalised words -------------------------------------------------------------------

    private void ScanRuns()
    {
        var words = _doc.Words;
        var sentences = _doc.Sentences;
        for (var s = 0; s < sentences.Length; s++)
        {
            var sentence = sentences[s];
            var end = sentence.FirstWord + sentence.WordCount;
            var runStart = -1;
            var runInitial = false;
            for (var w = sentence.FirstWord; w < end; w++)
            {
                var word = _doc.WordText(w);
                if (IsCapitalised(word))
                {
                    var initial = w == sentence.FirstWord || AfterOpeningQuote(words[w].Start);
                    if (runStart >= 0 && (initial || !Joined(w - 1, w)))
                    {
                        CloseRun(runStart, w - runStart, s, runInitial);
                        runStart = -1;
                    }
                    if (runStart < 0)
                    {
                        runStart = w;
                        runInitial = initial;
                    }
                    continue;
                }
                if (runStart >= 0 && w + 1 < end && word.Length <= 5 && L.Particles.Contains(word) && Joined(w - 1, w)
                    && IsCapitalised(_doc.WordText(w + 1)) && Joined(w, w + 1))
                {
                    continue; // de in "Lady Catherine de Bourgh"
                }
                if (runStart >= 0)
                {
                    CloseRun(runStart, w - runStart, s, runInitial);
                    runStart = -1;
                }
            }
            if (runStart >= 0) CloseRun(runStart, end - runStart, s, runInitial);
        }
    }

    private void CloseRun(int first, int count, int sentence, bool initial)
    {
        var tokenStart = _runTokens.Count;
        var placeLike = false;
        var anyName = false;
        for (var w = first; w < first + count; w++)
        {
            var word = _doc.WordText(w);
            var id = GetOrAdd(StripPossessive(word));
            _runTokens.Add(id);
            if (!char.IsUpper(word[0])) continue; // a particle
            if (w == first && initial) _stats[id].Initial++;
            else _stats[id].Capitalised++;
            var flags = _flags[id];
            if ((flags & TokenFlags.Never) != 0 || (w == first && (flags & TokenFlags.PlacePrefix) != 0)) placeLike = true;
            else if ((flags & TokenFlags.Title) == 0) anyName = true;
        }
        _runs.Add(new CapitalRun(first, count, sentence, initial, tokenStart));
        if (placeLike || !anyName) return; // "at Lucas Lodge" says nothing about Lucas; "I said" nothing about anyone

        var sentenceSpan = _doc.Sentences[sentence];
        var last = first + count - 1;
        var before = Neighbour.None;
        if (!initial && first > sentenceSpan.FirstWord && Joined(first - 1, first))
        {
            before = NeighbourWords.Of(_doc.WordText(first - 1));
            if ((before & Neighbour.The) != 0 && first - 2 >= sentenceSpan.FirstWord && Joined(first - 2, first - 1)
                && (NeighbourWords.Of(_doc.WordText(first - 2)) & Neighbour.SpeechVerb) != 0)
                before |= Neighbour.SpeechVerb; // said the Hatter
        }
        var after = last + 1 < sentenceSpan.FirstWord + sentenceSpan.WordCount && Joined(last, last + 1)
            ? NeighbourWords.Of(_doc.WordText(last + 1))
            : Neighbour.None;
        var attributed = ((before | after) & Neighbour.SpeechVerb) != 0;
        var personVerb = !attributed && (after & Neighbour.PersonVerb) != 0;

        var titled = false;
        for (var k = 0; k < count; k++)
        {
            var id = _runTokens[tokenStart + k];
            ref var stats = ref _stats[id];
            if (titled) stats.AfterTitle++;
            titled = (_flags[id] & TokenFlags.Title) != 0 || IsTitleInitial(first + k);
            if ((before & Neighbour.The) != 0) stats.AfterThe++;
            if ((before & Neighbour.Article) != 0) stats.AfterArticle++;
            if ((before & Neighbour.Locative) != 0) stats.AfterLocative++;
            if ((before & Neighbour.StrongLocative) != 0) stats.AfterStrongLocative++;
            if (attributed) stats.Attributions++;
            if (personVerb) stats.PersonVerbAfter++;
        }
    }

    private int GetOrAdd(ReadOnlySpan<char> key)
    {
        if (_lookup.TryGetValue(key, out var id)) return id;
        id = _spellings.Count;
        var spelling = key.ToString();
        _spellings.Add(spelling);
        _ids.Add(spelling, id);
        if (id == _stats.Length)
        {
            Array.Resize(ref _stats, _stats.Length * 2);
            Array.Resize(ref _flags, _flags.Length * 2);
        }
        _flags[id] = FlagsOf(key);
        return id;
    }

    private static TokenFlags FlagsOf(ReadOnlySpan<char> key)
    {
        var flags = TokenFlags.None;
        if (L.Never.Contains(key)) flags |= TokenFlags.Never;
        if (L.PlacePrefixes.Contains(key)) flags |= TokenFlags.PlacePrefix;
        if (L.AddressTitles.Contains(key) || L.RankTitles.Contains(key)) flags |= TokenFlags.Title;
        if (L.FunctionWords.Contains(key)) flags |= TokenFlags.Function;
        return flags;
    }

    // ---- pass 1b: lower-case uses of the capitalised words ------------------------------------------------------

    /// <summary>
    /// Counts the lower-case uses of the words capitalised mid-sentence (the only ones the name test asks about):
    /// those words go into a case-sensitive table of their lower-case forms, behind a cheap filter, so the many
    /// words never capitalised (or capitalised only at a sentence start: "The") cost no hash.
    /// </summary>
    private void CountLowerCase()
    {
        var filter = new LowerCaseFilter();
        var lower = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var id = 0; id < _spellings.Count; id++)
        {
            if (_stats[id].Capitalised == 0 || (_flags[id] & (TokenFlags.Never | TokenFlags.Function)) != 0) continue;
            var key = _spellings[id].ToLowerInvariant();
            filter.Add(key);
            lower.TryAdd(key, id);
        }
        if (lower.Count == 0) return;
        var lookup = lower.GetAlternateLookup<ReadOnlySpan<char>>();
        var words = _doc.Words;
        var text = _text.AsSpan();
        // The spelling a lower-case word counts for depends on its form alone: looked up once per distinct form.
        const int NotLookedUp = -2;
        var forms = _doc.Forms;
        var idOfForm = new int[forms.Count];
        Array.Fill(idOfForm, NotLookedUp);
        for (var w = 0; w < words.Length; w++)
        {
            var form = forms.FormOf(w);
            var id = idOfForm[form];
            if (id == NotLookedUp)
            {
                var word = text.Slice(words[w].Start, words[w].Length);
                var key = StripPossessive(word);
                id = char.IsLower(word[0]) && filter.MayContain(key) && lookup.TryGetValue(key, out var found) ? found : -1;
                idOfForm[form] = id;
            }
            if (id >= 0) _stats[id].Lower++;
        }
    }

    // ---- classification ---------------------------------------------------------------------------------------

    private void Classify()
    {
        _kinds = new TokenKind[_spellings.Count];
        for (var id = 0; id < _spellings.Count; id++)
            _kinds[id] = (_flags[id] & TokenFlags.Function) != 0 ? TokenKind.Other : KindOf(_spellings[id], _stats[id]);

        // The Bennets, the Lucases: a family, not a person.
        for (var id = 0; id < _spellings.Count; id++)
        {
            if (_kinds[id] != TokenKind.Name) continue;
            var key = _spellings[id].AsSpan();
            if (key.Length < 4 || key[^1] is not ('s' or 'S')) continue;
            if (IsFamilyPluralOf(id, key[..^1]) || (key.Length > 4 && key[^2] is 'e' or 'E' && IsFamilyPluralOf(id, key[..^2])))
                _kinds[id] = TokenKind.FamilyPlural;
            else if (IsKindPluralOf(key[..^1]))
                _kinds[id] = TokenKind.Other;
        }
    }

    /// <summary>The plural of a kind (Nantucketers, where "a Nantucketer" was refused) is a kind too.</summary>
    private bool IsKindPluralOf(ReadOnlySpan<char> stem) =>
        _lookup.TryGetValue(stem, out var stemId) && _kinds[stemId] == TokenKind.Other && _stats[stemId].AfterArticle >= MinKindEvidence;

    private bool IsFamilyPluralOf(int id, ReadOnlySpan<char> stem) =>
        _lookup.TryGetValue(stem, out var stemId) && _kinds[stemId] == TokenKind.Name
        && _stats[stemId].CapitalisedTotal >= 2 * _stats[id].CapitalisedTotal;

    private static TokenKind KindOf(string key, in TokenStats stats)
    {
        if (key == "M") return TokenKind.Title; // M. Krempe (Monsieur)
        if (L.AddressTitles.Contains(key)) return TokenKind.Title;
        if (L.Particles.Contains(key)) return TokenKind.Particle;
        if (L.Never.Contains(key) || L.PlacePrefixes.Contains(key)) return TokenKind.Excluded;
        if (key.Length < 2) return TokenKind.Excluded; // an initial (Colonel F.) is not a name
        foreach (var c in key)
            if (char.IsDigit(c)) return TokenKind.Other;
        var isName = IsName(stats);
        if (L.RankTitles.Contains(key)) return isName ? TokenKind.Rank : TokenKind.RankTitleOnly;
        if (L.NotAlone.Contains(key)) return TokenKind.NamePartOnly;
        return isName ? TokenKind.Name : TokenKind.Other;
    }

    /// <summary>The statistical part of the name test (see the remarks of <see cref="TokenTable"/>).</summary>
    internal static bool IsName(in TokenStats stats)
    {
        var capitalised = stats.Capitalised;
        if (capitalised == 0) return false;
        var total = (double)stats.CapitalisedTotal;
        var lowerRatio = stats.Lower / (double)(stats.Lower + capitalised);
        var evidence = stats.PersonEvidence;
        if (lowerRatio > LowerRatioMax) return false;
        if (lowerRatio > LowerRatioFree && (evidence < 2 || evidence < EvidenceForCommonWord * total)) return false;

        var actions = stats.Attributions + stats.PersonVerbAfter;
        var strongPerson = stats.AfterTitle >= StrongTitleShare * capitalised || actions >= StrongActionShare * total;
        var place = (stats.AfterLocative >= PlaceLocativeShare * total && stats.AfterLocative >= MinPlaceEvidence)
            || (stats.AfterStrongLocative >= PlaceStrongLocativeShare * total && stats.AfterStrongLocative >= MinPlaceEvidence - 1);
        if (place && !strongPerson) return false;

        if (stats.AfterThe >= ThingTheShare * capitalised && actions < ThingActionShare * total) return false;
        if (stats.AfterArticle >= MinKindEvidence && stats.AfterArticle >= KindArticleShare * capitalised && !strongPerson) return false;
        return true;
    }

    // ---- character-level helpers ------------------------------------------------------------------------------

    /// <summary>Upper-case first letter, and not a word in capitals throughout (CHAPTER, SAILOR); "I" and "M" count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsCapitalised(ReadOnlySpan<char> word)
    {
        if (!char.IsUpper(word[0])) return false;
        if (word.Length == 1) return true;
        for (var i = 1; i < word.Length; i++)
            if (char.IsLower(word[i])) return true;
        return false;
    }

    /// <summary>Drops a possessive 's / ’s (Darcy's → Darcy).</summary>
    internal static ReadOnlySpan<char> StripPossessive(ReadOnlySpan<char> word) => HasPossessive(word) ? word[..^2] : word;

    private static bool HasPossessive(ReadOnlySpan<char> word) =>
        word.Length > 2 && word[^1] is 's' or 'S' && word[^2] is '\'' or '’';

    /// <summary>The word follows an opening quotation mark or bracket directly, so it is capitalised as a start.</summary>
    private bool AfterOpeningQuote(int start)
    {
        if (start == 0) return false;
        var c = _text[start - 1];
        return c is '“' or '"' or '‘' or '(' or '[' || (c == '\'' && (start < 2 || char.IsWhiteSpace(_text[start - 2])));
    }

    /// <summary>True when only white space separates two words, or the period of a title or an initial (Mr. Darcy, M. Krempe).</summary>
    internal bool Joined(int a, int b)
    {
        var words = _doc.Words;
        var from = words[a].Start + words[a].Length;
        var to = words[b].Start;
        if (to <= from) return false;
        var gap = _text.AsSpan(from, to - from);
        var i = 0;
        if (gap[0] == '.')
        {
            if (!IsTitleInitial(a)) return false;
            i = 1;
            if (gap.Length == 1) return false;
        }
        for (; i < gap.Length; i++)
            if (!char.IsWhiteSpace(gap[i])) return false;
        return true;
    }

    /// <summary>An abbreviated title followed by its period (Mr., Dr., M.).</summary>
    private bool IsTitleInitial(int word)
    {
        var w = _doc.Words[word];
        var end = w.Start + w.Length;
        return end < _text.Length && _text[end] == '.' && w.Length <= 4 && L.AbbreviatedTitles.Contains(_text.AsSpan(w.Start, w.Length));
    }
}
