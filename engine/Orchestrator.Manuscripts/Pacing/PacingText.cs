using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Pacing;

/// <summary>Wording of the pacing findings (evidence quotes are <see cref="Excerpt"/>'s).</summary>
internal static class PacingText
{
    /// <summary>"1 word", "450 words", "1,204 words".</summary>
    public static string WordsText(int count) =>
        count == 1 ? "1 word" : NumberFormat.N0(count) + " words";
}
