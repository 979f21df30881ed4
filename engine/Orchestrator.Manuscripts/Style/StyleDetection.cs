using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Style;

/// <summary>
/// One place where a style rule fires: the offending word or phrase, the sentence it is in, and how telling it
/// is. Detections are plain data, so a later node (revision, a linter) can reuse them without re-running the
/// rules; <see cref="StyleNode"/> turns the most telling of them into findings.
/// </summary>
/// <param name="Rule">A <see cref="StyleRules"/> id.</param>
/// <param name="Span">The offending word or phrase (for a long or sticky sentence, the sentence).</param>
/// <param name="Sentence">Index of the sentence in <see cref="ManuscriptDocument.Sentences"/>.</param>
/// <param name="Weight">How telling it is, within its rule (longer sentences, closer echoes, more adverbs in one sentence weigh more).</param>
/// <param name="Related">Another span the detection refers to: the first occurrence of an echoed word, the run of
/// sentences of a repeated opening; empty otherwise.</param>
public readonly record struct StyleDetection(string Rule, TextSpan Span, int Sentence, double Weight = 1, TextSpan Related = default);
