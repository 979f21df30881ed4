using Orchestrator.Engine.Nodes;
using Orchestrator.Manuscripts.Revision;

namespace Orchestrator.Manuscripts.Tests.Revision;

public sealed class TextRevisionTests
{
    [Test]
    public void Edits_are_applied_in_one_pass()
    {
        var edits = new[]
        {
            new TextEdit(0, 0, "Oh, ", "insert"),
            new TextEdit(4, 4, "", "delete"),
            new TextEdit(8, 3, "cat", "replace"),
            new TextEdit(11, 0, "!", "insert"),
        };
        Assert.That(TextRevision.Apply("the the dog", edits), Is.EqualTo("Oh, the cat!"));
        Assert.That(TextRevision.Apply("unchanged", []), Is.EqualTo("unchanged"));
    }

    [Test]
    public void Out_of_order_edits_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            TextRevision.Apply("the the dog", [new TextEdit(8, 3, "cat", "spelling"), new TextEdit(0, 1, "T", "case")]));
        Assert.That(error!.Message, Does.StartWith("edit 1 (case) at offset 0 comes before edit 0 at offset 8: edits must be sorted by offset"));
        Assert.That(error.ParamName, Is.EqualTo("edits"));
    }

    [Test]
    public void Overlapping_edits_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            TextRevision.Apply("the the dog", [new TextEdit(0, 5, "", "a"), new TextEdit(4, 3, "x", "b")]));
        Assert.That(error!.Message, Does.StartWith("edit 1 (b) at offset 4 overlaps edit 0, which ends at 5"));
    }

    [TestCase(9, 3)]
    [TestCase(12, 0)]
    [TestCase(-1, 1)]
    [TestCase(0, -1)]
    public void Edits_outside_the_text_are_refused(int offset, int length)
    {
        Assert.Throws<ArgumentException>(() => TextRevision.Apply("the the dog", [new TextEdit(offset, length, "", "x")]));
    }
}
