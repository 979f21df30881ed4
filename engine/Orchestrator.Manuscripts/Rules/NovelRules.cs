using Orchestrator.Engine.Pipelines;
using Orchestrator.Engine.Scripting;

namespace Orchestrator.Manuscripts.Rules;

/// <summary>
/// Compiles a novel pipeline's rules against <see cref="NovelRuleGlobals"/>: the one call that
/// <c>orchestrator validate</c> and the start of a run make.
/// </summary>
public static class NovelRules
{
    /// <summary>
    /// Compiles (or loads from <paramref name="cacheDirectory"/>) the pipeline's select and stop rules with a compiler of
    /// this call's own: for a host that compiles once (a command). A host that compiles again and again keeps a
    /// <see cref="RuleCompiler"/> and calls <see cref="Compile(PipelineDefinition, RuleCompiler)"/>.
    /// </summary>
    /// <param name="pipeline">The pipeline; its <c>.csx</c> paths resolve against the folder of its file.</param>
    /// <param name="cacheDirectory">The disk cache (<c>&lt;data&gt;/rules-cache</c>); null to compile in memory only.</param>
    /// <returns><see cref="PipelineRules.None"/> when the pipeline has no rules.</returns>
    /// <exception cref="RuleCompilationException">Every problem of both rules, one <c>file:line:column: message</c> line each.</exception>
    public static PipelineRules Compile(PipelineDefinition pipeline, string? cacheDirectory)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        if (pipeline.Rules is null) return PipelineRules.None;
        return Compile(pipeline, new RuleCompiler(string.IsNullOrEmpty(cacheDirectory) ? null : cacheDirectory));
    }

    /// <summary>Compiles the pipeline's rules with a compiler the caller keeps.</summary>
    /// <inheritdoc cref="Compile(PipelineDefinition, string?)"/>
    public static PipelineRules Compile(PipelineDefinition pipeline, RuleCompiler compiler)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(compiler);
        return compiler.CompileRules(pipeline, typeof(NovelRuleGlobals));
    }
}
