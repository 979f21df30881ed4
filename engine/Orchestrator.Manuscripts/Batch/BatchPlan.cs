namespace Orchestrator.Manuscripts.Batch;

/// <summary>What discovery found: the manuscripts in order, and notes on what it passed over and why.</summary>
public sealed record BatchPlan(string Root, IReadOnlyList<BatchItem> Items, IReadOnlyList<string> Notes);
