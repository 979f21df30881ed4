namespace Orchestrator.Manuscripts.Text;

/// <summary>A line read as a section heading. The title is given as offset/length inside the line (length 0: none).</summary>
internal readonly record struct HeadingMatch(SectionKind Kind, bool IsPart, int? Number, HeadingForm Form, int TitleOffset, int TitleLength);
