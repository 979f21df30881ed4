namespace Orchestrator.Engine.Scripting;

/// <summary>The two hooks a pipeline's rules can fill.</summary>
public enum RuleKind
{
    /// <summary>
    /// <c>rules.select</c>: returns the ids of the candidates to run this iteration, as an
    /// <c>IEnumerable&lt;string&gt;</c> (an array, a list or a LINQ query), in the order of
    /// preference. For example
    /// <c>Candidates.Where(c =&gt; c.Node != "style" || Iteration == 1).Select(c =&gt; c.Node)</c>,
    /// or <c>new[] { "structure" }</c>.
    /// </summary>
    Select,

    /// <summary>
    /// <c>rules.stop</c>: returns <c>true</c> to stop iterating. For example
    /// <c>Quality &gt;= Settings.QualityThreshold</c>, or, in a <c>.csx</c> file,
    /// <c>if (QualityHistory.Count &lt; 3) return false; return QualityHistory[^1] - QualityHistory[^3] &lt; 0.01;</c>
    /// (a plateau).
    /// </summary>
    Stop,
}
