using Orchestrator.Engine.Pipelines;

namespace Orchestrator.Engine.Tests.Pipelines;

public sealed class PipelineDurationTests
{
    [TestCase("00:05:00", 0, 0, 5, 0, 0)]
    [TestCase("1:02:03", 0, 1, 2, 3, 0)]
    [TestCase("23:59:59", 0, 23, 59, 59, 0)]
    [TestCase("2.01:00:00", 2, 1, 0, 0, 0)]
    [TestCase("00:00:01.5", 0, 0, 0, 1, 500)]
    [TestCase("00:00:00", 0, 0, 0, 0, 0)]
    public void Valid_durations_parse(string text, int days, int hours, int minutes, int seconds, int milliseconds)
    {
        Assert.That(PipelineDuration.TryParse(text, out var value), Is.True);
        Assert.That(value, Is.EqualTo(new TimeSpan(days, hours, minutes, seconds, milliseconds)));
    }

    [TestCase("5")]
    [TestCase("90")]
    [TestCase("")]
    [TestCase(" 00:00:01")]
    [TestCase("24:00:00")]
    [TestCase("00:60:00")]
    [TestCase("00:00:60")]
    [TestCase("-00:00:01")]
    [TestCase("00:05")]
    [TestCase("00:00:01.12345678")]
    [TestCase("5m")]
    [TestCase(null)]
    public void Anything_else_does_not(string? text)
    {
        Assert.That(PipelineDuration.TryParse(text, out _), Is.False);
    }

    [Test]
    public void Parse_says_what_a_duration_looks_like()
    {
        Assert.That(() => PipelineDuration.Parse("soon"),
            Throws.TypeOf<FormatException>().With.Message.EqualTo("'soon' is not a duration: write hh:mm:ss or d.hh:mm:ss (e.g. 00:05:00)"));
    }

    [Test]
    public void Format_writes_what_parse_reads()
    {
        var value = new TimeSpan(1, 2, 3, 4, 500);

        Assert.That(PipelineDuration.Format(value), Is.EqualTo("1.02:03:04.5000000"));
        Assert.That(PipelineDuration.Parse(PipelineDuration.Format(value)), Is.EqualTo(value));
    }
}
