using Orchestrator.Engine.Nodes;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Manuscripts.Consistency;
using M = Orchestrator.Manuscripts.Consistency.ConsistencyMetrics;

namespace Orchestrator.Manuscripts.Tests.Consistency;

/// <summary>
/// The consistency node on the novels of the development corpus (<see cref="Corpus"/>; ignored when missing, failed
/// on CI). The figures asserted were checked against the texts (grep) before being written here.
/// </summary>
public sealed class ConsistencyCorpusTests
{
    private static readonly ConsistencyNode Node = new(new NodeDefinition { Id = "consistency", Type = ConsistencyNode.TypeName });

    private static NodeResult Analyse(string book, ConsistencyOptions? options = null)
    {
        var document = Corpus.Load(book);
        var result = ConsistencyNode.Analyse(document, options);
        Assert.That(Node.Validate(result), Is.EqualTo(ResultValidation.Valid));
        Assert.That(result.Labels[M.ChapterLabels], Has.Count.EqualTo(document.Chapters.Count));
        Assert.That(result.Score, Is.InRange(0.0, 1.0));
        TestContext.Out.WriteLine(result.Summary);
        return result;
    }

    [Test]
    public void Pride_and_Prejudice_is_told_in_the_past_tense_in_the_third_person_throughout()
    {
        var result = Analyse(Corpus.PrideAndPrejudice);

        Assert.That(result.Metrics[M.DominantTense], Is.EqualTo(1));
        Assert.That(result.Metrics[M.PastTenseShare], Is.GreaterThan(0.95));
        Assert.That(result.Metrics[M.DominantPov], Is.EqualTo(3));
        Assert.That(result.Metrics[M.FirstPersonShare], Is.LessThan(0.05));
        Assert.That(result.Metrics[M.TenseShiftChapters], Is.EqualTo(0));
        Assert.That(result.Metrics[M.PovShiftChapters], Is.EqualTo(0));
        Assert.That(result.Metrics[M.TenseChaptersJudged], Is.GreaterThan(50));
        Assert.That(result.Metrics[M.PovChaptersJudged], Is.GreaterThan(50));
        Assert.That(result.Series[M.PastTenseShareSeries], Has.Count.EqualTo(61));

        // Austen spells -our (behaviour, endeavour ×42) with one "endeavor" (chapter 6); -ize (apologize...) with one "criticise".
        var endeavor = result.Findings.Single(f => f.Rule == ConsistencyRules.SpellingVariant && f.Message.StartsWith("“endeavor”", StringComparison.Ordinal));
        Assert.That(endeavor.Location!.Chapter, Is.EqualTo(6));
        Assert.That(result.Findings.Where(f => f.Rule == ConsistencyRules.SpellingConvention).Select(f => f.Message),
            Has.Some.StartsWith("“criticise” follows the -ise spelling"));
        // Curly quotes and "--" dashes throughout: no punctuation style is mixed.
        Assert.That(result.Metrics[M.QuoteMinorityUses] + result.Metrics[M.EllipsisMinorityUses] + result.Metrics[M.DashMinorityUses], Is.EqualTo(0));
        Assert.That(result.Metrics[M.DashDoubleHyphen], Is.GreaterThan(400));
        Assert.That(result.Metrics[M.NameNearMisses], Is.EqualTo(0));
    }

    [Test]
    public void Moby_Dick_is_first_person_and_its_to_morrow_and_to_day_are_against_a_tomorrow_and_a_today()
    {
        // Melville is a generous hyphenator: list every finding, not the first 20 per rule.
        var result = Analyse(Corpus.MobyDick, new ConsistencyOptions { MaxFindingsPerRule = 1_000 });

        Assert.That(result.Metrics[M.DominantPov], Is.EqualTo(1));
        Assert.That(result.Metrics[M.FirstPersonShare], Is.GreaterThan(0.25));
        Assert.That(result.Metrics[M.DominantTense], Is.EqualTo(1));

        // grep: to-morrow ×10 (To-morrow included) and tomorrow ×1 (chapter 135); to-day ×6 and today ×1 (chapter 99).
        var hyphenation = result.Findings.Where(f => f.Rule == ConsistencyRules.HyphenationVariant).Select(f => f.Message).ToArray();
        Assert.That(hyphenation, Does.Contain("“tomorrow” is written “to-morrow” elsewhere in the book: 1 closed (tomorrow) against 10 hyphenated (to-morrow)."));
        Assert.That(hyphenation, Does.Contain("“today” is written “to-day” elsewhere in the book: 1 closed (today) against 6 hyphenated (to-day)."));

        // Melville writes honor, harbor, vapor (-or) but colour, favourite (-our); and both realize and recognised.
        var conventions = result.Findings.Where(f => f.Rule == ConsistencyRules.SpellingConvention).Select(f => f.Message).ToArray();
        Assert.That(conventions, Has.Some.StartsWith("“colour” follows the -our spelling"));
        Assert.That(conventions, Has.Some.StartsWith("“recognised” follows the -ise spelling"));
    }

    [Test]
    public void Frankenstein_is_first_person_throughout()
    {
        var result = Analyse(Corpus.Frankenstein);

        Assert.That(result.Metrics[M.DominantPov], Is.EqualTo(1));
        Assert.That(result.Metrics[M.FirstPersonShare], Is.GreaterThan(0.5));
        Assert.That(result.Metrics[M.PovShiftChapters], Is.EqualTo(0));
        Assert.That(result.Metrics[M.DominantTense], Is.EqualTo(1));
        Assert.That(result.Metrics[M.TenseShiftChapters], Is.EqualTo(0));
        // Shelley writes towards ×94 and toward ×3.
        Assert.That(result.Findings.Count(f => f.Rule == ConsistencyRules.SpellingVariant && f.Message.StartsWith("“toward”", StringComparison.Ordinal)),
            Is.EqualTo(3));
    }

    [Test]
    public void Alice_is_third_person_and_its_one_today_is_against_three_to_day()
    {
        var result = Analyse(Corpus.Alice);

        Assert.That(result.Metrics[M.DominantPov], Is.EqualTo(3));
        Assert.That(result.Metrics[M.DominantTense], Is.EqualTo(1));
        Assert.That(result.Findings.Where(f => f.Rule == ConsistencyRules.HyphenationVariant).Select(f => f.Message),
            Does.Contain("“today” is written “to-day” elsewhere in the book: 1 closed (today) against 3 hyphenated (to-day)."));
    }
}
