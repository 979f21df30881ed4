using System.Text;

namespace Orchestrator.Library.Search;

/// <summary>
/// Turns what a user types into an FTS5 query: its words (letters and digits), lower-cased, English function words
/// left out (they are in nearly every chunk, so they cost the most to score and tell the least), each quoted so no
/// word is read as FTS5 syntax, joined by OR so BM25 ranks chunks by how many of the words they hold and how rare
/// those are. A query of function words only keeps them.
/// </summary>
internal static class LexicalQuery
{
    public const int MaxTerms = 32;

    /// <summary>
    /// At most this many (chunk, term) postings are scored per query, when the terms' frequencies are known: FTS5 ranks
    /// every chunk an OR query matches, so a query of common words over a large library would score tens of thousands
    /// of chunks (about 2 µs each). The rarest terms are kept, which are also the ones BM25 weighs most; a query over a
    /// small library, or of rare words, keeps every term.
    /// </summary>
    public const int MaxScoredPostings = 4000;

    /// <summary>The FTS5 match expression, or an empty string when the text has no word.</summary>
    public static string Build(string text) => Or(Terms(text));

    /// <summary>
    /// The FTS5 match expressions to try in turn until one matches: the <paramref name="terms"/> joined by OR; with
    /// their chunk counts (<paramref name="chunks"/>, from <see cref="TermFrequencies"/>), only the rarest within
    /// <see cref="MaxScoredPostings"/>, and when even the rarest is that common, first the two rarest joined by AND
    /// (the chunks holding both), then the rarest alone.
    /// </summary>
    public static IReadOnlyList<string> Plan(IReadOnlyList<string> terms, IReadOnlyList<int>? chunks) =>
        PlanMatches(terms, chunks).Select(m => m.Expression).ToArray();

    /// <summary><see cref="Plan"/> as the terms of each match and how they are joined, for an index that is not FTS5 (<see cref="LexicalIndex"/>).</summary>
    public static IReadOnlyList<LexicalMatch> PlanMatches(IReadOnlyList<string> terms, IReadOnlyList<int>? chunks)
    {
        if (terms.Count == 0) return [];
        if (chunks is null || chunks.Sum(c => (long)c) <= MaxScoredPostings) return [new LexicalMatch(terms, All: false)];
        // A term no chunk holds matches nothing: leaving it out changes no ranking.
        var counted = terms.Select((t, i) => (Term: t, Chunks: chunks[i])).Where(c => c.Chunks > 0).OrderBy(c => c.Chunks).ToList();
        var kept = new List<string>();
        long postings = 0;
        foreach (var (term, count) in counted)
        {
            if (kept.Count > 0 && postings + count > MaxScoredPostings) break;
            kept.Add(term);
            postings += count;
        }
        return kept.Count == 1 && counted.Count > 1 && counted[0].Chunks > MaxScoredPostings
            ? [new LexicalMatch([counted[0].Term, counted[1].Term], All: true), new LexicalMatch(kept, All: false)]
            : [new LexicalMatch(kept, All: false)];
    }

    private static string Or(IEnumerable<string> terms) => string.Join(" OR ", terms.Select(Quote));

    internal static string Quote(string term) => "\"" + term + "\"";

    /// <summary>The query's words: lower-cased, once each, function words left out unless there is nothing else, at most <see cref="MaxTerms"/>.</summary>
    public static List<string> Terms(string text)
    {
        var all = new List<string>();
        var content = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        foreach (var c in text.Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }
            if (word.Length == 0) continue;
            var term = word.ToString();
            word.Clear();
            if (!seen.Add(term)) continue;
            all.Add(term);
            if (!StopWords.Contains(term)) content.Add(term);
        }
        return (content.Count > 0 ? content : all).Take(MaxTerms).ToList();
    }

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at", "be", "because",
        "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down",
        "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself",
        "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "me", "more", "most", "my", "myself",
        "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over",
        "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves",
        "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "upon", "very", "was",
        "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your",
        "yours", "yourself", "yourselves", "s", "t", "said", "one", "would", "shall", "must", "may", "might", "yet", "ye", "thee",
        "thou", "thy", "o",
    };
}
