namespace Orchestrator.Engine.Scripting;

/// <summary>The two hooks a pipeline's rules can fill.</summary>
public enum RuleKind
{
    /// <summary><c>rules.select</c>: returns the ids of the candidates to run this iteration (<c>IEnumerable&lt;string&gt;</c>).</summary>
    Select,

    /// <summary><c>rules.stop</c>: returns <c>true</c> to stop iterating (<c>bool</c>).</summary>
    Stop,
}
