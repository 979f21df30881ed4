using Orchestrator.Engine.Nodes;

namespace Orchestrator.Manuscripts.Revision;

/// <summary>
/// The edits of one revision, appended in text order. An edit that would change nothing is dropped (so a revised
/// text revises to no edits); an edit that starts before the previous one ends is a bug in a rule and throws.
/// </summary>
internal sealed class EditList
{
    private readonly string _text;
    private readonly List<TextEdit> _edits;
    private readonly List<RevisionRule> _rules;
    private readonly int[] _counts = new int[RevisionRules.All.Count];
    private int _end;

    public EditList(string text, int capacity = 64)
    {
        _text = text;
        _edits = new List<TextEdit>(capacity);
        _rules = new List<RevisionRule>(capacity);
    }

    public IReadOnlyList<TextEdit> Edits => _edits;

    /// <summary>The rule of each edit (same index as <see cref="Edits"/>).</summary>
    public IReadOnlyList<RevisionRule> Rules => _rules;

    public int Count => _edits.Count;

    /// <summary>End of the last edit: nothing before it may be edited any more.</summary>
    public int End => _end;

    public int CountOf(RevisionRule rule) => _counts[(int)rule];

    /// <summary>Adds an edit unless it changes nothing; returns true when added.</summary>
    public bool Add(int offset, int length, string replacement, RevisionRule rule)
    {
        if (offset < _end)
            throw new InvalidOperationException($"revision rule '{Name(rule)}' made an edit at {offset} inside the previous edit (ending at {_end})");
        if (_text.AsSpan(offset, length).SequenceEqual(replacement)) return false;
        _edits.Add(new TextEdit(offset, length, replacement, Name(rule)));
        _rules.Add(rule);
        _counts[(int)rule]++;
        _end = offset + length;
        return true;
    }

    /// <summary>Adds an edit made earlier (by a word rule) as it is.</summary>
    public void Add(TextEdit edit, RevisionRule rule)
    {
        if (edit.Offset < _end)
            throw new InvalidOperationException($"revision rule '{edit.Rule}' made an edit at {edit.Offset} inside the previous edit (ending at {_end})");
        _edits.Add(edit);
        _rules.Add(rule);
        _counts[(int)rule]++;
        _end = edit.Offset + edit.Length;
    }

    public static string Name(RevisionRule rule) => RevisionRules.All[(int)rule];
}
