namespace Orchestrator.Manuscripts.Revision;

/// <summary>Which quotation marks and apostrophes the <c>revise</c> node writes (option <c>quotes</c>).</summary>
public enum QuoteMarks
{
    /// <summary><c>keep</c>: quotation marks and apostrophes are left as written (the default).</summary>
    Keep,
    /// <summary><c>curly</c>: “ ” ‘ ’, chosen by context; apostrophes become ’.</summary>
    Curly,
    /// <summary><c>straight</c>: " and '.</summary>
    Straight,
}
