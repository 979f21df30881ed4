namespace Orchestrator.Manuscripts.Consistency;

/// <summary>A paragraph whose quotation marks do not pair up: the mark that is left over and whether it opens or closes.</summary>
internal readonly record struct UnpairedQuote(int Paragraph, int Offset, bool Opening);
