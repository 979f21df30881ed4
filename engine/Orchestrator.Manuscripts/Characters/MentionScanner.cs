using System.Text;
using Orchestrator.Manuscripts.Text;
using L = Orchestrator.Manuscripts.Characters.CharacterLexicon;

namespace Orchestrator.Manuscripts.Characters;

/// <summary>
/// The second pass of character detection: reads each run of capitalised words with the token kinds of the
/// <see cref="TokenTable"/> and records the names in it as <see cref="Mention"/>s, noting the ones that attribute
/// dialogue.
/// </summary>
/// <remarks>
/// <para>In a run, a title (Mr, Lady, Captain, or a rank such as Queen) followed by name words is one mention
/// with that title; right after a title any capitalised word not in the built-in exclusions is taken as a name
/// (Mrs. Long, Miss King), a rank included. Name words with the particles between them (de, van) are one mention, up to four words.
/// Names directly followed by another capitalised non-name word are part of a larger proper noun (Lucas Lodge,
/// Gracechurch Street) and are not mentions; a run that starts with a place prefix (Mount, Cape, St.) is a place.
/// A rank that is a name in this book (the Queen, the King in Alice) is a mention on its own; a title alone is
/// not.</para>
/// <para><b>Attribution.</b> A mention attributes a line when it is in narration (not inside quotes) next to a
/// speech verb: right after it ("said Holmes", "said the Hatter", with "the" allowed between) or right before
/// it ("Elizabeth replied"), and the sentence or a neighbouring sentence of the same paragraph holds quoted
/// speech.</para>
/// </remarks>
internal sealed class MentionScanner
{
    private readonly TokenTable _table;
    private readonly ManuscriptDocument _doc;
    private readonly DialogueMap _dialogue;
    private readonly Dictionary<NameKey, int> _index = [];
    private readonly List<NameVariant> _variants = [];
    private readonly List<Mention> _mentions = [];

    private MentionScanner(TokenTable table)
    {
        _table = table;
        _doc = table.Document;
        _dialogue = _doc.Dialogue;
    }

    public static MentionSet Scan(TokenTable table)
    {
        var scanner = new MentionScanner(table);
        foreach (var run in table.Runs) scanner.ScanRun(run);
        foreach (var variant in scanner._variants)
            variant.Display = scanner.DisplayOf(scanner._mentions[variant.FirstMention]);
        return new MentionSet(scanner._variants, scanner._mentions, scanner._index);
    }

    private void ScanRun(CapitalRun run)
    {
        var tokens = _table.Tokens(run);
        if ((_table.Flags(tokens[0]) & TokenFlags.PlacePrefix) != 0) return; // Mont Blanc, Cape Horn, St. Paul's
        var k = 0;
        while (k < tokens.Length)
        {
            var kind = _table.Kind(tokens[k]);
            if (kind is TokenKind.Title or TokenKind.Rank or TokenKind.RankTitleOnly)
            {
                var end = NameEnd(tokens, k + 1, afterTitle: true);
                if (end > k + 1)
                {
                    if (!FollowedByNonName(tokens, end)) Emit(run, tokens[k], tokens[(k + 1)..end], k, end - 1);
                    k = end;
                    continue;
                }
                if (kind == TokenKind.Rank) Emit(run, -1, tokens.Slice(k, 1), k, k);
                k++;
                continue;
            }
            if (kind is TokenKind.Name or TokenKind.NamePartOnly or TokenKind.Particle)
            {
                var end = NameEnd(tokens, k, afterTitle: false);
                if (end > k)
                {
                    if (!FollowedByNonName(tokens, end)) Emit(run, -1, tokens[k..end], k, end - 1);
                    k = end;
                    continue;
                }
            }
            k++;
        }
    }

    /// <summary>End (exclusive) of the name words starting at <paramref name="start"/>; a trailing particle or
    /// name-part-only word (de, March) is left out.</summary>
    private int NameEnd(ReadOnlySpan<int> tokens, int start, bool afterTitle)
    {
        int j = start, end = start, names = 0;
        while (j < tokens.Length && names < NameKey.MaxNames)
        {
            var kind = _table.Kind(tokens[j]);
            if (kind == TokenKind.Name
                || (afterTitle && j == start && kind is TokenKind.Other or TokenKind.Rank or TokenKind.RankTitleOnly)) // Mrs. Long, Miss King
            {
                j++;
                names++;
                end = j;
            }
            else if (kind == TokenKind.NamePartOnly)
            {
                j++;
                names++;
            }
            else if (kind == TokenKind.Particle)
            {
                j++;
            }
            else
            {
                break;
            }
        }
        return end;
    }

    private bool FollowedByNonName(ReadOnlySpan<int> tokens, int end) =>
        end < tokens.Length && _table.Kind(tokens[end]) is TokenKind.Other or TokenKind.Excluded;

    private void Emit(CapitalRun run, int title, ReadOnlySpan<int> names, int fromToken, int toToken)
    {
        var key = NameKey.Of(title, names);
        var firstWord = run.FirstWord + fromToken;
        var lastWord = run.FirstWord + toToken;
        if (!_index.TryGetValue(key, out var variant))
        {
            variant = _variants.Count;
            _index.Add(key, variant);
            _variants.Add(new NameVariant(variant, key, _mentions.Count));
        }
        _variants[variant].Mentions++;
        var paragraph = _doc.Sentences[run.Sentence].ParagraphIndex;
        _mentions.Add(new Mention(variant, firstWord, lastWord, run.Sentence, paragraph, IsAttribution(run.Sentence, firstWord, lastWord)));
    }

    private bool IsAttribution(int sentenceIndex, int firstWord, int lastWord)
    {
        var sentences = _doc.Sentences;
        var sentence = sentences[sentenceIndex];
        var paragraph = sentence.ParagraphIndex;
        if (_dialogue.ParagraphDialogueChars[paragraph] == 0) return false;
        if (_dialogue.IsInDialogue(_doc.Words[firstWord].Start)) return false;

        var verb = false;
        var prev = firstWord - 1;
        if (prev >= sentence.FirstWord && _table.Joined(prev, firstWord))
        {
            var before = NeighbourWords.Of(_doc.WordText(prev));
            if ((before & Neighbour.The) != 0 && prev - 1 >= sentence.FirstWord && _table.Joined(prev - 1, prev))
                before = NeighbourWords.Of(_doc.WordText(prev - 1)); // said the Hatter
            verb = (before & Neighbour.SpeechVerb) != 0;
        }
        var next = lastWord + 1;
        if (!verb && next < sentence.FirstWord + sentence.WordCount && _table.Joined(lastWord, next))
            verb = (NeighbourWords.Of(_doc.WordText(next)) & Neighbour.SpeechVerb) != 0;
        return verb && SpeechNear(_doc, sentenceIndex);
    }

    /// <summary>The sentence, or a neighbouring sentence of the same paragraph, holds quoted speech: an attribution
    /// next to it tags a line.</summary>
    internal static bool SpeechNear(ManuscriptDocument document, int sentenceIndex)
    {
        var sentences = document.Sentences;
        var dialogue = document.Dialogue;
        var paragraph = sentences[sentenceIndex].ParagraphIndex;
        return dialogue.IsDialogue(sentences[sentenceIndex])
            || (sentenceIndex > 0 && sentences[sentenceIndex - 1].ParagraphIndex == paragraph && dialogue.IsDialogue(sentences[sentenceIndex - 1]))
            || (sentenceIndex + 1 < sentences.Length && sentences[sentenceIndex + 1].ParagraphIndex == paragraph
                && dialogue.IsDialogue(sentences[sentenceIndex + 1]));
    }

    /// <summary>The words of a mention as written (title period kept, possessive dropped), one space between words.</summary>
    private string DisplayOf(Mention mention)
    {
        var builder = new StringBuilder();
        var text = _doc.Text;
        for (var w = mention.FirstWord; w <= mention.LastWord; w++)
        {
            var word = _doc.WordText(w);
            if (w == mention.LastWord) word = TokenTable.StripPossessive(word);
            if (builder.Length > 0) builder.Append(' ');
            builder.Append(word);
            var end = _doc.Words[w].Start + _doc.Words[w].Length;
            if (w < mention.LastWord && end < text.Length && text[end] == '.') builder.Append('.');
        }
        return builder.ToString();
    }
}
