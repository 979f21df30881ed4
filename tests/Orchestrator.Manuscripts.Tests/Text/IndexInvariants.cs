using Orchestrator.Manuscripts.Text;

namespace Orchestrator.Manuscripts.Tests.Text;

/// <summary>Structural checks every index must pass: chapter, scene, paragraph and sentence ranges are
/// contiguous, cover the flat arrays exactly once, and every span lies inside its parent.</summary>
internal static class IndexInvariants
{
    public static void AssertConsistent(ManuscriptDocument doc)
    {
        int paragraph = 0, scene = 0, sentence = 0, word = 0;
        for (int c = 0; c < doc.Chapters.Count; c++)
        {
            var chapter = doc.Chapters[c];
            Assert.That(chapter.Index, Is.EqualTo(c));
            Assert.That((chapter.FirstParagraph, chapter.FirstScene, chapter.FirstSentence, chapter.FirstWord),
                Is.EqualTo((paragraph, scene, sentence, word)), $"chapter {c} starts where the previous one ended");
            Assert.That(chapter.Span.Start, Is.LessThanOrEqualTo(chapter.HeadingSpan.Start));
            for (int p = chapter.FirstParagraph; p < chapter.FirstParagraph + chapter.ParagraphCount; p++)
            {
                var para = doc.Paragraphs[p];
                if (para.ChapterIndex != c || para.Span.Start < chapter.HeadingSpan.End || para.Span.End > chapter.Span.End
                    || para.FirstSentence != sentence || para.FirstWord != word || para.WordCount <= 0)
                {
                    Assert.Fail($"paragraph {p} of chapter {c} is out of place: {para}");
                }
                int paraWords = 0;
                for (int s = para.FirstSentence; s < para.FirstSentence + para.SentenceCount; s++)
                {
                    var sent = doc.Sentences[s];
                    if (sent.ParagraphIndex != p || sent.FirstWord != word + paraWords || sent.WordCount <= 0
                        || sent.Span.Start < para.Span.Start || sent.Span.End > para.Span.End)
                    {
                        Assert.Fail($"sentence {s} of paragraph {p} is out of place: {sent}");
                    }
                    paraWords += sent.WordCount;
                }
                if (paraWords != para.WordCount)
                    Assert.Fail($"the sentences of paragraph {p} hold {paraWords} words, not {para.WordCount}");
                sentence += para.SentenceCount;
                word += para.WordCount;
            }
            paragraph += chapter.ParagraphCount;
            Assert.That(word - chapter.FirstWord, Is.EqualTo(chapter.WordCount));
            Assert.That(sentence - chapter.FirstSentence, Is.EqualTo(chapter.SentenceCount));
            for (int s = chapter.FirstScene; s < chapter.FirstScene + chapter.SceneCount; s++)
            {
                var sc = doc.Scenes[s];
                Assert.That(sc.ChapterIndex, Is.EqualTo(c));
                Assert.That(sc.ParagraphCount, Is.GreaterThan(0));
                Assert.That(Enumerable.Range(sc.FirstParagraph, sc.ParagraphCount).Select(i => doc.Paragraphs[i].SceneIndex),
                    Has.All.EqualTo(s));
                Assert.That(Enumerable.Range(sc.FirstParagraph, sc.ParagraphCount).Sum(i => doc.Paragraphs[i].WordCount),
                    Is.EqualTo(sc.WordCount));
            }
            scene += chapter.SceneCount;
        }
        Assert.That((paragraph, scene, sentence, word),
            Is.EqualTo((doc.Paragraphs.Length, doc.Scenes.Length, doc.Sentences.Length, doc.Words.Length)), "chapters cover the arrays");
        for (int w = 1; w < doc.Words.Length; w++)
        {
            if (doc.Words[w].Start < doc.Words[w - 1].Start + doc.Words[w - 1].Length)
                Assert.Fail($"word {w} overlaps the previous one");
        }
    }
}
