using Orchestrator.Manuscripts.Narration;

namespace Orchestrator.Manuscripts.Text;

/// <summary>
/// The immutable index of a manuscript, built once in one pass: parts, chapters, scenes,
/// paragraphs, sentences and words, each as offsets into <see cref="Text"/>. Every node reads
/// the same instance concurrently, so nothing here may change after construction.
/// </summary>
public sealed class ManuscriptDocument
{
    public required string Title { get; init; }

    /// <summary>Where it was read from (a display path); null when built from a string.</summary>
    public string? SourcePath { get; init; }

    /// <summary>The text as loaded, line endings normalised to \n.</summary>
    public required string Text { get; init; }

    /// <summary>SHA-256 of the file's bytes (lower-case hex), so a resume can tell the input changed.</summary>
    public required string ContentHash { get; init; }

    /// <summary>A Markdown manuscript's YAML front matter (<c>title</c>, <c>author</c>...), keys lower-case; empty otherwise.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = MarkdownMetadata.Empty;

    /// <summary>Name of the encoding the bytes were decoded with (utf-8, utf-16LE, ...).</summary>
    public string Encoding { get; init; } = "utf-8";

    public required IReadOnlyList<Part> Parts { get; init; }
    public required IReadOnlyList<Chapter> Chapters { get; init; }
    public required Scene[] Scenes { get; init; }
    public required Paragraph[] Paragraphs { get; init; }
    public required Sentence[] Sentences { get; init; }
    public required Word[] Words { get; init; }

    /// <summary>Characters before the first chapter that were set aside (title page, contents...).</summary>
    public TextSpan FrontMatter { get; init; }

    /// <summary>Characters after the body that were set aside (after <c>THE END</c>, a Gutenberg end line);
    /// length 0 when the body runs to the end of the text.</summary>
    public TextSpan BackMatter { get; init; }

    public int WordCount => Words.Length;

    private DialogueMap? _dialogue;
    private TextLocator? _locator;
    private WordForms? _forms;
    private NarrationVoice? _narration;
    private bool _formsBuilt;
    private object? _formsLock;

    /// <summary>Where the quoted speech is. Built on first use, once, then shared by every node.</summary>
    public DialogueMap Dialogue => LazyInitializer.EnsureInitialized(ref _dialogue, () => DialogueMap.Build(this));

    /// <summary>
    /// The distinct word forms and each word's form id. Built on first use, exactly once (nodes that start together
    /// wait for the one that builds it rather than each hashing every word), then shared by every node.
    /// </summary>
    public WordForms Forms => LazyInitializer.EnsureInitialized(ref _forms, ref _formsBuilt, ref _formsLock, () => WordForms.Build(this))!;

    /// <summary>The personal pronouns of the narration and the point of view they show. Built on first use, then shared
    /// by every node (consistency and characters both read it).</summary>
    public NarrationVoice Narration => LazyInitializer.EnsureInitialized(ref _narration, () => NarrationVoice.Build(this));

    /// <summary>Maps character offsets to chapters and paragraphs, for finding locations.</summary>
    public TextLocator Locator => LazyInitializer.EnsureInitialized(ref _locator, () => new TextLocator(this));

    public ReadOnlySpan<char> Slice(TextSpan span) => Text.AsSpan(span.Start, span.Length);
    public ReadOnlySpan<char> WordText(int wordIndex) => Text.AsSpan(Words[wordIndex].Start, Words[wordIndex].Length);
    public ReadOnlySpan<char> WordText(Word word) => Text.AsSpan(word.Start, word.Length);
}
