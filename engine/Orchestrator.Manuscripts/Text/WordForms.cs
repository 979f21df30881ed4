using System.Numerics;

namespace Orchestrator.Manuscripts.Text;

/// <summary>
/// The distinct word forms of a document exactly as written (ordinal: <i>Whale</i>, <i>whale</i> and
/// <i>whale’s</i> are three forms) and, for every word token, the id of its form; ids are given in order of first
/// use. A novel of 200,000 words has some 25,000 forms, so a node that needs facts about words (folded form,
/// lexicon traits, syllables) works them out once per form and reads them per token by index, instead of folding
/// and hashing every token again in each node. Built once per document (<see cref="ManuscriptDocument.Forms"/>),
/// read-only afterwards, shared by every node.
/// </summary>
public sealed class WordForms
{
    private readonly int[] _formOf;
    private readonly string[] _forms;

    private WordForms(int[] formOf, string[] forms)
    {
        _formOf = formOf;
        _forms = forms;
    }

    /// <summary>Distinct forms.</summary>
    public int Count => _forms.Length;

    /// <summary>The form id of word <paramref name="wordIndex"/> (an index into <see cref="ManuscriptDocument.Words"/>).</summary>
    public int FormOf(int wordIndex) => _formOf[wordIndex];

    /// <summary>The text of a form, as written.</summary>
    public string this[int form] => _forms[form];

    /// <summary>
    /// One pass over the words: one hash lookup per token, one string per distinct form. An open-addressing table
    /// of form ids keyed by FNV-1a over the characters; a candidate is compared with the text of the form's first
    /// use, so a lookup allocates nothing (a general dictionary with span lookup took two to three times as long here).
    /// </summary>
    public static WordForms Build(ManuscriptDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var words = document.Words;
        var formOf = new int[words.Length];
        var capacity = Math.Max(16, words.Length / 6);
        var buckets = new int[(int)BitOperations.RoundUpToPowerOf2((uint)capacity * 2)]; // form id + 1, 0 = empty
        var hashes = new int[capacity];
        var firstUse = new int[capacity];
        var count = 0;
        var mask = buckets.Length - 1;
        for (var i = 0; i < words.Length; i++)
        {
            var span = text.AsSpan(words[i].Start, words[i].Length);
            var hash = Hash(span);
            var slot = hash & mask;
            int id;
            while (true)
            {
                id = buckets[slot] - 1;
                if (id < 0)
                {
                    id = count++;
                    if (id == hashes.Length)
                    {
                        Array.Resize(ref hashes, hashes.Length * 2);
                        Array.Resize(ref firstUse, firstUse.Length * 2);
                    }
                    hashes[id] = hash;
                    firstUse[id] = i;
                    buckets[slot] = id + 1;
                    if (count * 2 > buckets.Length)
                    {
                        buckets = Rehash(hashes, count, buckets.Length * 2);
                        mask = buckets.Length - 1;
                    }
                    break;
                }
                if (hashes[id] == hash)
                {
                    var first = words[firstUse[id]];
                    if (span.SequenceEqual(text.AsSpan(first.Start, first.Length))) break;
                }
                slot = (slot + 1) & mask;
            }
            formOf[i] = id;
        }

        var forms = new string[count];
        for (var id = 0; id < count; id++) forms[id] = text.Substring(words[firstUse[id]].Start, words[firstUse[id]].Length);
        return new WordForms(formOf, forms);
    }

    private static int Hash(ReadOnlySpan<char> span)
    {
        var h = 2166136261u;
        foreach (var c in span) h = (h ^ c) * 16777619u;
        return (int)(h & 0x7FFF_FFFF);
    }

    private static int[] Rehash(int[] hashes, int count, int size)
    {
        var buckets = new int[size];
        var mask = size - 1;
        for (var id = 0; id < count; id++)
        {
            var slot = hashes[id] & mask;
            while (buckets[slot] != 0) slot = (slot + 1) & mask;
            buckets[slot] = id + 1;
        }
        return buckets;
    }
}
