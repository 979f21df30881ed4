namespace Orchestrator.Library.Search;

/// <summary>One match of a query plan (<see cref="LexicalQuery.PlanMatches"/>): its terms, in order, joined by AND when <paramref name="All"/>, else by OR.</summary>
internal sealed record LexicalMatch(IReadOnlyList<string> Terms, bool All)
{
    /// <summary>The FTS5 match expression: each term quoted, so no word is read as FTS5 syntax.</summary>
    public string Expression => string.Join(All ? " AND " : " OR ", Terms.Select(LexicalQuery.Quote));
}
