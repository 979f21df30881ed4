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

    /// <summary><c>maxFindingsPerRule</c>: the most located findings one rule reports (default 20).</summary>
    public int MaxFindingsPerRule { get; init; } = 20;

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
    }


    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
