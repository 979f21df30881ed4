namespace Orchestrator.Manuscripts.Text;

internal enum BlockKind : byte
{
    /// <summary>Prose, from the first to the last non-blank character.</summary>
    Paragraph,

    /// <summary>A heading candidate; <see cref="Block.Candidate"/> indexes the scanner's candidate list.</summary>
    Heading,

    SceneBreak,

    /// <summary><c>THE END</c>, <c>FINIS</c>: ends the body unless a chapter follows.</summary>
    EndMarker,

    /// <summary><c>*** END OF THE PROJECT GUTENBERG EBOOK</c>: always ends the body.</summary>
    HardEnd,

    /// <summary><c>*** START OF THE PROJECT GUTENBERG EBOOK</c>: nothing before it is the book.</summary>
    TextStart,
}

/// <summary>One structural unit found by the line scan, in text order.</summary>
internal readonly record struct Block(BlockKind Kind, int Start, int End, int Candidate = -1);
