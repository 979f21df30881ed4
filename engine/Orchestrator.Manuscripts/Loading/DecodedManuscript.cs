using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Loading;

/// <summary>What a format reader hands to the indexer: the text (line endings normalised to \n),
/// the encoding it was decoded from, and how its headings are marked up.</summary>
internal readonly record struct DecodedManuscript(string Text, string Encoding, TextMarkup Markup);
