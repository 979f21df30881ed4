using System.Buffers;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Revision;

/// <summary>
/// The one pass over the characters of the body: white space, dashes, ellipses and quotation marks, merged in text
/// order with the word edits decided before it (lexical illusions, spellings), so the edits come out sorted and never
/// overlap. Only paragraphs and the white space between two paragraphs of one chapter are read: headings, scene
/// breaks (a Markdown <c>---</c> rule among them), [Illustration] captions, front and back matter are never touched.
/// </summary>
/// <remarks>
/// <para><b>White space</b> (<c>whitespace</c>): inside a line, a run of two or more spaces becomes one (a run with a
/// tab in it is alignment and is kept); spaces at the end of a line go (in Markdown, two or more before a line break
/// are a hard break and stay); spaces before , ; : ! ? and before a full stop go, in dialogue as in narration (a
/// space there is a typing slip wherever it is), but not before an ellipsis ("wait ..."), a spaced ellipsis
/// (". . .") or a decimal (".5"). Indentation at the start of a line is kept. Between two paragraphs of a chapter
/// more than one blank line becomes one, and blank lines made of spaces are emptied; spaces after a paragraph's last
/// character go wherever it ends (before a heading too). Lines are never joined or split.</para>
/// <para><b>Ellipses</b> (<c>ellipsis</c>): <c>character</c> writes three full stops, spaced or not, as …, and four
/// as …. (the fourth is the full stop); runs of two or of five and more are left alone. <c>dots</c> writes … as ....</para>
/// <para><b>Dashes</b> (<c>dashes</c>): a dash is <c>--</c> (exactly two hyphens), an em dash, an en dash with white
/// space on at least one side, or a single hyphen with spaces on both sides and a word after it on the line. Its
/// spaces on the line go with it: <c>em</c> writes it —, unspaced; <c>spaced-en</c> writes – with a space on each
/// side that has a word (none after an opening or before a closing mark, none at a line break). Never touched:
/// hyphens inside words, three or more hyphens (a rule), two or more em dashes (an omitted name, "Mr. ——"), an
/// unspaced en dash (a range), and any dash with a digit on both sides ("1850--1860", "10 - 20").</para>
/// <para><b>Quotes</b> (<c>quotes</c>): see <see cref="CurlyQuotes"/> for <c>curly</c>; <c>straight</c> writes
/// “ ” „ ‟ as " and ‘ ’ ‚ ‛ as '.</para>
/// </remarks>
internal sealed class TypographyScanner
{
    private static readonly SearchValues<char> Interesting = SearchValues.Create(" \t-—–.…\"'“”‘’„‟‚‛");

    private readonly string _text;
    private readonly ReviseOptions _options;
    private readonly bool _markdown;
    private readonly List<WordEdit> _wordEdits;
    private readonly EditList _edits;
    private int _nextWordEdit;
    private int _start, _end; // the paragraph being scanned

    private TypographyScanner(ManuscriptDocument document, ReviseOptions options, List<WordEdit> wordEdits, EditList edits)
    {
        _text = document.Text;
        _options = options;
        _markdown = TextIndexer.MarkupOf(document.SourcePath) == TextMarkup.Markdown;
        _wordEdits = wordEdits;
        _edits = edits;
    }

    /// <summary>Scans the body, adding every edit (the word edits, sorted, among them) to <paramref name="edits"/> in order.</summary>
    public static void Scan(ManuscriptDocument document, ReviseOptions options, List<WordEdit> wordEdits, EditList edits) =>
        new TypographyScanner(document, options, wordEdits, edits).Run(document.Paragraphs);

    /// <summary>Marks that must not have a space before them (a full stop has its own test).</summary>
    public static bool IsSpacedOffPunctuation(char c) => c is ',' or ';' or ':' or '!' or '?' or '.';

    private void Run(Paragraph[] paragraphs)
    {
        for (var p = 0; p < paragraphs.Length; p++)
        {
            _start = paragraphs[p].Span.Start;
            _end = paragraphs[p].Span.End;
            ScanParagraph();
            if (!_options.Whitespace) continue;
            if (p + 1 < paragraphs.Length && paragraphs[p + 1].ChapterIndex == paragraphs[p].ChapterIndex && Gap(_end, paragraphs[p + 1].Span.Start))
                continue;
            TrailingSpaces(_end);
        }
        // Every word edit lies inside a paragraph, so all have been merged.
        while (_nextWordEdit < _wordEdits.Count) MergeWordEdit();
    }

    private void ScanParagraph()
    {
        var text = _text;
        var pos = _start;
        while (pos < _end)
        {
            var limit = _nextWordEdit < _wordEdits.Count ? Math.Min(_wordEdits[_nextWordEdit].Offset, _end) : _end;
            if (pos >= limit && limit < _end)
            {
                pos = MergeWordEdit();
                continue;
            }
            var skip = text.AsSpan(pos, limit - pos).IndexOfAny(Interesting);
            if (skip < 0)
            {
                pos = limit;
                continue;
            }
            pos += skip;
            pos = text[pos] switch
            {
                ' ' or '\t' => Spaces(pos, limit),
                '-' or '—' or '–' => Dash(pos, pos, limit),
                '.' or '…' => Ellipsis(pos, limit),
                _ => Quote(pos),
            };
        }
    }

    private int MergeWordEdit()
    {
        var edit = _wordEdits[_nextWordEdit++];
        _edits.Add(edit.Offset, edit.Length, edit.Replacement, edit.Rule);
        return edit.End;
    }

    /// <summary>The white space between two paragraphs: at most one blank line, blank lines emptied, indentation kept.</summary>
    /// <returns>False when the gap holds more than white space (then only the trailing spaces are for the caller).</returns>
    private bool Gap(int start, int end)
    {
        var gap = _text.AsSpan(start, end - start);
        if (!gap.IsWhiteSpace()) return false;
        var newlines = gap.Count('\n');
        if (newlines == 0) return true;
        var indent = gap[(gap.LastIndexOf('\n') + 1)..];
        var wanted = (newlines >= 2 ? "\n\n" : "\n") + indent.ToString();
        _edits.Add(start, end - start, wanted, RevisionRule.Whitespace);
        return true;
    }

    /// <summary>Spaces after a paragraph's last character, to the end of its line (before a heading, a scene break, the end).</summary>
    private void TrailingSpaces(int end)
    {
        var q = end;
        while (q < _text.Length && _text[q] is ' ' or '\t') q++;
        if (q > end && (q == _text.Length || _text[q] is '\n' or '\r')) _edits.Add(end, q - end, "", RevisionRule.Whitespace);
    }

    private int Spaces(int pos, int limit)
    {
        var text = _text;
        var q = pos;
        var tab = false;
        while (q < _end && text[q] is ' ' or '\t')
        {
            tab |= text[q] == '\t';
            q++;
        }
        if (q > limit) return limit; // never happens: a word edit starts at a word or right after one
        var atLineEnd = q == _end || text[q] == '\n';
        if (atLineEnd)
        {
            if (_options.Whitespace && !(_markdown && !tab && q - pos >= 2 && q < _end))
                _edits.Add(pos, q - pos, "", RevisionRule.Whitespace);
            return q;
        }
        var lineStart = pos == _start || text[pos - 1] == '\n';
        if (lineStart) return q;

        if (_options.Dashes != DashStyle.Keep && text[q] is '-' or '—' or '–' && q < limit)
        {
            var after = Dash(pos, q, limit);
            if (after > q) return after;
        }
        if (!_options.Whitespace) return q;
        if (IsSpacedOffPunctuation(text[q]) && text[pos - 1] != '.' && (text[q] != '.' || IsFullStop(q)))
            _edits.Add(pos, q - pos, "", RevisionRule.Whitespace);
        else if (q - pos >= 2 && !tab)
            _edits.Add(pos, q - pos, " ", RevisionRule.Whitespace);
        return q;
    }

    /// <summary>A full stop, not the start of an ellipsis (... or . . .) nor of a decimal (.5).</summary>
    private bool IsFullStop(int q)
    {
        var next = q + 1 < _end ? _text[q + 1] : '\n';
        if (next == '.' || char.IsDigit(next)) return false;
        return !(next == ' ' && q + 2 < _end && _text[q + 2] == '.');
    }

    /// <summary>
    /// A dash at <paramref name="dash"/>, with the spaces before it starting at <paramref name="start"/> (equal when
    /// none). Returns where scanning goes on: past the dash (and its spaces) when it is one, else past the hyphen or
    /// dash run, or, called from <see cref="Spaces"/>, <paramref name="dash"/> itself when it is no dash.
    /// </summary>
    private int Dash(int start, int dash, int limit)
    {
        var text = _text;
        var c = text[dash];
        var run = dash + 1;
        while (run < _end && text[run] == c) run++;
        var length = run - dash;
        if (_options.Dashes == DashStyle.Keep) return run;

        var spacedBefore = start < dash;
        var after = run;
        while (after < _end && text[after] is ' ' or '\t') after++;
        var spacedAfter = after > run;
        var lineEndsAfter = after == _end || text[after] == '\n';

        var isDash = c switch
        {
            '-' => length == 2 || (length == 1 && spacedBefore && spacedAfter && !lineEndsAfter),
            '—' => length == 1,
            _ => length == 1 && (spacedBefore || spacedAfter || lineEndsAfter),
        };
        if (isDash && start > _start && char.IsDigit(LastBefore(start)) && after < _end && char.IsDigit(text[after])) isDash = false;
        if (!isDash || after > limit) return spacedBefore ? dash : run;

        string replacement;
        if (_options.Dashes == DashStyle.Em)
        {
            replacement = "—";
        }
        else
        {
            var before = start > _start && text[start - 1] != '\n' && !IsOpener(start - 1) ? " " : "";
            var behind = !lineEndsAfter && !IsCloser(after) ? " " : "";
            replacement = before + "–" + behind;
        }
        _edits.Add(start, after - start, replacement, RevisionRule.Dash);
        return after;
    }

    private char LastBefore(int start)
    {
        var i = start - 1;
        while (i > _start && _text[i] is ' ' or '\t') i--;
        return _text[i];
    }

    /// <summary>
    /// An opening mark or bracket. A straight quote faces the way its context says (<see cref="CurlyQuotes"/>); so does
    /// a curly one when the marks are being made straight, so the next revision, seeing it straight, agrees.
    /// </summary>
    private bool IsOpener(int pos) => _text[pos] switch
    {
        '(' or '[' or '{' => true,
        '“' or '‘' when _options.Quotes != QuoteMarks.Straight => true,
        '"' or '\'' or '“' or '‘' or '”' or '’' => CurlyQuotes.Faces(_text, pos, _start, _end) is '“' or '‘',
        _ => false,
    };

    /// <summary>A closing mark, bracket or punctuation; quotation marks judged as in <see cref="IsOpener"/>.</summary>
    private bool IsCloser(int pos) => _text[pos] switch
    {
        ')' or ']' or '}' or ',' or '.' or ';' or ':' or '!' or '?' or '…' => true,
        '”' or '’' when _options.Quotes != QuoteMarks.Straight => true,
        '"' or '\'' or '“' or '‘' or '”' or '’' => CurlyQuotes.Faces(_text, pos, _start, _end) is '”' or '’',
        _ => false,
    };

    private int Ellipsis(int pos, int limit)
    {
        var text = _text;
        if (text[pos] == '…')
        {
            if (_options.Ellipsis == EllipsisStyle.Dots) _edits.Add(pos, 1, "...", RevisionRule.Ellipsis);
            return pos + 1;
        }
        var run = pos + 1;
        while (run < _end && text[run] == '.') run++;
        if (_options.Ellipsis != EllipsisStyle.Character) return run;
        var dots = run - pos;
        var end = run;
        if (dots == 1)
        {
            // ". . ." : single stops each after one space.
            while (end + 1 < _end && text[end] == ' ' && text[end + 1] == '.' && (end + 2 == _end || text[end + 2] != '.'))
            {
                dots++;
                end += 2;
            }
        }
        if (end > limit) return run;
        if (dots == 3) _edits.Add(pos, end - pos, "…", RevisionRule.Ellipsis);
        else if (dots == 4) _edits.Add(pos, end - pos, "….", RevisionRule.Ellipsis);
        else return run;
        return end;
    }

    private int Quote(int pos)
    {
        switch (_options.Quotes)
        {
            case QuoteMarks.Curly:
                var curly = CurlyQuotes.Choose(_text, pos, _start, _end);
                if (curly != _text[pos]) _edits.Add(pos, 1, curly.ToString(), RevisionRule.Quotes);
                break;
            case QuoteMarks.Straight:
                var straight = _text[pos] switch
                {
                    '“' or '”' or '„' or '‟' => '"',
                    '‘' or '’' or '‚' or '‛' => '\'',
                    var c => c,
                };
                if (straight != _text[pos]) _edits.Add(pos, 1, straight.ToString(), RevisionRule.Quotes);
                break;
        }
        return pos + 1;
    }
}
