namespace Orchestrator.Manuscripts.Characters;

/// <summary>
/// Who tells a first-person book, as <see cref="NarratorFinder"/> found it: the narrator's name (a variant root, or
/// -1 when the book never names them), an opening frame narrator who hands over, the "I said" lines and the
/// narrator's first-person references per chapter.
/// </summary>
internal sealed class Narrator
{
    /// <summary>Variant root of the main narrator's name; -1 when the narrator is never named.</summary>
    public required int Root { get; init; }

    /// <summary>Variant root of a frame narrator who opens the book and hands over to <see cref="Root"/>; -1 when none.</summary>
    public int FrameRoot { get; init; } = -1;

    /// <summary>With a frame, the first chapter told by the main narrator (chapters before it are the frame's).</summary>
    public int HandoverChapter { get; init; }

    /// <summary>Times the main narrator names themselves ("Call me Ishmael", "I, Ishmael,", "my name is").</summary>
    public int SelfNamings { get; init; }

    /// <summary>Times others address the main narrator by name in a conversation with them.</summary>
    public int Addresses { get; init; }

    /// <summary>The first self-naming or address of the main narrator (evidence), when named.</summary>
    public Mention? Naming { get; init; }

    /// <summary>First-person singular pronouns of the narration per chapter (I, me, my, mine, myself).</summary>
    public required int[] References { get; init; }

    /// <summary>Per chapter, the first "I" of the narration (a mention without a name variant), for evidence and first appearance.</summary>
    public required Mention?[] FirstReference { get; init; }

    /// <summary>Paragraph → word of the "I said" / "said I" attribution in it (the first one).</summary>
    public required IReadOnlyDictionary<int, int> Lines { get; init; }

    public bool IsFramed => FrameRoot >= 0;

    /// <summary>The narrator root telling chapter <paramref name="chapter"/> (-1 when unnamed).</summary>
    public int RootOf(int chapter) => IsFramed && chapter < HandoverChapter ? FrameRoot : Root;
}
