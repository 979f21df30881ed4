namespace Orchestrator.Manuscripts.Characters;

/// <summary>One naming of a character in the text.</summary>
/// <param name="Variant">Index of the <see cref="NameVariant"/> used.</param>
/// <param name="FirstWord">First word of the mention (the title when there is one).</param>
/// <param name="LastWord">Last word of the mention.</param>
/// <param name="Sentence">Index of the sentence holding it.</param>
/// <param name="Paragraph">Index of the paragraph holding it.</param>
/// <param name="Attributed">It attributes a line of dialogue ("said Holmes", "Elizabeth replied").</param>
internal readonly record struct Mention(int Variant, int FirstWord, int LastWord, int Sentence, int Paragraph, bool Attributed);
