using System.Text.Json;
using Orchestrator.Manuscripts.Requirements;

namespace Orchestrator.Manuscripts.Tests.Requirements;

public sealed class ManuscriptRequirementsJsonTests
{
    [Test]
    public void Requirements_are_written_as_earlier_sessions_hold_them()
    {
        // The text is part of a session's key (an earlier session is found again by it), so it must not change.
        var requirements = new ManuscriptRequirements { Genre = "romance", TargetLength = 120000, Themes = ["marriage", "class"] };

        Assert.That(ManuscriptRequirementsJson.Serialize(requirements),
            Is.EqualTo("""{"genre":"romance","targetLength":120000,"themes":["marriage","class"]}"""));
        Assert.That(ManuscriptRequirementsJson.Serialize(ManuscriptRequirements.None),
            Is.EqualTo("""{"genre":null,"targetLength":null,"themes":[]}"""));
    }

    [Test]
    public void Requirements_read_back_equal_with_any_case_and_null()
    {
        var read = ManuscriptRequirementsJson.Deserialize("""{"Genre":"literary","targetLength":80000,"themes":["memory"]}""");

        Assert.That(read.Genre, Is.EqualTo("literary"));
        Assert.That(read.TargetLength, Is.EqualTo(80000));
        Assert.That(read.Themes, Is.EqualTo(new[] { "memory" }));
        Assert.That(ManuscriptRequirementsJson.Deserialize("null"), Is.SameAs(ManuscriptRequirements.None));
        Assert.Throws<JsonException>(() => ManuscriptRequirementsJson.Deserialize("{not json"));
    }

    [Test]
    public void Fields_left_out_keep_their_defaults()
    {
        // A cluster's order holds "{}" when the poster gave no requirements.
        var read = ManuscriptRequirementsJson.Deserialize("{}");

        Assert.That(read, Is.EqualTo(ManuscriptRequirements.None).Using<ManuscriptRequirements>((a, b) =>
            a.Genre == b.Genre && a.TargetLength == b.TargetLength && a.Themes.SequenceEqual(b.Themes)));
    }
}
