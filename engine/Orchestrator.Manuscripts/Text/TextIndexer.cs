namespace Orchestrator.Manuscripts.Text;

/// <summary>
/// Builds the immutable <see cref="ManuscriptDocument"/> index of a text: parts, chapters, scenes,
/// paragraphs, sentences and words, each as offsets into the text.
/// </summary>
/// <remarks>
/// One pass over the lines finds blocks and heading candidates (<see cref="BlockScanner"/>); the
/// candidates alone are then resolved (table of contents, Markdown levels, illustration captions:
/// <see cref="HeadingResolver"/>); one walk over the blocks tokenises each body paragraph once
/// (<see cref="IndexBuilder"/>, <see cref="ProseTokenizer"/>). Text before the first chapter is
/// <see cref="ManuscriptDocument.FrontMatter"/>, text after <c>THE END</c> (or a Gutenberg end line)
/// is <see cref="ManuscriptDocument.BackMatter"/>; neither is indexed, nor are headings,
/// [Illustration] captions and scene breaks. A text without headings is one
/// <see cref="SectionKind.Untitled"/> chapter. Markdown is read by Markdig first (<see cref="MarkdownProse"/>):
/// front matter, code, HTML and comments never reach the index.
/// </remarks>
public static class TextIndexer
{
    private static readonly TextIndexOptions DefaultOptions = new();

    /// <summary>Indexes <paramref name="text"/>; Markdown headings are read when <paramref name="sourcePath"/> ends in .md.</summary>
    public static ManuscriptDocument Build(string text, string title, string contentHash, string? sourcePath = null) =>
        Build(text, title, contentHash, sourcePath, DefaultOptions);

    /// <summary>Indexes <paramref name="text"/> (line endings are normalised to \n first if needed).</summary>
    public static ManuscriptDocument Build(string text, string title, string contentHash, string? sourcePath, TextIndexOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(contentHash);
        ArgumentNullException.ThrowIfNull(options);
        text = LineEndings.Normalize(text);
        bool markdown = (options.Markup ?? MarkupOf(sourcePath)) == TextMarkup.Markdown;

        // Markdown is indexed on its prose (markup blanked, offsets kept); the document keeps the text as loaded.
        var (prose, metadata) = markdown ? MarkdownProse.Read(text) : (text, MarkdownMetadata.Empty);
        using var scanner = new BlockScanner(prose, markdown);
        scanner.Scan();
        HeadingResolver.Resolve(scanner.Candidates, prose, markdown);
        if (!markdown)
            TitleOnlyHeadings.Find(scanner, prose);
        using var builder = new IndexBuilder(prose, scanner.Candidates, text, metadata);
        return builder.Build(scanner.Blocks, title, contentHash, sourcePath, options.Encoding);
    }

    /// <summary>Markdown for .md and .markdown paths, plain text otherwise.</summary>
    public static TextMarkup MarkupOf(string? path)
    {
        var extension = Path.GetExtension(path.AsSpan());
        return extension.Equals(".md", StringComparison.OrdinalIgnoreCase) || extension.Equals(".markdown", StringComparison.OrdinalIgnoreCase)
            ? TextMarkup.Markdown
            : TextMarkup.PlainText;
    }
}
