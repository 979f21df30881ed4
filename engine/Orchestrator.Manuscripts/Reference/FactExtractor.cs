using System.Text.RegularExpressions;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Reference;

/// <summary>
/// Reads the names and simple stated traits of a document, the same way for a library's documents (when they are
/// added) and for the manuscript a consistency check compares with them, so both sides agree on what a name is.
/// </summary>
/// <remarks>
/// A name is a capitalised word of letters (inner hyphens and apostrophes allowed, a possessive 's dropped), at least
/// three letters long, written capitalised inside a sentence at least once (not first in it, not just after an opening
/// quote or a dash), never written in lower case anywhere in the document, and not one of the few capitalised
/// function words (<see cref="TraitValue.NotNames"/>). One pass over the words. Traits come from
/// <see cref="TraitPatterns"/>, the eyes and hair shapes' regexes run only where "eyes" or "hair" is (<see cref="TraitSearch"/>), the age shape's over the whole text.
/// </remarks>
public static class FactExtractor
{
    public static DocumentFacts Extract(ManuscriptDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new DocumentFacts(Names(document), Traits(document));
    }

    private sealed class Tally
    {
        public int Mentions, Inside, FirstOffset, FirstLength;
    }

    private static List<NameUse> Names(ManuscriptDocument document)
    {
        var text = document.Text;
        var lower = new HashSet<string>(StringComparer.Ordinal);
        var tallies = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var lowerLookup = lower.GetAlternateLookup<ReadOnlySpan<char>>();
        var tallyLookup = tallies.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var sentence in document.Sentences)
        {
            for (var w = sentence.FirstWord; w < sentence.FirstWord + sentence.WordCount; w++)
            {
                var word = document.Words[w];
                var span = WithoutPossessive(text.AsSpan(word.Start, word.Length));
                if (span.Length == 0 || !char.IsLetter(span[0])) continue;
                if (char.IsLower(span[0]))
                {
                    if (!lowerLookup.Contains(span)) lower.Add(span.ToString());
                    continue;
                }
                if (span.Length < 3 || !IsNameShaped(span)) continue;
                if (!tallyLookup.TryGetValue(span, out var tally))
                    tallyLookup[span] = tally = new Tally { FirstOffset = word.Start, FirstLength = span.Length };
                tally.Mentions++;
                if (w > sentence.FirstWord && !AfterOpener(text, word.Start)) tally.Inside++;
            }
        }
        var names = new List<NameUse>();
        foreach (var (form, tally) in tallies)
        {
            if (tally.Inside == 0 || TraitValue.NotNames.Contains(form) || lower.Contains(form.ToLowerInvariant())) continue;
            names.Add(new NameUse(form, tally.Mentions, tally.FirstOffset, tally.FirstLength));
        }
        names.Sort((a, b) => a.FirstOffset.CompareTo(b.FirstOffset));
        return names;
    }

    private static ReadOnlySpan<char> WithoutPossessive(ReadOnlySpan<char> word)
    {
        if (word.Length > 2 && word[^1] is 's' && word[^2] is '\'' or '’') return word[..^2];
        if (word.Length > 1 && word[^1] is '\'' or '’') return word[..^1];
        return word;
    }

    /// <summary>Upper-case first, then letters with at least one lower-case letter (not an all-capitals word), inner ' ’ - allowed.</summary>
    private static bool IsNameShaped(ReadOnlySpan<char> word)
    {
        if (!char.IsUpper(word[0])) return false;
        var hasLower = false;
        for (var i = 1; i < word.Length; i++)
        {
            var c = word[i];
            if (char.IsLower(c)) hasLower = true;
            else if (!char.IsLetter(c) && c is not ('-' or '\'' or '’')) return false;
        }
        return hasLower;
    }

    /// <summary>True when the nearest character before the word (spaces skipped) opens speech or a clause: a quote, a dash, a colon.</summary>
    private static bool AfterOpener(string text, int start)
    {
        var i = start - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i])) i--;
        return i >= 0 && text[i] is '"' or '“' or '‘' or '\'' or '—' or '–' or ':' or '(' or '[' or '_' or '*';
    }

    private static List<TraitStatement> Traits(ManuscriptDocument document)
    {
        var traits = new List<TraitStatement>();
        Collect(document, TraitSearch.Matches(TraitPatterns.Possessive(), TraitSearch.EyesOrHair, document.Text), null, traits);
        Collect(document, TraitSearch.Matches(TraitPatterns.Having(), TraitSearch.EyesOrHair, document.Text), null, traits);
        Collect(document, TraitPatterns.AgeStatement().Matches(document.Text), TraitValue.Age, traits);
        traits.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        return traits;
    }

    private static void Collect(ManuscriptDocument document, IEnumerable<Match> matches, string? attribute, List<TraitStatement> traits)
    {
        foreach (var m in matches)
        {
            var subject = TraitValue.CleanSubject(m.Groups["s"].Value);
            if (subject.Length == 0) continue;
            var kind = attribute ?? m.Groups["a"].Value.ToLowerInvariant();
            traits.Add(new TraitStatement(subject, kind, m.Groups["v"].Value, m.Index, m.Length, SentenceAt(document, m.Index)));
        }
    }

    /// <summary>The sentence holding <paramref name="offset"/>, for evidence (the matched line itself when no sentence holds it).</summary>
    private static string SentenceAt(ManuscriptDocument document, int offset)
    {
        var sentences = document.Sentences;
        int lo = 0, hi = sentences.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var span = sentences[mid].Span;
            if (offset < span.Start) hi = mid - 1;
            else if (offset >= span.Start + span.Length) lo = mid + 1;
            else return document.Slice(span).ToString().Trim();
        }
        var end = document.Text.IndexOf('\n', offset);
        return document.Text[offset..(end < 0 ? document.Text.Length : end)].Trim();
    }
}
