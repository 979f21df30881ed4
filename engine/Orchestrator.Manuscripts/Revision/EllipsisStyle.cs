namespace Orchestrator.Manuscripts.Revision;

/// <summary>How the <c>revise</c> node writes an ellipsis (option <c>ellipsis</c>).</summary>
public enum EllipsisStyle
{
    /// <summary><c>character</c>: the one character … (U+2026).</summary>
    Character,
    /// <summary><c>dots</c>: three full stops, <c>...</c>.</summary>
    Dots,
    /// <summary><c>keep</c>: ellipses are left as written.</summary>
    Keep,
}
