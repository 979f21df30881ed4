using System.Globalization;
using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Manuscripts.Style;

/// <summary>
/// The options of the <c>style</c> node, read from the node's <c>options</c> object. Every option is optional;
/// see <see cref="StyleNode"/> for what each one does.
/// </summary>
public sealed record StyleOptions
{
    public static readonly StyleOptions Default = new();

    /// <summary><c>longSentenceWords</c>: a sentence of more words than this is very long (default 40).</summary>
    public int LongSentenceWords { get; init; } = 40;

    /// <summary><c>stickyGlueShare</c>: a sentence whose share of glue words is above this is sticky (default 0.45).</summary>
    public double StickyGlueShare { get; init; } = 0.45;

    /// <summary><c>stickyMinWords</c>: shorter sentences are not checked for stickiness (default 10).</summary>
    public int StickyMinWords { get; init; } = 10;

    /// <summary><c>echoWindow</c>: an uncommon word repeated within this many words is an echo (default 50).</summary>
    public int EchoWindow { get; init; } = 50;

    /// <summary><c>echoMinLetters</c>: shorter words are not checked for echoes (default 4).</summary>
    public int EchoMinLetters { get; init; } = 4;

    /// <summary><c>repeatedOpenings</c>: this many consecutive sentences opening with the same word are flagged (default 3).</summary>
    public int RepeatedOpenings { get; init; } = 3;

    /// <summary><c>readingEaseMin</c>: Flesch reading ease below this is hard for fiction (default 60).</summary>
    public double ReadingEaseMin { get; init; } = 60;

    /// <summary><c>readingEaseMax</c>: Flesch reading ease above this is very easy for adult fiction (default 85).</summary>
    public double ReadingEaseMax { get; init; } = 85;

    /// <summary><c>overusedFactor</c>: a word is overused above this many times its expected rate (default 2).</summary>
    public double OverusedFactor { get; init; } = 2.0;

    /// <summary><c>overusedMinExcess</c>: and at least this many uses per 1,000 words above it (default 0.5).</summary>
    public double OverusedMinExcess { get; init; } = 0.5;

    /// <summary><c>longParagraphWords</c>: a paragraph of more words than this is over-long (default 300).</summary>
    public int LongParagraphWords { get; init; } = 300;

    /// <summary>
    /// <c>minRateCount</c>: a rule judged by its rate per 1,000 words (an overused word, a family's penalty) needs at least this
    /// many occurrences before it counts, so one use in a 20-word text is not "50 per 1,000" (default 3).
    /// </summary>
    public int MinRateCount { get; init; } = 3;

    /// <summary><c>maxFindingsPerRule</c>: the most located findings one rule reports (default 20).</summary>
    public int MaxFindingsPerRule { get; init; } = 20;

    /// <summary>
    /// <c>overusedNorms</c>: expected rates that replace rows of <see cref="OverusedWordNorms"/>, as <c>"word=rate"</c> strings
    /// (uses per 1,000 words); one expected rate per row of the table, in table order.
    /// </summary>
    public IReadOnlyList<double> OverusedExpected { get; init; } = OverusedWordNorms.Table.Select(n => n.ExpectedPer1000).ToArray();

    /// <summary>
    /// <c>allowLongSentences</c>, <c>allowAdverbs</c>...: the allowance of each penalty family before it costs score
    /// (<see cref="StylePenalty"/> documents the defaults and their sources), keyed by option name.
    /// </summary>
    public IReadOnlyDictionary<string, double> Allowances { get; init; } =
        StylePenalty.All.ToDictionary(p => p.Option, p => p.Free, StringComparer.Ordinal);

    /// <summary>The allowance of <paramref name="penalty"/>.</summary>
    internal double Allowance(StylePenalty penalty) => Allowances.TryGetValue(penalty.Option, out var free) ? free : penalty.Free;

    /// <summary>
    /// Reads the options, checking kinds and ranges. A wrong value is an input the node cannot run with, so it is
    /// reported as <see cref="InvalidNodeInputException"/> (never retried).
    /// </summary>
    public static StyleOptions From(NodeOptions options)
    {
        return NodeOptionsReader.Read(options, Default, () =>
        {
            var result = new StyleOptions
            {
                LongSentenceWords = options.GetInt("longSentenceWords", Default.LongSentenceWords),
                StickyGlueShare = options.GetDouble("stickyGlueShare", Default.StickyGlueShare),
                StickyMinWords = options.GetInt("stickyMinWords", Default.StickyMinWords),
                EchoWindow = options.GetInt("echoWindow", Default.EchoWindow),
                EchoMinLetters = options.GetInt("echoMinLetters", Default.EchoMinLetters),
                RepeatedOpenings = options.GetInt("repeatedOpenings", Default.RepeatedOpenings),
                ReadingEaseMin = options.GetDouble("readingEaseMin", Default.ReadingEaseMin),
                ReadingEaseMax = options.GetDouble("readingEaseMax", Default.ReadingEaseMax),
                OverusedFactor = options.GetDouble("overusedFactor", Default.OverusedFactor),
                OverusedMinExcess = options.GetDouble("overusedMinExcess", Default.OverusedMinExcess),
                MaxFindingsPerRule = options.GetInt("maxFindingsPerRule", Default.MaxFindingsPerRule),
                LongParagraphWords = options.GetInt("longParagraphWords", Default.LongParagraphWords),
                MinRateCount = options.GetInt("minRateCount", Default.MinRateCount),
                OverusedExpected = ReadNorms(options.GetStrings("overusedNorms", [])),
                Allowances = StylePenalty.All.ToDictionary(p => p.Option, p => options.GetDouble(p.Option, p.Free), StringComparer.Ordinal),
            };
            result.Check();
            return result;
        });
    }

    /// <summary>Throws <see cref="InvalidNodeInputException"/> naming the first option out of range.</summary>
    public void Check()
    {
        NodeOptionsReader.Require(LongSentenceWords >= 5, "longSentenceWords", "at least 5", LongSentenceWords);
        NodeOptionsReader.Require(StickyGlueShare > 0 && StickyGlueShare < 1, "stickyGlueShare", "between 0 and 1", StickyGlueShare);
        NodeOptionsReader.Require(StickyMinWords >= 1, "stickyMinWords", "at least 1", StickyMinWords);
        NodeOptionsReader.Require(EchoWindow >= 2 && EchoWindow <= 1_000, "echoWindow", "between 2 and 1000", EchoWindow);
        NodeOptionsReader.Require(EchoMinLetters >= 1, "echoMinLetters", "at least 1", EchoMinLetters);
        NodeOptionsReader.Require(RepeatedOpenings >= 2, "repeatedOpenings", "at least 2", RepeatedOpenings);
        NodeOptionsReader.Require(ReadingEaseMin < ReadingEaseMax, "readingEaseMin", $"below readingEaseMax ({Format(ReadingEaseMax)})", ReadingEaseMin);
        NodeOptionsReader.Require(OverusedFactor >= 1, "overusedFactor", "at least 1", OverusedFactor);
        NodeOptionsReader.Require(OverusedMinExcess >= 0, "overusedMinExcess", "0 or more", OverusedMinExcess);
        NodeOptionsReader.Require(MaxFindingsPerRule >= 1, "maxFindingsPerRule", "at least 1", MaxFindingsPerRule);
        NodeOptionsReader.Require(LongParagraphWords >= 20, "longParagraphWords", "at least 20", LongParagraphWords);
        NodeOptionsReader.Require(MinRateCount >= 1, "minRateCount", "at least 1", MinRateCount);
        foreach (var (name, value) in Allowances) NodeOptionsReader.Require(value >= 0, name, "0 or more", value);
    }


    /// <summary>"word=rate" rows over the default table; an unknown word or a bad rate names itself.</summary>
    private static double[] ReadNorms(IReadOnlyList<string> rows)
    {
        var expected = OverusedWordNorms.Table.Select(n => n.ExpectedPer1000).ToArray();
        foreach (var row in rows)
        {
            var eq = row.IndexOf('=');
            var word = eq > 0 ? row[..eq].Trim() : row.Trim();
            var index = OverusedWordNorms.IndexOf(word);
            if (index < 0)
                throw new InvalidNodeInputException(
                    $"option 'overusedNorms': '{word}' is not a word of the overused table ({string.Join(", ", OverusedWordNorms.Table.Select(n => n.Word))})");
            if (!double.TryParse(eq > 0 ? row[(eq + 1)..] : "", NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || rate < 0 || double.IsNaN(rate))
                throw new InvalidNodeInputException($"option 'overusedNorms': '{row}' must be \"word=rate\" with a rate of 0 or more per 1,000 words");
            expected[index] = rate;
        }
        return expected;
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
