using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Revision;

/// <summary>
/// One revision of a document: the word rules read the word index (lexical illusions first, so spelling skips the
/// words they remove), then one scan over the characters adds the typographic edits and merges the word edits in,
/// so the edits come out sorted and never overlapping.
/// </summary>
internal sealed class RevisionPass
{
    private RevisionPass(EditList edits, IReadOnlyList<SpellingChange> spelling)
    {
        Edits = edits;
        Spelling = spelling;
    }

    public EditList Edits { get; }

    /// <summary>The spelling families changed, most changed first.</summary>
    public IReadOnlyList<SpellingChange> Spelling { get; }

    public static RevisionPass Run(ManuscriptDocument document, ReviseOptions options)
    {
        var wordEdits = new List<WordEdit>();
        bool[]? removed = null;
        if (options.LexicalIllusions) LexicalIllusions.Find(document, wordEdits, ref removed);
        IReadOnlyList<SpellingChange> spelling = [];
        if (options.Spelling)
        {
            var before = wordEdits.Count;
            spelling = SpellingNormaliser.Find(document, removed, wordEdits);
            // Both lists are in text order; merge only when both have edits.
            if (before > 0 && wordEdits.Count > before) wordEdits.Sort((x, y) => x.Offset.CompareTo(y.Offset));
        }
        var edits = new EditList(document.Text, Math.Max(64, wordEdits.Count * 2));
        TypographyScanner.Scan(document, options, wordEdits, edits);
        return new RevisionPass(edits, spelling);
    }
}
