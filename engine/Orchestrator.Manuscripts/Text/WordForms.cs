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

    /// <summary>One pass over the words: one hash lookup per token, one string per distinct form.</summary>
    public static WordForms Build(ManuscriptDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var words = document.Words;
        var formOf = new int[words.Length];
        var ids = new Dictionary<string, int>(Math.Max(16, words.Length / 6), StringComparer.Ordinal);
        var lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        var forms = new List<string>(Math.Max(16, words.Length / 6));
        for (var i = 0; i < words.Length; i++)
        {
            var span = text.AsSpan(words[i].Start, words[i].Length);
            if (!lookup.TryGetValue(span, out var id))
            {
                id = forms.Count;
                var form = new string(span);
                ids.Add(form, id);
                forms.Add(form);
            }
            formOf[i] = id;
        }
        return new WordForms(formOf, forms.ToArray());
    }
}
