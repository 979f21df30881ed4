using Orchestrator.Library.Search;

namespace Orchestrator.Library.Tests;

/// <summary>How a query's words become FTS5 match expressions, with and without the library's term counts.</summary>
[TestFixture]
public sealed class LexicalQueryTests
{
    [Test]
    public void Terms_are_lower_cased_once_each_without_function_words()
    {
        Assert.That(LexicalQuery.Terms("The Whale and the whale's SHIP"), Is.EqualTo(new[] { "whale", "ship" }));
        Assert.That(LexicalQuery.Terms("and the of"), Is.EqualTo(new[] { "and", "the", "of" }), "function words only: kept");
    }

    [Test]
    public void Every_term_is_kept_while_their_postings_fit_the_budget()
    {
        Assert.That(LexicalQuery.Plan(["whale", "ship", "harpoon"], [100, 200, 300]), Is.EqualTo(new[] { "\"whale\" OR \"ship\" OR \"harpoon\"" }));
        Assert.That(LexicalQuery.Plan(["whale", "ship"], null), Is.EqualTo(new[] { "\"whale\" OR \"ship\"" }), "no counts: every term");
    }

    [Test]
    public void Past_the_budget_the_rarest_terms_are_kept_and_terms_no_chunk_holds_left_out()
    {
        Assert.That(LexicalQuery.Plan(["sea", "ahab", "pequod", "xyzzy"], [20_000, 3_000, 800, 0]), Is.EqualTo(new[] { "\"pequod\" OR \"ahab\"" }));
    }

    [Test]
    public void When_even_the_rarest_term_is_too_common_the_two_rarest_are_joined_by_and_then_the_rarest_alone()
    {
        Assert.That(LexicalQuery.Plan(["man", "go", "sea"], [30_000, 24_000, 26_000]), Is.EqualTo(new[] { "\"go\" AND \"sea\"", "\"go\"" }));
    }
}
