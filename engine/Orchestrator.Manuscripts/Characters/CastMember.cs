namespace Orchestrator.Manuscripts.Characters;

/// <summary>One character: the merged name variants of one person and what the book does with them.</summary>
internal sealed class CastMember(string name, IReadOnlyList<string> variants, int chapters)
{
    /// <summary>The most used variant (Mr. Darcy, Elizabeth).</summary>
    public string Name { get; } = name;

    /// <summary>Every variant merged into this character, most used first.</summary>
    public IReadOnlyList<string> Variants { get; } = variants;

    /// <summary>1-based rank by mentions.</summary>
    public int Rank { get; set; }

    /// <summary>Name mentions, plus a first-person narrator's references (their "I", "me", "my" in narration).</summary>
    public int Mentions { get; set; }

    /// <summary>First-person references in narration counted for a narrator (0 for everyone else).</summary>
    public int References { get; set; }

    /// <summary>This member tells (part of) the book in the first person.</summary>
    public bool IsNarrator { get; set; }

    /// <summary>Mentions per chapter (chapter index order).</summary>
    public int[] PerChapter { get; } = new int[chapters];

    public int ChaptersPresent { get; set; }

    /// <summary>The first mention (text order).</summary>
    public Mention First { get; set; }

    /// <summary>Chapter index of the first mention (-1 before it is known).</summary>
    public int FirstChapter { get; set; } = -1;

    /// <summary>Paragraphs of dialogue attributed to this character.</summary>
    public int Lines { get; set; }

    /// <summary>The longest run of chapters without a mention after the first one (the one with more words on a tie),
    /// the chapter index it starts at and the words it spans.</summary>
    public int LongestAbsence { get; set; }

    public int AbsenceStart { get; set; } = -1;

    public int AbsenceWords { get; set; }
}
