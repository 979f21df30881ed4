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

    /// <summary>The FTS5 match expression, or an empty string when the text has no word.</summary>
    public static string Build(string text)
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
        var terms = (content.Count > 0 ? content : all).Take(MaxTerms);
        return string.Join(" OR ", terms.Select(t => "\"" + t + "\""));
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
