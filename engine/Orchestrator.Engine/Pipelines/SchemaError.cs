namespace Orchestrator.Engine.Pipelines;

/// <summary>One error as JSON Schema evaluation reports it, before it is worded for a pipeline author.</summary>
/// <param name="Keyword">The failing keyword (<c>required</c>, <c>maximum</c>...); empty for a false schema.</param>
/// <param name="Message">The validator's own message.</param>
/// <param name="InstancePointer">JSON Pointer of the offending value in the pipeline document.</param>
/// <param name="SchemaPointer">JSON Pointer of the failing subschema in the schema document.</param>
/// <param name="EvaluationPath">How evaluation reached the keyword, through <c>$ref</c>s.</param>
internal sealed record SchemaError(
    string Keyword, string Message, string InstancePointer, string SchemaPointer, string EvaluationPath);
