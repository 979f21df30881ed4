namespace Orchestrator.Manuscripts.Text;

/// <summary>What a heading candidate turned out to be.</summary>
internal enum HeadingRole : byte
{
    Pending,
    /// <summary>Not a heading after all (before a Gutenberg start marker, a repeated illustration caption...).</summary>
    Ignored,
    TableOfContents,
    /// <summary>A Markdown <c>#</c> book title above <c>##</c> chapters.</summary>
    BookTitle,
    Part,
    Chapter,
    /// <summary>A Markdown heading deeper than the chapter level: starts a new scene.</summary>
    SubHeading,
}
