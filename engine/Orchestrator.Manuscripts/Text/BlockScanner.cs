namespace Orchestrator.Manuscripts.Text;

/// <summary>
/// The one pass over the lines. It turns the text into blocks (paragraphs, heading candidates, scene
/// breaks, end markers) and heading candidates, skipping [Illustration] captions (whose lines may
/// still hold a heading, kept as a caption candidate). Paragraphs are blank-line separated; lines
/// of one paragraph wrapped with single newlines stay one paragraph, unless a line is longer than
/// any hard-wrapped text has (<see cref="WrapWidth"/>): then each such line is a paragraph, as in
/// files written one paragraph per line. A candidate line looks ahead at most three lines (for a
/// title line and to check it stands alone).
/// </summary>
internal sealed class BlockScanner : IDisposable
{
    /// <summary>Hard-wrapped text (Gutenberg: about 70-80) has no longer lines.</summary>
    public const int WrapWidth = 100;

    /// <summary>An [Illustration caption that does not close within this many characters is prose.</summary>
    private const int MaxIllustrationLength = 5000;

    private readonly string _text;
    private readonly bool _markdown;
    private PooledList<Block> _blocks;
    private readonly List<HeadingCandidate> _candidates = [];

    private int _paraStart = -1;
    private int _paraEnd;
    private int _paraLines;
    private int _paraLastLineLength;
    private HeadingCandidate? _lastStrong;

    public BlockScanner(string text, bool markdown)
    {
        _text = text;
        _markdown = markdown;
        _blocks = new PooledList<Block>(Math.Max(16, text.Length / 300));
    }

    public ReadOnlySpan<Block> Blocks => _blocks.AsSpan();
    public List<HeadingCandidate> Candidates => _candidates;

    public void Dispose() => _blocks.Dispose();

    /// <summary>Turns a paragraph block found to be a heading after the scan (<see cref="TitleOnlyHeadings"/>) into a heading block.</summary>
    public void PromoteToHeading(int blockIndex, HeadingCandidate candidate)
    {
        _blocks[blockIndex] = new Block(BlockKind.Heading, candidate.Start, candidate.HeadingEnd, _candidates.Count);
        _candidates.Add(candidate);
    }

    public void Scan()
    {
        string text = _text;
        int pos = 0; // Markdown front matter was blanked before (MarkdownProse)
        while (pos < text.Length)
        {
            var (ts, te, next) = Line(pos);
            if (ts == te)
            {
                ClosePara();
                pos = next;
                continue;
            }
            pos = ProcessLine(ts, te, next);
        }
        ClosePara();
    }

    /// <summary>Bounds of the line starting at <paramref name="pos"/>: trimmed start and end (equal when
    /// blank) and the start of the following line.</summary>
    private (int TrimStart, int TrimEnd, int Next) Line(int pos)
    {
        var rest = _text.AsSpan(pos);
        int newline = rest.IndexOf('\n');
        var line = newline < 0 ? rest : rest[..newline];
        int next = newline < 0 ? _text.Length : pos + newline + 1;
        int lead = 0;
        while (lead < line.Length && char.IsWhiteSpace(line[lead]))
            lead++;
        if (lead == line.Length)
            return (pos + lead, pos + lead, next);
        int end = line.Length;
        while (char.IsWhiteSpace(line[end - 1]))
            end--;
        return (pos + lead, pos + end, next);
    }

    private int ProcessLine(int ts, int te, int next)
    {
        var t = _text.AsSpan(ts, te - ts);

        if (LineClassifier.IsIllustrationStart(t))
        {
            int close = FindIllustrationEnd(ts);
            if (close >= 0)
            {
                ClosePara();
                ScanCaption(ts, close);
                // Text after the closing bracket on the same line, if any, is read as a line of its own.
                return close + 1;
            }
        }

        if (t[0] == '#' && TryAtxHeading(ts, te, t))
            return next;

        if (LineClassifier.IsSceneBreak(t))
        {
            int setext = _markdown && _paraStart >= 0 && _paraLines == 1 ? LineClassifier.SetextLevel(t) : 0;
            if (setext > 0)
            {
                var line = new TextSpan(_paraStart, _paraEnd - _paraStart);
                _paraStart = -1;
                AddMarkdownHeading(line, setext);
            }
            else
            {
                ClosePara();
                _blocks.Add(new Block(BlockKind.SceneBreak, ts, te));
            }
            return next;
        }

        if (_paraStart >= 0 && (_paraLastLineLength > WrapWidth || te - ts > WrapWidth))
            ClosePara(); // not hard-wrapped: one line, one paragraph

        if (_paraStart < 0)
        {
            var marker = LineClassifier.ClassifyMarker(t);
            if (marker != LineMarker.None)
            {
                if (marker == LineMarker.TextStart)
                {
                    foreach (var candidate in _candidates)
                        candidate.Role = HeadingRole.Ignored;
                    _lastStrong = null;
                    _blocks.Add(new Block(BlockKind.TextStart, ts, te));
                    return next;
                }
                if (marker == LineMarker.HardEnd)
                {
                    _blocks.Add(new Block(BlockKind.HardEnd, ts, te));
                    return next;
                }
                if (IsBlank(next))
                {
                    _blocks.Add(new Block(BlockKind.EndMarker, ts, te));
                    return next;
                }
            }
            var (hs, he) = WithoutEmphasis(ts, te);
            if (HeadingParser.TryParse(_text.AsSpan(hs, he - hs), out var match))
            {
                int after = TryHeading(ts, hs, he, next, match);
                if (after >= 0)
                    return after;
            }
        }

        if (_paraStart < 0)
        {
            _paraStart = ts;
            _paraLines = 0;
        }
        _paraEnd = te;
        _paraLines++;
        _paraLastLineLength = te - ts;
        return next;
    }

    /// <summary>Decides whether a plain-text heading line stands as a heading, takes its title line, and
    /// returns where scanning resumes (-1: not a heading, read the line as prose).</summary>
    private int TryHeading(int lineStart, int ts, int te, int next, HeadingMatch match)
    {
        var (n1s, n1e, n2) = next < _text.Length ? Line(next) : (next, next, next);
        bool nextBlank = n1s == n1e;
        bool nextIsHeading = !nextBlank && IsHeadingLine(n1s, n1e);
        bool nextIsCaption = !nextBlank && LineClassifier.IsIllustrationStart(_text.AsSpan(n1s, n1e - n1s));
        bool standsAlone = nextBlank || nextIsHeading || nextIsCaption;

        var titleLine = default(TextSpan);
        int resume = next;
        if (match.TitleLength == 0 && match.Form is HeadingForm.Bare or HeadingForm.NumberAlone)
        {
            if (!nextBlank && !nextIsHeading && !nextIsCaption && n1e - n1s <= 80 && IsBlank(n2) && LooksLikeTitle(n1s, n1e))
            {
                titleLine = new TextSpan(n1s, n1e - n1s);
                resume = n2;
            }
            else if (nextBlank)
            {
                // CHAPTER I / (blank) / THE BEGINNING / (blank)
                var (ls, le, after) = (n1s, n1e, n2);
                for (int blanks = 0; blanks < 2 && ls == le && after < _text.Length; blanks++)
                    (ls, le, after) = Line(after);
                if (ls != le && IsBlank(after) && LineClassifier.IsCapitalsTitle(_text.AsSpan(ls, le - ls)) && !IsHeadingLine(ls, le)
                    && LineClassifier.ClassifyMarker(_text.AsSpan(ls, le - ls)) == LineMarker.None)
                {
                    titleLine = new TextSpan(ls, le - ls);
                    resume = after;
                }
            }
        }

        else if (!standsAlone && match.TitleLength > 0 && IsWrappedTitle(ts, te, ts + match.TitleOffset, n1s, n1e, n2))
        {
            // CHAPTER 56. Of the Less Erroneous Pictures of Whales, and the True
            // Pictures of Whaling Scenes.
            titleLine = new TextSpan(n1s, n1e - n1s);
            resume = n2;
            standsAlone = true;
        }

        bool accept = match.Form switch
        {
            HeadingForm.Bare => true,
            HeadingForm.NumberAlone => standsAlone || titleLine.Length > 0,
            _ => standsAlone,
        };
        if (!accept)
            return -1;

        var candidate = new HeadingCandidate
        {
            Start = lineStart,
            Line = new TextSpan(ts, te - ts),
            TitleLine = titleLine,
            Title = match.TitleLength > 0 ? new TextSpan(ts + match.TitleOffset, match.TitleLength) : default,
            Kind = match.Kind,
            IsPart = match.IsPart,
            Number = match.Number,
            Form = match.Form,
        };
        AddCandidate(candidate, strong: true);
        return resume;
    }

    /// <summary>A heading title hard-wrapped onto one more line: the heading line is near the wrap width,
    /// stops mid-phrase and is written in title case (at most one longer word in lower case), and the
    /// next line ends the block.</summary>
    private bool IsWrappedTitle(int ts, int te, int titleStart, int n1s, int n1e, int n2)
    {
        if (te - ts < 50 || n1s == n1e || n1e - n1s > 80 || !IsBlank(n2) || IsHeadingLine(n1s, n1e))
            return false;
        char last = _text[te - 1];
        if (!(char.IsLetterOrDigit(last) || last is ',' or ';') || !LooksLikeTitle(n1s, n1e, allowLowerCase: true))
            return false;
        int lowerCaseWords = 0;
        var title = _text.AsSpan(titleStart, te - titleStart);
        for (int i = 0; i < title.Length;)
        {
            int start = i;
            while (i < title.Length && char.IsLetter(title[i]))
                i++;
            if (i - start >= 4 && char.IsLower(title[start]) && ++lowerCaseWords > 1)
                return false;
            if (i == start)
                i++;
        }
        return true;
    }

    /// <summary>Bounds of a line without Markdown-style emphasis around it (<c>**Chapter 1**</c>, <c>_Epilogue_</c>).</summary>
    private (int Start, int End) WithoutEmphasis(int start, int end)
    {
        while (end - start > 2 && _text[start] is '*' or '_' && _text[end - 1] == _text[start])
        {
            start++;
            end--;
        }
        while (start < end && char.IsWhiteSpace(_text[start]))
            start++;
        while (end > start && char.IsWhiteSpace(_text[end - 1]))
            end--;
        return (start, end);
    }

    private bool LooksLikeTitle(int start, int end, bool allowLowerCase = false)
    {
        var line = _text.AsSpan(start, end - start);
        char c = line[0];
        return (allowLowerCase || !char.IsLower(c)) && !LineClassifier.IsIllustrationStart(line) && !LineClassifier.IsSceneBreak(line) && LineClassifier.ClassifyMarker(line) == LineMarker.None;
    }

    private bool IsHeadingLine(int start, int end)
    {
        var line = _text.AsSpan(start, end - start);
        if (line[0] == '#' && line.Length > 1)
        {
            int level = line.IndexOfAnyExcept('#');
            if (level > 0 && char.IsWhiteSpace(line[level]))
                return _markdown || HeadingParser.TryParse(line[level..].Trim(), out _);
        }
        var (hs, he) = WithoutEmphasis(start, end);
        return HeadingParser.TryParse(_text.AsSpan(hs, he - hs), out _);
    }

    private bool IsBlank(int pos)
    {
        if (pos >= _text.Length)
            return true;
        var (s, e, _) = Line(pos);
        return s == e;
    }

    /// <summary><c># Title</c>: any ATX heading in Markdown; in plain text only when it reads as a chapter/part heading.</summary>
    private bool TryAtxHeading(int ts, int te, ReadOnlySpan<char> t)
    {
        int level = t.IndexOfAnyExcept('#');
        if (level is <= 0 or > 6 || !char.IsWhiteSpace(t[level]))
            return false;
        var content = t[level..].TrimStart();
        int contentStart = te - content.Length;
        content = content.TrimEnd('#').TrimEnd();
        if (content.IsEmpty)
            return false;
        var line = new TextSpan(contentStart, content.Length);
        if (_markdown)
        {
            ClosePara();
            AddMarkdownHeading(line, level);
            return true;
        }
        if (!HeadingParser.TryParse(content, out var match))
            return false;
        ClosePara();
        AddCandidate(FromMatch(line, match, line.Start), strong: true);
        return true;
    }

    private void AddMarkdownHeading(TextSpan line, int level)
    {
        var content = _text.AsSpan(line.Start, line.Length);
        HeadingCandidate candidate = HeadingParser.TryParse(content, out var match)
            ? FromMatch(line, match, line.Start)
            : new HeadingCandidate { Start = line.Start, Line = line, Title = line, Kind = SectionKind.Section };
        candidate.MarkdownLevel = level;
        AddCandidate(candidate, strong: true);
    }

    private static HeadingCandidate FromMatch(TextSpan line, HeadingMatch match, int start) => new()
    {
        Start = start,
        Line = line,
        Title = match.TitleLength > 0 ? new TextSpan(line.Start + match.TitleOffset, match.TitleLength) : default,
        Kind = match.Kind,
        IsPart = match.IsPart,
        Number = match.Number,
        Form = match.Form,
    };

    private void AddCandidate(HeadingCandidate candidate, bool strong)
    {
        candidate.InIllustration = !strong;
        _blocks.Add(new Block(BlockKind.Heading, candidate.Start, candidate.HeadingEnd, _candidates.Count));
        _candidates.Add(candidate);
        if (strong)
            _lastStrong = candidate;
    }

    private void ClosePara()
    {
        if (_paraStart < 0)
            return;
        _blocks.Add(new Block(BlockKind.Paragraph, _paraStart, _paraEnd));
        _paraStart = -1;
        if (_lastStrong is not null)
            _lastStrong.HasProse = true;
    }

    /// <summary>Index of the bracket closing the caption opened at <paramref name="start"/> (nested brackets
    /// count), or -1 when it does not close soon enough to be a caption.</summary>
    private int FindIllustrationEnd(int start)
    {
        var window = _text.AsSpan(start, Math.Min(MaxIllustrationLength, _text.Length - start));
        int depth = 0, i = 0;
        while (true)
        {
            int hit = window[i..].IndexOfAny('[', ']');
            if (hit < 0)
                return -1;
            i += hit;
            depth += window[i] == '[' ? 1 : -1;
            if (depth == 0)
                return start + i;
            i++;
        }
    }

    /// <summary>Caption lines that read as a chapter heading (Pride and Prejudice's <c>Chapter I.]</c>)
    /// become caption candidates, believed only if the book says it nowhere else.</summary>
    private void ScanCaption(int start, int close)
    {
        int pos = start;
        while (pos <= close)
        {
            var rest = _text.AsSpan(pos, close + 1 - pos);
            int newline = rest.IndexOf('\n');
            var line = newline < 0 ? rest : rest[..newline];
            int lineStart = pos;
            pos += newline < 0 ? rest.Length : newline + 1;

            int offset = 0;
            if (LineClassifier.IsIllustrationStart(line.TrimStart()))
            {
                offset = line.IndexOf('[') + "[Illustration".Length;
                if (offset < line.Length && line[offset] == ':')
                    offset++;
            }
            var content = line[offset..].TrimEnd().TrimEnd(']');
            int lead = content.Length - content.TrimStart().Length;
            content = content.Trim();
            if (content.IsEmpty || !HeadingParser.TryParse(content, out var match) || match.Form is not (HeadingForm.Bare or HeadingForm.Separated))
                continue;
            var span = new TextSpan(lineStart + offset + lead, content.Length);
            var candidate = FromMatch(span, match, start);
            AddCandidate(candidate, strong: false);
        }
    }
}
