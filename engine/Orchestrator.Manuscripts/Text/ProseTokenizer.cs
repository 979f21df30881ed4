using System.Globalization;
using System.Runtime.CompilerServices;

namespace Orchestrator.Manuscripts.Text;

/// <summary>
/// Splits one paragraph into words and sentences in a single pass over its characters.
/// Words: letters and digits, with inner apostrophes (’ ') and hyphens joining letters (don’t,
/// well-known), and inner . or , between digits (3.14, 1,000). Sentences end at . ! ? … (and runs of
/// them, then closing quotes/brackets/underscores) followed by white space and a character that is
/// not a lower-case letter (after any opening quote or bracket), except after titles (Mr.), initials (J.), abbreviations before a
/// number (Dec. 11th), and an ellipsis standing apart from the word before it (". . ." or " … ", an omission inside the sentence).
/// A dotted abbreviation (U.S., a.m.) ends a sentence only when the next word is one that opens sentences (He, The, But…).
/// Sentences without words are merged into the next.
/// </summary>
internal static class ProseTokenizer
{
    public static void Tokenize(string text, int start, int end, int paragraphIndex, ref PooledList<Word> words, ref PooledList<Sentence> sentences)
    {
        var s = text.AsSpan(0, end);
        int sentenceStart = -1;
        int sentenceFirstWord = words.Count;
        int lastWordStart = -1, lastWordEnd = -1;
        int i = start;
        while (i < s.Length)
        {
            char c = s[i];
            if (IsWordChar(c))
            {
                int wordStart = i++;
                while (i < s.Length)
                {
                    c = s[i];
                    if (IsWordChar(c))
                    {
                        i++;
                    }
                    else if ((uint)(i + 1) < (uint)s.Length && IsJoiner(c, s[i - 1], s[i + 1]))
                    {
                        i += 2;
                    }
                    else
                    {
                        break;
                    }
                }
                words.Add(new Word(wordStart, i - wordStart));
                lastWordStart = wordStart;
                lastWordEnd = i;
                if (sentenceStart < 0)
                    sentenceStart = wordStart;
                continue;
            }
            if (IsSpace(c))
            {
                i++;
                continue;
            }
            if (sentenceStart < 0)
                sentenceStart = i;
            if (c is not ('.' or '!' or '?' or '…'))
            {
                i++;
                continue;
            }

            int terminator = i;
            int j = i + 1;
            int dots = 0;
            bool exclaims = false;
            for (int t = i; ; )
            {
                // The run: . ! ? … and the spaced ellipsis ". . ." (a space then another period continues it).
                dots += s[t] == '.' ? 1 : s[t] == '…' ? 3 : 0;
                exclaims |= s[t] is '!' or '?';
                if (j < s.Length && s[j] is '.' or '!' or '?' or '…')
                    t = j++;
                else if (j + 1 < s.Length && s[j] == ' ' && s[j + 1] == '.' && dots >= 1 && !exclaims)
                {
                    t = j + 1;
                    j += 2;
                }
                else
                    break;
            }
            bool singlePeriod = c == '.' && j == i + 1;
            while (j < s.Length && IsCloser(s[j]))
                j++;
            i = j;
            if (words.Count == sentenceFirstWord || j >= s.Length || !IsSpace(s[j]))
                continue;
            int k = j + 1;
            while (k < s.Length && IsSpace(s[k]))
                k++;
            if (k >= s.Length)
                continue;
            char next = s[k];
            int letter = k;
            while (letter + 1 < s.Length && IsOpener(s[letter]))
                letter++;
            if (char.IsLower(s[letter]))
                continue; // “I shall be late!” (when she…  /  “What?” said Alice.
            if (!exclaims && dots is 2 or 3 && terminator > start && (IsSpace(s[terminator - 1]) || s[terminator - 1] == '['))
                continue; // an ellipsis standing apart marks an omission inside the sentence: “the thing is . . . I didn’t”, “[…]”
            if (singlePeriod && lastWordEnd == terminator)
            {
                var last = s.Slice(lastWordStart, lastWordEnd - lastWordStart);
                if (Abbreviations.IsDotted(s, lastWordStart, start))
                {
                    // U.S., a.m., e.g.: a boundary only when the next word is one that opens sentences ("U.S. He…", not "U.S. Navy").
                    if (!Abbreviations.StartsSentence(NextWord(s, letter), Abbreviations.DottedStart(s, lastWordStart, start)))
                        continue;
                }
                else if (Abbreviations.PreventsBreak(last, next))
                    continue;
            }

            sentences.Add(new Sentence(new TextSpan(sentenceStart, j - sentenceStart), paragraphIndex, sentenceFirstWord, words.Count - sentenceFirstWord));
            sentenceStart = -1;
            sentenceFirstWord = words.Count;
            i = k;
        }
        if (words.Count > sentenceFirstWord)
            sentences.Add(new Sentence(new TextSpan(sentenceStart, end - sentenceStart), paragraphIndex, sentenceFirstWord, words.Count - sentenceFirstWord));
    }

    /// <summary>The letters from <paramref name="from"/> on (the next word, or empty).</summary>
    private static ReadOnlySpan<char> NextWord(ReadOnlySpan<char> s, int from)
    {
        var end = from;
        while (end < s.Length && char.IsLetter(s[end]))
            end++;
        return s[from..end];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWordChar(char c)
    {
        if (c < 128)
            return char.IsAsciiLetterOrDigit(c);
        return IsWordCharSlow(c);
    }

    private static bool IsWordCharSlow(char c)
    {
        var category = char.GetUnicodeCategory(c);
        return category <= UnicodeCategory.SpacingCombiningMark
            || category is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber;
    }

    /// <summary>An apostrophe or hyphen between word characters, or . , between digits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsJoiner(char c, char before, char after) => c switch
    {
        '\'' or '’' or '-' or '‐' or '‑' => IsWordChar(after),
        '.' or ',' => char.IsAsciiDigit(before) && char.IsAsciiDigit(after),
        _ => false,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSpace(char c) =>
        c == ' ' || c == '\n' || (c < 128 ? c is '\t' or '\r' or '\f' or '\v' : c >= '\u0085' && char.IsWhiteSpace(c));

    private static bool IsOpener(char c) => c is '"' or '\'' or '‘' or '“' or '(' or '[' or '«' or '‹' or '_' or '*';

    private static bool IsCloser(char c) => c is '"' or '\'' or '’' or '”' or ')' or ']' or '»' or '›' or '_' or '*';
}
