namespace Orchestrator.Manuscripts.Revision;

/// <summary>How the <c>revise</c> node writes a dash between words (option <c>dashes</c>).</summary>
public enum DashStyle
{
    /// <summary><c>em</c>: an unspaced em dash, <c>word—word</c> (US and most book houses).</summary>
    Em,
    /// <summary><c>spaced-en</c>: a spaced en dash, <c>word – word</c> (common British house style).</summary>
    SpacedEn,
    /// <summary><c>keep</c>: dashes are left as written.</summary>
    Keep,
}
