using System.Globalization;

namespace Orchestrator.Manuscripts.Text;

/// <summary>How findings name a chapter, the same in every node.</summary>
internal static class ChapterNames
{
    /// <summary><c>Chapter 7 "The Storm"</c> (without the title when <paramref name="titled"/> is false),
    /// <c>Chapter II.3</c> in a book whose volumes restart numbering, <c>Letter 2</c>, <c>The prologue</c>,
    /// <c>Section 4 "Interlude"</c>.</summary>
    public static string Describe(Chapter chapter, bool titled = true)
    {
        var title = !titled || string.IsNullOrWhiteSpace(chapter.Title) ? "" : $" \"{chapter.Title.Trim()}\"";
        return chapter.Kind switch
        {
            SectionKind.Chapter when chapter.Number is { } n => $"Chapter {chapter.QualifiedNumber ?? n.ToString(CultureInfo.InvariantCulture)}{title}",
            SectionKind.Letter when chapter.Number is { } n => $"Letter {chapter.QualifiedNumber ?? n.ToString(CultureInfo.InvariantCulture)}{title}",
            SectionKind.Prologue => $"The prologue{title}",
            SectionKind.Epilogue => $"The epilogue{title}",
            _ when !string.IsNullOrWhiteSpace(chapter.Heading) => $"Section {chapter.Ordinal} \"{chapter.Heading.Trim()}\"",
            _ => $"Section {chapter.Ordinal}",
        };
    }
}
