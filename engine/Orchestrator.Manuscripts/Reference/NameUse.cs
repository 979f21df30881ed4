namespace Orchestrator.Manuscripts.Reference;

/// <summary>A name found in a document: its written form, its mentions and the first one (offset and length in the text).</summary>
public sealed record NameUse(string Form, int Mentions, int FirstOffset, int FirstLength);
