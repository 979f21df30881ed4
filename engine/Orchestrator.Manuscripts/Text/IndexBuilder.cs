namespace Orchestrator.Manuscripts.Text;

/// <summary>
/// Walks the resolved blocks once, in order, and builds the flat arrays: chapters (and parts),
/// scenes, paragraphs, sentences and words. Only body paragraphs are tokenised: front matter, part
/// preambles and back matter are set aside, as are headings, captions and scene breaks.
/// </summary>
internal sealed class IndexBuilder : IDisposable
{
    private readonly string _text;
    private readonly string _documentText;
    private readonly IReadOnlyDictionary<string, string>? _metadata;
    private readonly List<HeadingCandidate> _candidates;
    private PooledList<Word> _words;
    private PooledList<Sentence> _sentences;
    private PooledList<Paragraph> _paragraphs;
    private PooledList<Scene> _scenes;
    private readonly List<Chapter> _chapters = [];
    private readonly List<Part> _parts = [];
    private readonly List<int?> _partNumbers = [];

    // The open chapter
    private bool _chapterOpen;
    private HeadingCandidate? _chapterHeading;
    private int _chapterStart, _chapterFirstParagraph, _chapterFirstScene, _chapterFirstSentence, _chapterFirstWord;

    // The open scene
    private int _sceneFirstParagraph = -1;
    private int _sceneStart, _sceneEnd, _sceneWords;

    // The open part
    private HeadingCandidate? _partHeading;
    private int _partFirstChapter;

    /// <param name="text">What is indexed: the prose (for Markdown, <see cref="MarkdownProse"/>'s copy with markup blanked).</param>
    /// <param name="documentText">The text as loaded, kept in the document (same length and offsets); <paramref name="text"/> when null.</param>
    /// <param name="metadata">The front matter's pairs, for Markdown.</param>
    public IndexBuilder(string text, List<HeadingCandidate> candidates, string? documentText = null,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        _text = text;
        _documentText = documentText ?? text;
        _metadata = metadata;
        _candidates = candidates;
        _words = new PooledList<Word>(text.Length / 5);
        _sentences = new PooledList<Sentence>(text.Length / 80);
        _paragraphs = new PooledList<Paragraph>(text.Length / 300);
        _scenes = new PooledList<Scene>(64);
    }

    public void Dispose()
    {
        _words.Dispose();
        _sentences.Dispose();
        _paragraphs.Dispose();
        _scenes.Dispose();
    }

    public ManuscriptDocument Build(ReadOnlySpan<Block> blocks, string title, string contentHash, string? sourcePath, string encoding)
    {
        int bodyStart = 0, bodyEnd = _text.Length, first = -1, last = -1;
        for (int i = 0; i < blocks.Length; i++)
        {
            var b = blocks[i];
            switch (b.Kind)
            {
                case BlockKind.TextStart:
                    bodyStart = b.End;
                    first = last = -1;
                    break;
                case BlockKind.HardEnd when bodyEnd == _text.Length:
                    bodyEnd = b.Start;
                    break;
                case BlockKind.Heading when bodyEnd == _text.Length && IsStructural(b):
                    if (first < 0)
                        first = i;
                    last = i;
                    break;
            }
        }
        // THE END after the last heading ends the body; one followed by more chapters is just skipped.
        for (int i = Math.Max(last, 0); i < blocks.Length && blocks[i].Start < bodyEnd; i++)
        {
            if (blocks[i].Kind == BlockKind.EndMarker && blocks[i].Start >= bodyStart)
            {
                bodyEnd = blocks[i].Start;
                break;
            }
        }

        TextSpan frontMatter;
        int from;
        if (first >= 0)
        {
            frontMatter = new TextSpan(0, blocks[first].Start);
            from = first;
        }
        else
        {
            int start = bodyStart;
            while (start < bodyEnd && char.IsWhiteSpace(_text[start]))
                start++;
            frontMatter = new TextSpan(0, start);
            from = 0;
            if (start < bodyEnd)
                OpenChapter(null, start);
        }

        for (int i = from; i < blocks.Length; i++)
        {
            var b = blocks[i];
            if (b.Start >= bodyEnd)
                break;
            if (b.Start < bodyStart)
                continue;
            switch (b.Kind)
            {
                case BlockKind.Paragraph when _chapterOpen:
                    AddParagraph(b.Start, b.End);
                    break;
                case BlockKind.SceneBreak:
                    CloseScene();
                    break;
                case BlockKind.Heading:
                    var heading = _candidates[b.Candidate];
                    switch (heading.Role)
                    {
                        case HeadingRole.Chapter:
                            CloseChapter(b.Start);
                            OpenChapter(heading, b.Start);
                            break;
                        case HeadingRole.Part:
                            CloseChapter(b.Start);
                            ClosePart();
                            _partHeading = heading;
                            _partFirstChapter = _chapters.Count;
                            break;
                        case HeadingRole.SubHeading:
                            CloseScene();
                            break;
                    }
                    break;
            }
        }
        CloseChapter(bodyEnd);
        ClosePart();

        var backMatter = bodyEnd < _text.Length ? new TextSpan(bodyEnd, _text.Length - bodyEnd) : new TextSpan(_text.Length, 0);
        return new ManuscriptDocument
        {
            Title = title,
            SourcePath = sourcePath,
            Text = _documentText,
            ContentHash = contentHash,
            Encoding = encoding,
            Parts = _parts.ToArray(),
            Chapters = QualifyRestartedNumbers(),
            Scenes = _scenes.ToArray(),
            Paragraphs = _paragraphs.ToArray(),
            Sentences = _sentences.ToArray(),
            Words = _words.ToArray(),
            FrontMatter = frontMatter,
            BackMatter = backMatter,
            Metadata = _metadata ?? MarkdownMetadata.Empty,
        };
    }

    /// <summary>Volumes that each number their chapters from one (Volume I, II, III, each with CHAPTER I...): a chapter
    /// number met again under a later part is qualified by its part's number, for every chapter in a part.</summary>
    private Chapter[] QualifyRestartedNumbers()
    {
        var chapters = _chapters.ToArray();
        if (_parts.Count < 2)
            return chapters;
        var seen = new HashSet<(SectionKind, int)>();
        bool repeats = false;
        foreach (var c in chapters)
        {
            if (c.Number is int n && c.PartIndex is not null && !seen.Add((c.Kind, n)))
            {
                repeats = true;
                break;
            }
        }
        if (!repeats)
            return chapters;
        for (int i = 0; i < chapters.Length; i++)
        {
            if (chapters[i] is { Number: int n, PartIndex: int part })
                chapters[i] = chapters[i] with { QualifiedNumber = $"{NumberParser.ToRoman(_partNumbers[part] ?? part + 1)}.{n}" };
        }
        return chapters;
    }

    private bool IsStructural(Block b) => _candidates[b.Candidate].Role is HeadingRole.Chapter or HeadingRole.Part;

    private void OpenChapter(HeadingCandidate? heading, int start)
    {
        _chapterOpen = true;
        _chapterHeading = heading;
        _chapterStart = start;
        _chapterFirstParagraph = _paragraphs.Count;
        _chapterFirstScene = _scenes.Count;
        _chapterFirstSentence = _sentences.Count;
        _chapterFirstWord = _words.Count;
    }

    private void CloseChapter(int boundary)
    {
        if (!_chapterOpen)
            return;
        CloseScene();
        int end = boundary;
        while (end > _chapterStart && char.IsWhiteSpace(_text[end - 1]))
            end--;
        var h = _chapterHeading;
        _chapters.Add(new Chapter
        {
            Index = _chapters.Count,
            Kind = h?.Kind ?? SectionKind.Untitled,
            Number = h?.Number,
            Heading = h is null ? string.Empty : HeadingText(h),
            Title = h is null ? null : TitleText(h),
            HeadingSpan = h is null ? new TextSpan(_chapterStart, 0) : new TextSpan(h.Line.Start, h.HeadingEnd - h.Line.Start),
            PartIndex = _partHeading is null ? null : _parts.Count,
            Span = new TextSpan(_chapterStart, end - _chapterStart),
            FirstParagraph = _chapterFirstParagraph,
            ParagraphCount = _paragraphs.Count - _chapterFirstParagraph,
            FirstScene = _chapterFirstScene,
            SceneCount = _scenes.Count - _chapterFirstScene,
            FirstSentence = _chapterFirstSentence,
            SentenceCount = _sentences.Count - _chapterFirstSentence,
            FirstWord = _chapterFirstWord,
            WordCount = _words.Count - _chapterFirstWord,
        });
        _chapterOpen = false;
        _chapterHeading = null;
    }

    private void ClosePart()
    {
        if (_partHeading is not { } h)
            return;
        _partNumbers.Add(h.Number);
        _parts.Add(new Part
        {
            Index = _parts.Count,
            Heading = HeadingText(h),
            HeadingSpan = new TextSpan(h.Line.Start, h.HeadingEnd - h.Line.Start),
            FirstChapter = _partFirstChapter,
            ChapterCount = _chapters.Count - _partFirstChapter,
        });
        _partHeading = null;
    }

    private string HeadingText(HeadingCandidate h)
    {
        var line = _text.AsSpan(h.Line.Start, h.Line.Length);
        return h.TitleLine.Length == 0
            ? line.ToString()
            : string.Concat(line, " ", _text.AsSpan(h.TitleLine.Start, h.TitleLine.Length));
    }

    private string? TitleText(HeadingCandidate h)
    {
        if (h.TitleLine.Length == 0)
            return h.Title.Length == 0 ? null : _text.Substring(h.Title.Start, h.Title.Length);
        var line = _text.AsSpan(h.TitleLine.Start, h.TitleLine.Length);
        return h.Title.Length == 0 ? line.ToString() : string.Concat(_text.AsSpan(h.Title.Start, h.Title.Length), " ", line);
    }

    private void AddParagraph(int start, int end)
    {
        int paragraphIndex = _paragraphs.Count;
        int firstWord = _words.Count, firstSentence = _sentences.Count;
        ProseTokenizer.Tokenize(_text, start, end, paragraphIndex, ref _words, ref _sentences);
        int wordCount = _words.Count - firstWord;
        if (wordCount == 0)
            return; // a line of punctuation only
        if (_sceneFirstParagraph < 0)
        {
            _sceneFirstParagraph = paragraphIndex;
            _sceneStart = start;
            _sceneWords = 0;
        }
        _sceneEnd = end;
        _sceneWords += wordCount;
        _paragraphs.Add(new Paragraph(new TextSpan(start, end - start), _chapters.Count, _scenes.Count,
            firstSentence, _sentences.Count - firstSentence, firstWord, wordCount));
    }

    private void CloseScene()
    {
        if (_sceneFirstParagraph < 0)
            return;
        _scenes.Add(new Scene(_chapters.Count, _sceneFirstParagraph, _paragraphs.Count - _sceneFirstParagraph, _sceneWords,
            new TextSpan(_sceneStart, _sceneEnd - _sceneStart)));
        _sceneFirstParagraph = -1;
    }
}
