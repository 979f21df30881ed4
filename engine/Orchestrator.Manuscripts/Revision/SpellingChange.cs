namespace Orchestrator.Manuscripts.Revision;

/// <summary>One family of spellings brought to the book's dominant form: its head forms and how many uses changed.</summary>
/// <param name="From">The rarer spelling of the family's head word (e.g. <c>gray</c>).</param>
/// <param name="To">The dominant one (e.g. <c>grey</c>).</param>
public sealed record SpellingChange(string From, string To, int Count);
