namespace Orchestrator.Manuscripts.Text;

/// <summary>A line that may be a heading, with what the resolver needs to decide. Mutable while indexing only.</summary>
internal sealed class HeadingCandidate
{
    /// <summary>Where its section would begin: the heading line, or the illustration holding it.</summary>
    public int Start;

    /// <summary>The heading as written (trimmed; Markdown #'s and caption brackets removed).</summary>
    public TextSpan Line;

    /// <summary>Title text on the following line: the whole title (Alice's <c>CHAPTER I.</c> /
    /// <c>Down the Rabbit-Hole</c>) or the rest of a wrapped one; length 0 if none.</summary>
    public TextSpan TitleLine;

    /// <summary>The title inside <see cref="Line"/>; length 0 if none.</summary>
    public TextSpan Title;

    public SectionKind Kind;
    public bool IsPart;
    public int? Number;

    /// <summary>How the heading line is built; a bare numeral under titled stories is a scene.</summary>
    public HeadingForm Form;

    /// <summary>1-6 for a Markdown heading, 0 otherwise.</summary>
    public int MarkdownLevel;

    /// <summary>Found inside an [Illustration: ...] caption: believed only when nothing else says the same.</summary>
    public bool InIllustration;

    /// <summary>Prose follows it before the next (non-caption) candidate.</summary>
    public bool HasProse;

    public HeadingRole Role;

    /// <summary>The end of the heading text (title line included).</summary>
    public int HeadingEnd => TitleLine.Length > 0 ? TitleLine.End : Line.End;
}
