using System.Security.Cryptography;
using System.Text;
using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Tests.Structure;

/// <summary>A chapter to generate: its heading, the words of each of its scenes, and the part it opens (if any).</summary>
internal sealed record SyntheticChapter(
    string Heading,
    int[] SceneWords,
    SectionKind Kind = SectionKind.Chapter,
    int? Number = null,
    string? Title = null,
    string? OpensPart = null)
{
    public int Words => SceneWords.Sum();
}

/// <summary>
/// Builds a consistent <see cref="ManuscriptDocument"/> index straight from chapter specs, so the structure tests
/// control every number exactly (heading words are not counted, like the real indexer's body words).
/// Paragraphs hold up to 60 words, sentences up to 12; scenes are separated by "* * *".
/// </summary>
internal static class SyntheticManuscript
{
    private static readonly string[] Vocabulary =
        ["the", "river", "ran", "cold", "under", "a", "grey", "sky", "and", "she", "walked", "on", "without", "looking", "back"];

    /// <summary>Chapters "Chapter 1".."Chapter n" with the given word counts, one scene each.</summary>
    public static ManuscriptDocument Chapters(params int[] words) =>
        Build(words.Select((w, i) => Chapter(i + 1, w)));

    public static SyntheticChapter Chapter(int number, int words, string? title = null, string? opensPart = null) =>
        new(title is null ? $"Chapter {number}" : $"Chapter {number}: {title}", [words], SectionKind.Chapter, number, title, opensPart);

    public static SyntheticChapter Prologue(int words) => new("Prologue", [words], SectionKind.Prologue);

    /// <param name="headingSpans">Whether chapters carry <see cref="Chapter.HeadingSpan"/>, as the real index's do.</param>
    public static ManuscriptDocument Build(IEnumerable<SyntheticChapter> specs, string title = "Synthetic", bool headingSpans = true)
    {
        var text = new StringBuilder();
        var parts = new List<Part>();
        var chapters = new List<Chapter>();
        var scenes = new List<Scene>();
        var paragraphs = new List<Paragraph>();
        var sentences = new List<Sentence>();
        var words = new List<Word>();
        var vocabulary = 0;

        text.Append(title).Append("\n\n");
        var frontMatter = new TextSpan(0, text.Length);

        foreach (var spec in specs)
        {
            if (spec.OpensPart is { } partHeading)
            {
                if (parts.Count > 0) parts[^1] = parts[^1] with { ChapterCount = chapters.Count - parts[^1].FirstChapter };
                parts.Add(new Part
                {
                    Index = parts.Count, Heading = partHeading, HeadingSpan = new TextSpan(text.Length, partHeading.Length),
                    FirstChapter = chapters.Count, ChapterCount = 0,
                });
                text.Append(partHeading).Append("\n\n");
            }

            var chapterIndex = chapters.Count;
            var chapterStart = text.Length;
            text.Append(spec.Heading).Append("\n\n");
            int firstParagraph = paragraphs.Count, firstScene = scenes.Count, firstSentence = sentences.Count, firstWord = words.Count;

            for (var s = 0; s < spec.SceneWords.Length; s++)
            {
                if (s > 0) text.Append("* * *\n\n");
                var sceneStart = text.Length;
                int sceneFirstParagraph = paragraphs.Count, sceneFirstWord = words.Count;
                var remaining = spec.SceneWords[s];
                while (remaining > 0)
                {
                    var inParagraph = Math.Min(60, remaining);
                    remaining -= inParagraph;
                    var paragraphStart = text.Length;
                    int paragraphFirstSentence = sentences.Count, paragraphFirstWord = words.Count;
                    var left = inParagraph;
                    while (left > 0)
                    {
                        var inSentence = Math.Min(12, left);
                        left -= inSentence;
                        if (text.Length > paragraphStart) text.Append(' ');
                        var sentenceStart = text.Length;
                        var sentenceFirstWord = words.Count;
                        for (var w = 0; w < inSentence; w++)
                        {
                            if (w > 0) text.Append(' ');
                            var word = Vocabulary[vocabulary++ % Vocabulary.Length];
                            words.Add(new Word(text.Length, word.Length));
                            text.Append(word);
                        }
                        text.Append('.');
                        sentences.Add(new Sentence(new TextSpan(sentenceStart, text.Length - sentenceStart), paragraphs.Count, sentenceFirstWord, inSentence));
                    }
                    paragraphs.Add(new Paragraph(new TextSpan(paragraphStart, text.Length - paragraphStart), chapterIndex, scenes.Count,
                        paragraphFirstSentence, sentences.Count - paragraphFirstSentence, paragraphFirstWord, inParagraph));
                    text.Append("\n\n");
                }
                scenes.Add(new Scene(chapterIndex, sceneFirstParagraph, paragraphs.Count - sceneFirstParagraph,
                    words.Count - sceneFirstWord, new TextSpan(sceneStart, text.Length - sceneStart)));
            }

            chapters.Add(new Chapter
            {
                Index = chapterIndex, Kind = spec.Kind, Number = spec.Number, Heading = spec.Heading, Title = spec.Title,
                HeadingSpan = headingSpans ? new TextSpan(chapterStart, spec.Heading.Length) : default,
                PartIndex = parts.Count > 0 ? parts.Count - 1 : null,
                Span = new TextSpan(chapterStart, text.Length - chapterStart),
                FirstParagraph = firstParagraph, ParagraphCount = paragraphs.Count - firstParagraph,
                FirstScene = firstScene, SceneCount = scenes.Count - firstScene,
                FirstSentence = firstSentence, SentenceCount = sentences.Count - firstSentence,
                FirstWord = firstWord, WordCount = words.Count - firstWord,
            });
        }
        if (parts.Count > 0) parts[^1] = parts[^1] with { ChapterCount = chapters.Count - parts[^1].FirstChapter };

        var content = text.ToString();
        return new ManuscriptDocument
        {
            Title = title,
            Text = content,
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content))),
            Parts = parts,
            Chapters = chapters,
            Scenes = scenes.ToArray(),
            Paragraphs = paragraphs.ToArray(),
            Sentences = sentences.ToArray(),
            Words = words.ToArray(),
            FrontMatter = frontMatter,
        };
    }
}
