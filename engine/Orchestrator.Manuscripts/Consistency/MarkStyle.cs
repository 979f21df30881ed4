namespace Orchestrator.Manuscripts.Consistency;

/// <summary>The ways of writing a quotation mark, an ellipsis or a dash that <see cref="PunctuationScan"/> counts.</summary>
internal enum MarkStyle
{
    /// <summary>" (straight double quote).</summary>
    StraightDouble,
    /// <summary>“ or ” (curly double quote).</summary>
    CurlyDouble,
    /// <summary>' (straight single quote or apostrophe).</summary>
    StraightSingle,
    /// <summary>‘ or ’ (curly single quote or apostrophe).</summary>
    CurlySingle,
    /// <summary>... (three or more full stops, counted once per run).</summary>
    EllipsisDots,
    /// <summary>… (the ellipsis character, counted once per run).</summary>
    EllipsisCharacter,
    /// <summary>. . . (full stops with spaces between).</summary>
    EllipsisSpaced,
    /// <summary>-- (two or more hyphens, counted once per run).</summary>
    DashDoubleHyphen,
    /// <summary>— (em dash, counted once per run).</summary>
    DashEm,
    /// <summary>– (en dash not between digits).</summary>
    DashEn,
    /// <summary> - (hyphen with white space on both sides).</summary>
    DashSpacedHyphen,
}
