using L = Orchestrator.Manuscripts.Characters.CharacterLexicon;

namespace Orchestrator.Manuscripts.Characters;

/// <summary>
/// Joins the name variants of one person (Mr. Darcy, Darcy, Fitzwilliam Darcy) by a few conservative rules,
/// so that false merges stay rare: when a rule is in doubt, the variants stay apart.
/// </summary>
/// <remarks>
/// <para>A name word is a <i>surname</i> in this book when it ends full names or follows a title such as Mr or
/// Captain more often than it starts full names. In order:</para>
/// <list type="number">
/// <item><b>Title + full name</b> (Lady Catherine de Bourgh) joins the same full name without title if the book
/// uses it, else the same title with the first name when the title goes with given names (Lady Catherine, Sir
/// William), else the same title with the surname (Mr. Fitzwilliam Darcy → Mr. Darcy) — never for Miss, which
/// with a surname means the eldest unmarried daughter.</item>
/// <item><b>Miss + given name</b> (Miss Elizabeth, Miss Lydia) joins the bare name when the word is not a surname.</item>
/// <item><b>A bare single name</b> (Darcy, Elizabeth, Rabbit; given names before surnames) joins the one person among all the variants that use
/// that word (as first or last name word, or after a title) who holds at least the dominance share (default 75%)
/// of their mentions. A full name without title counts double (it names one person; "M. Clerval" may be any
/// Clerval). When the word is a surname, a person known by a woman's title (any of their variants has one) counts a
/// quarter: a bare surname in narration almost always means a man (Bingley is Mr. Bingley, not Miss Bingley, and
/// Wickham is not Lydia Wickham); so Mr. and Mrs. Bennet, five Miss Bennets and their full names leave a bare
/// "Bennet" on its own.</item>
/// <item><b>The only full name of a surname</b> (Daniel Marsh, when no other given name is used with Marsh) joins the
/// bare surname's person (Marsh = Mr. Marsh) when every single-titled use of the surname is already that person and
/// neither side is known by a woman's title; and <b>Miss + surname</b> (Miss Vane) joins the only full name (Clara Vane,
/// and so Clara) when that person is never given a man's title. Two full names with one surname (two brothers, five
/// sisters) leave the surname apart; Mr. and Mrs. with one surname are never joined.</item>
/// <item><b>A nickname</b> (Lizzy, Eliza) whose variants are all bare or with Miss joins the one untitled person named by the
/// given name it shortens (<see cref="CharacterLexicon.Nicknames"/>), when at least half of the nickname's
/// chapters also name that person.</item>
/// </list>
/// </remarks>
internal sealed class VariantMerger
{
    internal const double FemaleSurnameWeight = 0.25;
    internal const double FullNameWeight = 2.0;
    internal const double NicknameChapterOverlap = 0.5;

    private readonly TokenTable _table;
    private readonly MentionSet _set;
    private readonly List<NameVariant> _variants;
    private readonly double _dominance;
    private readonly int[] _parent;
    private readonly int[] _firstUses;
    private readonly int[] _lastUses;
    private readonly bool[] _female;

    private VariantMerger(TokenTable table, MentionSet set, double dominance)
    {
        _table = table;
        _set = set;
        _variants = set.Variants;
        _dominance = dominance;
        _parent = new int[_variants.Count];
        for (var i = 0; i < _parent.Length; i++) _parent[i] = i;
        _firstUses = new int[table.Count];
        _lastUses = new int[table.Count];
        _female = new bool[_variants.Count];
        foreach (var v in _variants) _female[v.Index] = v.Key.HasTitle && L.FemaleTitles.Contains(table.Spelling(v.Key.Title));
    }

    /// <summary>The root variant of each variant: variants with the same root are one person.</summary>
    public static int[] Merge(TokenTable table, MentionSet set, double dominance)
    {
        var merger = new VariantMerger(table, set, dominance);
        merger.CountUses();
        merger.JoinTitledFullNames();
        merger.JoinMissGivenNames();
        merger.JoinBareNames();
        merger.JoinOnlyFullNames();
        merger.JoinNicknames();
        var roots = new int[set.Variants.Count];
        for (var i = 0; i < roots.Length; i++) roots[i] = merger.Find(i);
        return roots;
    }

    private string Word(int token) => _table.Spelling(token);

    private void CountUses()
    {
        foreach (var v in _variants)
        {
            var key = v.Key;
            if (key.Length >= 2)
            {
                _firstUses[key.First] += v.Mentions;
                _lastUses[key.Last] += v.Mentions;
            }
            else if (key.HasTitle && !L.GivenNameTitles.Contains(Word(key.Title)))
            {
                _lastUses[key.First] += v.Mentions;
            }
        }
    }

    private bool IsSurname(int token) => _lastUses[token] > _firstUses[token];

    private void JoinTitledFullNames()
    {
        foreach (var v in _variants)
        {
            var key = v.Key;
            if (!key.HasTitle || key.Length < 2) continue;
            var title = Word(key.Title);
            if (_set.TryFind(key.Untitled(), out var untitled)) Union(v.Index, untitled);
            else if (L.GivenNameTitles.Contains(title) && _set.TryFind(NameKey.Single(key.Title, key.First), out var given)) Union(v.Index, given);
            else if (!L.MissTitles.Contains(title) && _set.TryFind(NameKey.Single(key.Title, key.Last), out var surname)) Union(v.Index, surname);
        }
    }

    private void JoinMissGivenNames()
    {
        foreach (var v in _variants)
        {
            var key = v.Key;
            if (!key.HasTitle || key.Length != 1 || !L.MissTitles.Contains(Word(key.Title)) || IsSurname(key.First)) continue;
            if (_set.TryFind(NameKey.Single(-1, key.First), out var bare)) Union(v.Index, bare);
        }
    }

    private void JoinBareNames()
    {
        // Variants that use each word as first or last name word, or after a title.
        var users = new Dictionary<int, List<int>>();
        foreach (var v in _variants)
        {
            var key = v.Key;
            if (key.Length == 1 && !key.HasTitle) continue;
            Add(users, key.First, v.Index);
            if (key.Length >= 2) Add(users, key.Last, v.Index);
        }

        // Given names first: they build the people (Lydia = Miss Lydia = Lydia Wickham) whose titles then tell
        // which surnames are theirs.
        var weights = new Dictionary<int, double>();
        foreach (var surnames in new[] { false, true })
        foreach (var v in _variants)
        {
            var key = v.Key;
            if (key.HasTitle || key.Length != 1 || !users.TryGetValue(key.First, out var candidates)) continue;
            var surname = IsSurname(key.First);
            if (surname != surnames) continue;
            var self = Find(v.Index);
            weights.Clear();
            var total = 0.0;
            foreach (var c in candidates)
            {
                var root = Find(c);
                if (root == self) continue;
                var candidate = _variants[c];
                var weight = candidate.Mentions * (candidate.Key.Length >= 2 && !candidate.Key.HasTitle ? FullNameWeight : 1.0);
                if (surname && _female[root]) weight *= FemaleSurnameWeight;
                weights[root] = weights.GetValueOrDefault(root) + weight;
                total += weight;
            }
            if (total <= 0) continue;
            int best = -1;
            var bestWeight = 0.0;
            foreach (var (root, weight) in weights)
            {
                if (weight > bestWeight || (weight == bestWeight && root < best))
                {
                    best = root;
                    bestWeight = weight;
                }
            }
            if (bestWeight >= _dominance * total) Union(v.Index, best);
        }
    }

    private void JoinOnlyFullNames()
    {
        // Per surname: the given names used with it in full names, and its untitled full name.
        var givenNames = new Dictionary<int, HashSet<int>>();
        var fullName = new Dictionary<int, int>();
        foreach (var v in _variants)
        {
            var key = v.Key;
            if (key.Length < 2) continue;
            if (!givenNames.TryGetValue(key.Last, out var given)) givenNames[key.Last] = given = [];
            given.Add(key.First);
            if (!key.HasTitle) fullName.TryAdd(key.Last, v.Index);
        }
        foreach (var (surname, given) in givenNames)
        {
            if (given.Count != 1 || !fullName.TryGetValue(surname, out var full)) continue;
            if (!_female[Find(full)] && OneManTitle(surname, out var titled))
            {
                if (_set.TryFind(NameKey.Single(-1, surname), out var bare) && !_female[Find(bare)]) Union(full, bare);
                if (titled >= 0) Union(full, titled);
            }
            var person = Find(full);
            foreach (var v in _variants)
            {
                var key = v.Key;
                if (key.Length == 1 && key.HasTitle && key.First == surname && L.MissTitles.Contains(Word(key.Title))
                    && !HasManTitle(person))
                {
                    Union(v.Index, full);
                }
            }
        }
    }

    /// <summary>The surname after a title alone (Mr. Marsh) uses at most one title, and not a woman's or Miss:
    /// <paramref name="titled"/> is that variant (-1 when the surname never follows a title).</summary>
    private bool OneManTitle(int surname, out int titled)
    {
        titled = -1;
        foreach (var v in _variants)
        {
            if (!v.Key.HasTitle || v.Key.Length != 1 || v.Key.First != surname) continue;
            if (titled >= 0 || L.FemaleTitles.Contains(Word(v.Key.Title)) || L.MissTitles.Contains(Word(v.Key.Title))) return false;
            titled = v.Index;
        }
        return true;
    }

    /// <summary>A variant of the person has a title that is not a woman's (Mr., Sir, Captain).</summary>
    private bool HasManTitle(int root)
    {
        foreach (var v in _variants)
            if (v.Key.HasTitle && Find(v.Index) == root && !L.FemaleTitles.Contains(Word(v.Key.Title))) return true;
        return false;
    }

    private void JoinNicknames()
    {
        var groups = Groups();
        foreach (var (root, members) in groups.OrderBy(g => g.Key))
        {
            var main = Main(members);
            var key = main.Key;
            if (key.HasTitle || key.Length != 1 || !L.Nicknames.TryGetValue(Word(key.First), out var fullNames)) continue;
            if (members.Any(m => _variants[m].Key.HasTitle && !L.MissTitles.Contains(Word(_variants[m].Key.Title)))) continue;

            var target = -1;
            var ambiguous = false;
            foreach (var v in _variants)
            {
                if (v.Key.HasTitle || !fullNames.Contains(Word(v.Key.First), StringComparer.OrdinalIgnoreCase)) continue;
                var other = Find(v.Index);
                if (other == Find(root)) continue;
                if (target >= 0 && target != other) ambiguous = true;
                target = other;
            }
            if (target < 0 || ambiguous) continue;
            var targetMembers = Enumerable.Range(0, _variants.Count).Where(i => Find(i) == target).ToList();
            if (Main(targetMembers).Key.HasTitle) continue; // Kitty is not Lady Catherine

            var mine = Chapters(Find(root));
            var theirs = Chapters(target);
            var shared = mine.Count(theirs.Contains);
            if (mine.Count > 0 && shared >= NicknameChapterOverlap * mine.Count) Union(root, target);
        }
    }

    private Dictionary<int, List<int>> Groups()
    {
        var groups = new Dictionary<int, List<int>>();
        for (var i = 0; i < _variants.Count; i++) Add(groups, Find(i), i);
        return groups;
    }

    /// <summary>The most used variant of a group (the earliest on a tie).</summary>
    private NameVariant Main(List<int> members)
    {
        var best = _variants[members[0]];
        foreach (var m in members)
        {
            var v = _variants[m];
            if (v.Mentions > best.Mentions || (v.Mentions == best.Mentions && v.FirstMention < best.FirstMention)) best = v;
        }
        return best;
    }

    private HashSet<int> Chapters(int root)
    {
        var chapters = new HashSet<int>();
        var paragraphs = _table.Document.Paragraphs;
        foreach (var mention in _set.Mentions)
            if (Find(mention.Variant) == root) chapters.Add(paragraphs[mention.Paragraph].ChapterIndex);
        return chapters;
    }

    private static void Add(Dictionary<int, List<int>> map, int key, int value)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(value);
    }

    private int Find(int i)
    {
        while (_parent[i] != i)
        {
            _parent[i] = _parent[_parent[i]];
            i = _parent[i];
        }
        return i;
    }

    private void Union(int a, int b)
    {
        var ra = Find(a);
        var rb = Find(b);
        if (ra == rb) return;
        var female = _female[ra] || _female[rb];
        if (ra < rb) _parent[rb] = ra;
        else _parent[ra] = rb;
        _female[Math.Min(ra, rb)] = female;
    }
}
