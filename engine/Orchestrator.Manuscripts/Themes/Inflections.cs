namespace Orchestrator.Manuscripts.Themes;

/// <summary>
/// Regular English inflections of a stem, so a lexicon can list <c>betray</c> and match <c>betrays</c>,
/// <c>betrayed</c>, <c>betraying</c>. Used instead of a stemmer: expanding the lexicon once (at type
/// initialisation) keeps the per-word check a single set lookup, and a lexicon stays a readable list.
/// </summary>
/// <remarks>
/// <para>Forms produced for a stem <c>w</c> (all lower case):</para>
/// <list type="bullet">
/// <item>the stem itself;</item>
/// <item>plural / third person: <c>-es</c> after s, x, z, ch, sh (<c>kisses</c>); <c>-ies</c> for consonant + y
/// (<c>buries</c>); both <c>-s</c> and <c>-es</c> after o (<c>heroes</c>); else <c>-s</c>;</item>
/// <item>past: <c>-d</c> after e (<c>loved</c>); <c>-ied</c> for consonant + y (<c>buried</c>); else <c>-ed</c>;</item>
/// <item>present participle: <c>-ying</c> for a final ie (<c>dying</c>); e dropped before <c>-ing</c> except after
/// e, o or y (<c>loving</c>, <c>freeing</c>); else <c>-ing</c>;</item>
/// <item>for a stem ending consonant–vowel–consonant (not w, x or y), the doubled consonant too
/// (<c>grabbed</c>, <c>grabbing</c>, <c>sinned</c>); the undoubled form is kept as well, since
/// <c>opened</c> is right where <c>grabbed</c> doubles.</item>
/// </list>
/// <para>Irregular forms (<c>ran</c>, <c>fought</c>, <c>slain</c>) are listed in the lexicons themselves. Forms that
/// are not English words (<c>deads</c>) are harmless: no text contains them. What a lexicon must avoid is a stem
/// whose regular forms are a different common word; the lexicons leave such stems out.</para>
/// </remarks>
internal static class Inflections
{
    /// <summary>The stem and its regular inflections, lower case, without duplicates.</summary>
    public static IEnumerable<string> Of(string stem)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stem);
        var w = stem.Trim().ToLowerInvariant();
        var forms = new List<string>(8) { w };
        if (w.Length < 2 || !char.IsLetter(w[^1]))
            return forms;

        var last = w[^1];
        var consonantY = last == 'y' && !IsVowel(w[^2]);

        // Plural / third person singular.
        if (w.EndsWith('s') || w.EndsWith('x') || w.EndsWith('z') || w.EndsWith("ch", StringComparison.Ordinal) || w.EndsWith("sh", StringComparison.Ordinal))
            forms.Add(w + "es");
        else if (consonantY)
            forms.Add(w[..^1] + "ies");
        else if (last == 'o')
        {
            forms.Add(w + "s");
            forms.Add(w + "es");
        }
        else
            forms.Add(w + "s");

        // Past tense / past participle.
        if (last == 'e') forms.Add(w + "d");
        else if (consonantY) forms.Add(w[..^1] + "ied");
        else forms.Add(w + "ed");

        // Present participle.
        if (w.EndsWith("ie", StringComparison.Ordinal)) forms.Add(w[..^2] + "ying");
        else if (last == 'e' && w[^2] is not ('e' or 'o' or 'y')) forms.Add(w[..^1] + "ing");
        else forms.Add(w + "ing");

        if (EndsConsonantVowelConsonant(w))
        {
            forms.Add(w + last + "ed");
            forms.Add(w + last + "ing");
        }
        return forms.Distinct(StringComparer.Ordinal);
    }

    /// <summary>Every form of every stem in a whitespace- or comma-separated list.</summary>
    public static IEnumerable<string> OfAll(string stems) =>
        stems.Split([' ', ',', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).SelectMany(Of);

    private static bool EndsConsonantVowelConsonant(string w) =>
        w.Length >= 3
        && !IsVowel(w[^1]) && w[^1] is not ('w' or 'x' or 'y')
        && IsVowel(w[^2])
        && !IsVowel(w[^3]);

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
