namespace Orchestrator.Manuscripts.Text;

/// <summary>What a top-level section of a manuscript is, as its heading says.</summary>
public enum SectionKind
{
    Chapter,
    Prologue,
    Epilogue,
    Letter,
    /// <summary>A Markdown heading or other titled section that names no kind.</summary>
    Section,
    /// <summary>Text with no heading at all (a manuscript without chapter headings is one such chapter).</summary>
    Untitled,
}
