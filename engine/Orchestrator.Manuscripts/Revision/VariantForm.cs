namespace Orchestrator.Manuscripts.Revision;

/// <summary>Where a spelling sits in the <see cref="Consistency.VariantTable"/>: its family, its pair, its side.</summary>
internal readonly record struct VariantForm(int Family, int Pair, bool SideA);
