using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Style;

/// <summary>
/// Runs every style rule over a document in two passes over its words (facts per word, then the sentence
/// checks) and returns the uncapped <see cref="StyleScan"/>. Pure: the same document and options always give
/// the same scan. See <see cref="StyleNode"/> for what each rule looks for.
/// </summary>
public static class StyleScanner
{
    /// <summary>A tag verb must be within this many words of quoted speech, in the same sentence.</summary>
    public const int TagWindow = 4;

    /// <summary>Scans <paramref name="document"/>; options out of range throw <see cref="Orchestrator.Engine.Nodes.InvalidNodeInputException"/>.</summary>
    public static StyleScan Scan(ManuscriptDocument document, StyleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        options ??= StyleOptions.Default;
        options.Check();
        using var pass = new StyleScanPass(document, options);
        return pass.Run();
    }
}
