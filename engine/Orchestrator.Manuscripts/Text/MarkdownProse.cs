using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Orchestrator.Manuscripts.Text;

/// <summary>
/// The prose of a Markdown manuscript, read by Markdig: a copy of the text of the same length and lines in which what
/// is not prose is blanked — YAML front matter (returned as metadata), fenced code blocks, HTML blocks and inline HTML
/// (comments among them), link reference definitions, code spans, images, link targets, emphasis marks, backslashes
/// of escapes and block-quote markers. Headings' <c>#</c> and underlines and thematic breaks (<c>* * *</c>) stay, for
/// the scanner reads chapters and scene breaks from them. Offsets are unchanged, so every span the index finds in
/// the prose points at the same characters of the text as loaded.
/// </summary>
/// <remarks>
/// Indented code blocks are not recognised: manuscripts indent paragraphs, and an indented paragraph is prose.
/// </remarks>
internal static class MarkdownProse
{
    private static readonly MarkdownPipeline Pipeline = Build();

    private static MarkdownPipeline Build()
    {
        var builder = new MarkdownPipelineBuilder().UseYamlFrontMatter().UsePreciseSourceLocation();
        builder.BlockParsers.TryRemove<IndentedCodeBlockParser>();
        return builder.Build();
    }

    /// <summary>The prose of <paramref name="text"/> (line endings already \n) and the front matter's <c>key: value</c> pairs.</summary>
    public static (string Prose, IReadOnlyDictionary<string, string> Metadata) Read(string text)
    {
        var document = Markdown.Parse(text, Pipeline);
        var prose = text.ToCharArray();
        IReadOnlyDictionary<string, string> metadata = MarkdownMetadata.Empty;
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case YamlFrontMatterBlock yaml:
                    metadata = MarkdownMetadata.Parse(text.AsSpan(Clamp(yaml.Span, text.Length)));
                    Blank(prose, yaml.Span);
                    break;
                case FencedCodeBlock or HtmlBlock or LinkReferenceDefinition:
                    Blank(prose, node.Span);
                    break;
                case QuoteBlock quote:
                    BlankQuoteMarkers(prose, quote.Span);
                    break;
                case CodeInline or HtmlInline or AutolinkInline:
                    Blank(prose, node.Span);
                    break;
                case LinkInline { IsImage: true } image:
                    Blank(prose, image.Span);
                    break;
                case LinkInline link:
                    BlankLinkMarkup(prose, link);
                    break;
                case EmphasisInline emphasis:
                    BlankDelimiters(prose, emphasis);
                    break;
                case LiteralInline { IsFirstCharacterEscaped: true } escaped when IsBackslashAt(prose, escaped.Span.Start - 1):
                    prose[escaped.Span.Start - 1] = ' ';
                    break;
            }
        }
        return (new string(prose), metadata);
    }

    private static void BlankDelimiters(char[] prose, EmphasisInline emphasis)
    {
        var span = emphasis.Span;
        if (span.IsEmpty) return;
        var count = emphasis.DelimiterCount;
        Blank(prose, new SourceSpan(span.Start, span.Start + count - 1));
        Blank(prose, new SourceSpan(span.End - count + 1, span.End));
    }

    /// <summary><c>[text](target "title")</c> keeps its text: the bracket before it and everything from the bracket after it go.</summary>
    private static void BlankLinkMarkup(char[] prose, LinkInline link)
    {
        var span = link.Span;
        if (span.IsEmpty) return;
        if (link.LastChild is not { Span.IsEmpty: false } last)
        {
            Blank(prose, span);
            return;
        }
        Blank(prose, new SourceSpan(span.Start, link.FirstChild!.Span.Start - 1));
        Blank(prose, new SourceSpan(last.Span.End + 1, span.End));
    }

    /// <summary>The <c>&gt;</c> at the start of each line of a block quote (nested ones too) and the space after each.</summary>
    private static void BlankQuoteMarkers(char[] prose, SourceSpan span)
    {
        var (start, end) = Bounds(span, prose.Length);
        var lineStart = true;
        for (var i = start; i < end; i++)
        {
            var c = prose[i];
            if (c == '\n')
            {
                lineStart = true;
                continue;
            }
            if (!lineStart) continue;
            if (c == '>')
            {
                prose[i] = ' ';
                continue;
            }
            if (c is not (' ' or '\t')) lineStart = false;
        }
    }

    private static bool IsBackslashAt(char[] prose, int index) => index >= 0 && index < prose.Length && prose[index] == '\\';

    /// <summary>Every character of <paramref name="span"/> (inclusive, as Markdig gives it) but line breaks becomes a space.</summary>
    private static void Blank(char[] prose, SourceSpan span)
    {
        if (span.IsEmpty) return;
        var (start, end) = Bounds(span, prose.Length);
        for (var i = start; i < end; i++)
            if (prose[i] != '\n') prose[i] = ' ';
    }

    private static (int Start, int End) Bounds(SourceSpan span, int length) =>
        (Math.Clamp(span.Start, 0, length), Math.Clamp(span.End + 1, 0, length));

    private static Range Clamp(SourceSpan span, int length)
    {
        var (start, end) = Bounds(span, length);
        return start..end;
    }
}
