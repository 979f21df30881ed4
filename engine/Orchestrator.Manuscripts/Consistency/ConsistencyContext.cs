using Orchestrator.Engine.Findings;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Consistency;

/// <summary>What the checks of one run share: the document, options, the scans, and where results go.</summary>
internal sealed class ConsistencyContext(
    ManuscriptDocument document,
    ConsistencyOptions options,
    WordScan words,
    PunctuationScan punctuation)
{
    public ManuscriptDocument Document { get; } = document;
    public ConsistencyOptions Options { get; } = options;
    public WordScan Words { get; } = words;
    public Vocabulary Vocabulary => Words.Vocabulary;
    public PunctuationScan Punctuation { get; } = punctuation;
    public Dictionary<string, double> Metrics { get; } = new(StringComparer.Ordinal);
    public FindingCollector Findings { get; } = new(options.MaxFindingsPerRule, document.Text.Length);

    /// <summary>Minority uses and unpaired quotes per chapter (the <see cref="ConsistencyMetrics.IssuesSeries"/> series).</summary>
    public double[] IssuesPerChapter { get; } = new double[document.Chapters.Count];

    /// <summary>Short phrases for the summary line, in check order.</summary>
    public List<string> Summary { get; } = [];

    /// <summary>Counts a flagged use of word <paramref name="wordIndex"/> in its chapter.</summary>
    public void CountWordIssue(int wordIndex) =>
        IssuesPerChapter[ConsistencyText.ChapterOfWord(Document, wordIndex)]++;

    public TextLocation LocateWord(int wordIndex)
    {
        var word = Document.Words[wordIndex];
        return Document.Locator.Locate(word.Start, word.Length);
    }

    public string EvidenceOfWord(int wordIndex)
    {
        var word = Document.Words[wordIndex];
        return ConsistencyText.Evidence(Document, word.Start, word.Length);
    }

    public string WordText(int wordIndex) => Document.WordText(wordIndex).ToString();
}
