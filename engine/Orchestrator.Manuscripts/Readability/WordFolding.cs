namespace Orchestrator.Manuscripts.Readability;

/// <summary>
/// The form every lexicon and the syllable counter read a word in: lower case, Latin accents folded
/// (café → cafe, Cæsar → caesar), curly and modifier apostrophes as <c>'</c>, every hyphen as <c>-</c>. Other
/// characters (digits, letters of other scripts) are kept as they are, lower-cased. Written into a caller's
/// buffer, so a lookup allocates nothing.
/// </summary>
public static class WordFolding
{
    /// <summary>The longest word folded into a stack buffer; longer ones are not looked up in any lexicon.</summary>
    public const int MaxLength = 48;

    /// <summary>
    /// Writes the folded form of <paramref name="word"/> into <paramref name="destination"/> and returns its
    /// length, or -1 when it does not fit (æ and œ fold to two letters).
    /// </summary>
    public static int Fold(ReadOnlySpan<char> word, Span<char> destination)
    {
        if (word.Length <= destination.Length)
        {
            // The common case, plain ASCII, in one pass; anything else restarts on the general path.
            var i = 0;
            for (; i < word.Length; i++)
            {
                var c = word[i];
                if (c >= 128) break;
                destination[i] = (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c;
            }
            if (i == word.Length) return i;
        }
        var n = 0;
        foreach (var c in word)
        {
            if (n >= destination.Length) return -1;
            if (c < 128)
            {
                destination[n++] = c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
                continue;
            }
            switch (c)
            {
                case '’' or '‘' or 'ʼ' or '′':
                    destination[n++] = '\'';
                    break;
                case '‐' or '‑' or '–':
                    destination[n++] = '-';
                    break;
                case 'æ' or 'Æ' or 'œ' or 'Œ':
                    if (n + 1 >= destination.Length) return -1;
                    destination[n++] = c is 'æ' or 'Æ' ? 'a' : 'o';
                    destination[n++] = 'e';
                    break;
                default:
                    destination[n++] = FoldAccent(char.ToLowerInvariant(c));
                    break;
            }
        }
        return n;
    }

    private static char FoldAccent(char c) => c switch
    {
        'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' or 'ā' => 'a',
        'ç' or 'ć' or 'č' => 'c',
        'è' or 'é' or 'ê' or 'ë' or 'ē' or 'ė' or 'ę' => 'e',
        'ì' or 'í' or 'î' or 'ï' or 'ī' => 'i',
        'ñ' or 'ń' => 'n',
        'ò' or 'ó' or 'ô' or 'õ' or 'ö' or 'ø' or 'ō' => 'o',
        'ù' or 'ú' or 'û' or 'ü' or 'ū' => 'u',
        'ý' or 'ÿ' => 'y',
        _ => c,
    };
}
