using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Manuscripts.Revision;

/// <summary>
/// The options of the <c>revise</c> node, read from the node's <c>options</c> object. Every option is optional;
/// see <see cref="ReviseNode"/> for what each rule does.
/// </summary>
public sealed record ReviseOptions
{
    public static readonly ReviseOptions Default = new();

    /// <summary><c>lexicalIllusions</c>: remove a word repeated by mistake ("the the"); default true.</summary>
    public bool LexicalIllusions { get; init; } = true;

    /// <summary><c>spelling</c>: bring spelling variants to the book's dominant form; default true.</summary>
    public bool Spelling { get; init; } = true;

    /// <summary><c>whitespace</c>: runs of spaces, trailing spaces, spaces before punctuation, extra blank lines; default true.</summary>
    public bool Whitespace { get; init; } = true;

    /// <summary><c>ellipsis</c>: <c>character</c> (default), <c>dots</c> or <c>keep</c>.</summary>
    public EllipsisStyle Ellipsis { get; init; } = EllipsisStyle.Character;

    /// <summary><c>dashes</c>: <c>em</c> (default), <c>spaced-en</c> or <c>keep</c>.</summary>
    public DashStyle Dashes { get; init; } = DashStyle.Em;

    /// <summary><c>quotes</c>: <c>keep</c> (default), <c>curly</c> or <c>straight</c>.</summary>
    public QuoteMarks Quotes { get; init; } = QuoteMarks.Keep;

    /// <summary>
    /// Reads the options, checking kinds and values. A wrong value is an input the node cannot run with, so it is
    /// reported as <see cref="InvalidNodeInputException"/> (never retried).
    /// </summary>
    public static ReviseOptions From(NodeOptions options)
    {
        return NodeOptionsReader.Read(options, Default, () =>
        {
            return new ReviseOptions
            {
                LexicalIllusions = options.GetBool("lexicalIllusions", Default.LexicalIllusions),
                Spelling = options.GetBool("spelling", Default.Spelling),
                Whitespace = options.GetBool("whitespace", Default.Whitespace),
                Ellipsis = Choice(options, "ellipsis", Default.Ellipsis,
                    ("character", EllipsisStyle.Character), ("dots", EllipsisStyle.Dots), ("keep", EllipsisStyle.Keep)),
                Dashes = Choice(options, "dashes", Default.Dashes,
                    ("em", DashStyle.Em), ("spaced-en", DashStyle.SpacedEn), ("keep", DashStyle.Keep)),
                Quotes = Choice(options, "quotes", Default.Quotes,
                    ("curly", QuoteMarks.Curly), ("straight", QuoteMarks.Straight), ("keep", QuoteMarks.Keep)),
            };
        });
    }

    /// <summary>True when no rule is on: the node then proposes nothing.</summary>
    public bool DoesNothing =>
        !LexicalIllusions && !Spelling && !Whitespace && Ellipsis == EllipsisStyle.Keep && Dashes == DashStyle.Keep && Quotes == QuoteMarks.Keep;

    private static T Choice<T>(NodeOptions options, string name, T fallback, params (string Name, T Value)[] choices)
    {
        if (!options.TryGet(name, out _)) return fallback;
        var given = options.GetString(name, "");
        foreach (var (choice, value) in choices)
            if (string.Equals(choice, given, StringComparison.Ordinal)) return value;
        throw new InvalidOperationException(
            $"option '{name}' must be one of {string.Join(", ", choices.Select(c => $"'{c.Name}'"))} (got '{given}')");
    }
}
