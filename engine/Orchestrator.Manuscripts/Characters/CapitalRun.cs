namespace Orchestrator.Manuscripts.Characters;

/// <summary>
/// A run of capitalised words inside one sentence, separated by spaces only (or by the period of a title:
/// "Mr. Darcy"), with name particles between them (Lady Catherine de Bourgh).
/// </summary>
/// <param name="FirstWord">Index of the first word in the document.</param>
/// <param name="WordCount">Words in the run, particles included.</param>
/// <param name="Sentence">Index of the sentence holding the run.</param>
/// <param name="Initial">The first word starts a sentence or a quotation, so its capital says nothing.</param>
/// <param name="TokenStart">Where the run's token ids start in the table's list of run tokens.</param>
internal readonly record struct CapitalRun(int FirstWord, int WordCount, int Sentence, bool Initial, int TokenStart)
{
    public int EndWord => FirstWord + WordCount;
}
