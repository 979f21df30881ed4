using Orchestrator.Engine.Findings;
using Orchestrator.Engine.Nodes;
using Orchestrator.Manuscripts.Characters;
using Orchestrator.Manuscripts.Text;
using static Orchestrator.Manuscripts.Tests.Characters.CharacterBooks;
using M = Orchestrator.Manuscripts.Characters.CharactersMetrics;

namespace Orchestrator.Manuscripts.Tests.Characters;

/// <summary>
/// First-person books: the narrator is found (self-naming, address in dialogue, or unnamed), speaks the "I said"
/// lines, is present through the narration's "I", and leads the book unless a frame narrator hands over.
/// </summary>
public sealed class NarratorTests
{
    /// <summary>Narration in the first person with some third-person pronouns: 21 first-person singular, 7 third-person.</summary>
    private const string FirstPersonNarration =
        "I walked down to the harbour that morning, and I watched the boats come in. My coat was wet and my boots were heavy. " +
        "I thought of the house and of him, and I did not know what I would do. The gulls cried over me and I let them. " +
        "He had told me to wait, and she had told me to go; I stood between them with my hands in my pockets. " +
        "I remember the smell of tar and the cold on my face. They said I was a fool, and perhaps I was. " +
        "I went on, and I counted the ships, and I thought of her.";

    private static Finding[] Rule(NodeResult result, string rule) => result.Findings.Where(f => f.Rule == rule).ToArray();

    private static NodeResult AnalyseBook(params string[] chapters) => Analyse(Book(chapters), EveryName with { MinAttributedLines = 1 });

    [Test]
    public void The_narration_voice_counts_pronouns_outside_speech_per_chapter()
    {
        var document = Book(FirstPersonNarration + "\n\n“I am here, we are here,” said Tom.", "He went home. She stayed.");
        var voice = document.Narration;

        Assert.That(voice.FirstPerson, Is.EqualTo(new[] { 21, 0 }), "the quoted “I am here, we are here” is speech, not narration");
        Assert.That(voice.NarratorReferences, Is.EqualTo(new[] { 21, 0 }));
        Assert.That(voice.ThirdPerson, Is.EqualTo(new[] { 7, 2 }));
        Assert.That(voice.FirstPersonShare, Is.EqualTo(21 / 30.0).Within(1e-12));
        var we = Book(FirstPersonNarration.Replace("I thought of her.", "We thought of her, and we slept.")).Narration;
        Assert.That((we.FirstPerson[0], we.NarratorReferences[0]), Is.EqualTo((22, 20)), "we is first person, not the narrator alone");
        Assert.That(voice.IsFirstPerson(), Is.True);
        Assert.That(Book("He went home. She stayed. They slept.").Narration.IsFirstPerson(), Is.False, "too few pronouns to judge");
    }

    [TestCase("Call me Ishmael. I have been to sea.", "Ishmael", 2)]
    [TestCase("My name is Nell Dean, and I keep this house.", "Nell Dean", 2)]
    [TestCase("I, Marlow, have seen the river.", "Marlow", 1)]
    [TestCase("In the village I was called Pip.", "Pip", 1)]
    public void A_narrator_who_names_themselves_is_the_narrator_and_the_protagonist(string naming, string name, int namingReferences)
    {
        var result = AnalyseBook(
            naming + " " + FirstPersonNarration + "\n\nThen Tom came, and Tom sat with Anna, and Anna laughed at Tom.",
            FirstPersonNarration + "\n\nTom and Anna and Tom again.");

        Assert.That(result.Metrics[M.FirstPersonNarration], Is.EqualTo(1));
        Assert.That(result.Cast()[0], Is.EqualTo(name));
        Assert.That(result.Metrics[M.NarratorReferences], Is.EqualTo(42 + namingReferences));
        Assert.That(result.Mentions(name), Is.EqualTo(43 + namingReferences), "one naming and the narration's references");
        Assert.That(result.PerChapter(name)[1], Is.EqualTo(21), "the narrator is present in a chapter that never names them");
        var narrator = Rule(result, CharactersRules.Narrator).Single();
        Assert.That(narrator.Message, Does.StartWith($"Told in the first person by {name}, named in their own words 1 time:"));
        Assert.That(narrator.Evidence, Does.Contain(name));
        var protagonist = Rule(result, CharactersRules.Protagonist).Single();
        Assert.That(protagonist.Message, Does.StartWith($"A clear protagonist: {name} narrates the book in the first person"));
    }

    [Test]
    public void I_said_and_said_I_are_the_narrators_lines_and_the_narrator_is_not_silent()
    {
        var result = AnalyseBook(
            "Call me Ishmael. " + FirstPersonNarration + "\n\n" +
            "“Where is the inn?” I asked.\n\n" +
            "“Down the lane,” said Tom.\n\n" +
            "“Thank you,” said I.\n\n" +
            "“Mind the dog,” Tom replied.\n\n" +
            "“I will,” I cried, and ran.\n\n" +
            "“He bites,” said Tom, and I answered, “So do I.”\n\n" +
            "I remember the lane, and the dog, and Anna at the gate. Anna waved.");

        Assert.That(result.Lines("Ishmael"), Is.EqualTo(3), "I asked, said I, I cried; the last paragraph is Tom's (his tag comes first)");
        Assert.That(result.Lines("Tom"), Is.EqualTo(3));
        Assert.That(result.Metrics[M.AttributedLines], Is.EqualTo(6));
        Assert.That(result.Metrics[M.NarratorLines], Is.EqualTo(3));
        var silent = Rule(result, CharactersRules.Silent);
        Assert.That(silent.Select(f => f.Message), Has.None.Contain("Ishmael"));
        Assert.That(silent.Single().Message, Does.StartWith("Anna (#3"));
        Assert.That(Rule(result, CharactersRules.Narrator).Single().Message, Does.Contain("3 lines of dialogue"));
    }

    [Test]
    public void Others_addressing_the_narrator_in_conversation_name_them()
    {
        var result = AnalyseBook(
            FirstPersonNarration + "\n\n" +
            "“Good morning, Nelly,” said Mr. Heath.\n\n" +
            "“Good morning, sir,” I said.\n\n" +
            "“Nelly, bring the lamp,” he went on.\n\n" +
            "“Yes, sir,” I replied.\n\n" +
            "Mr. Heath and Tom sat by the fire. “Tom, sit down,” said Mr. Heath. Tom sat.",
            FirstPersonNarration);

        Assert.That(result.Cast()[0], Is.EqualTo("Nelly"));
        Assert.That(result.Lines("Nelly"), Is.EqualTo(2));
        Assert.That(Rule(result, CharactersRules.Narrator).Single().Message,
            Does.StartWith("Told in the first person by Nelly, named by others in conversation 2 times:"));
        // "Tom, sit down" is said to Tom in a paragraph no line of the narrator's is next to: not a vote for Tom.
        Assert.That(result.Mentions("Tom"), Is.EqualTo(3));
    }

    [Test]
    public void A_narrator_the_book_never_names_is_the_narrator_in_the_cast()
    {
        var result = AnalyseBook(FirstPersonNarration + "\n\n“Hello,” said Tom.\n\n“Hello,” said I.\n\nTom and Anna left.", FirstPersonNarration);

        Assert.That(result.Cast()[0], Is.EqualTo(CastBuilder.UnnamedNarrator));
        Assert.That(result.Mentions(CastBuilder.UnnamedNarrator), Is.EqualTo(43), "42 in the narration and the I of “said I”");
        Assert.That(result.Lines(CastBuilder.UnnamedNarrator), Is.EqualTo(1));
        Assert.That(result.VariantsOf(CastBuilder.UnnamedNarrator), Is.EqualTo(new[] { "" }));
        Assert.That(Rule(result, CharactersRules.Narrator).Single().Message, Does.StartWith("Told in the first person by a narrator the book never names"));
        Assert.That(Rule(result, CharactersRules.Protagonist).Single().Message, Does.StartWith("A clear protagonist: the narrator narrates"));
    }

    [Test]
    public void A_frame_narrator_who_hands_over_is_not_made_the_protagonist()
    {
        var result = AnalyseBook(
            "My name is Lockwood. " + FirstPersonNarration + "\n\nI met Nelly at the gate, and Nelly told me the story of Heathcliff.",
            "Call me Nelly. " + FirstPersonNarration + "\n\nHeathcliff came home. Heathcliff was dark, and Heathcliff was proud. " +
            "Heathcliff loved Cathy, and Cathy loved Heathcliff.",
            FirstPersonNarration + "\n\nHeathcliff and Cathy and Heathcliff walked on the moor. Heathcliff sat with Cathy.",
            FirstPersonNarration + "\n\nHeathcliff wept. Cathy died. Heathcliff raged at Edgar, and Edgar at Heathcliff.");

        Assert.That(result.Metrics[M.FrameNarrator], Is.EqualTo(1));
        Assert.That(result.PerChapter("Lockwood"), Is.EqualTo(new double[] { 1 + 1 + 21 + 2, 0, 0, 0 }), "named, \"My\", the narration, \"I met\" and \"told me\"");
        Assert.That(result.PerChapter("Nelly"), Is.EqualTo(new double[] { 2, 1 + 1 + 21, 21, 21 }), "named twice in the frame, then telling the rest");
        Assert.That(Rule(result, CharactersRules.Narrator).Single().Message,
            Does.Contain("Lockwood opens the book as a frame narrator and hands the story over in Chapter 2."));
        // With a frame the protagonist is decided by presence alone, as in a third-person book: Nelly tells three
        // chapters of four and leads.
        Assert.That(Rule(result, CharactersRules.Protagonist).Single().Message, Does.StartWith("A clear protagonist: Nelly has"));
    }

    [Test]
    public void A_narrator_addressed_by_two_names_is_not_a_frame()
    {
        // Victor in the first chapters and Frankenstein in the last: one person, named two ways; neither names himself.
        var result = AnalyseBook(
            FirstPersonNarration + "\n\n“Come, Victor,” said Anna.\n\n“Yes,” I said.\n\n“Sit, Victor,” said Anna.",
            FirstPersonNarration,
            FirstPersonNarration + "\n\n“Listen, Frankenstein,” said Tom.\n\n“No,” I said.\n\n“Look, Frankenstein!” said Tom.");

        Assert.That(result.Metrics[M.FrameNarrator], Is.Zero);
        Assert.That(result.Cast()[0], Is.EqualTo("Victor"), "on equal weight, the name given first");
        Assert.That(result.PerChapter("Victor"), Is.EqualTo(new double[] { 2 + 21 + 1, 21, 21 + 1 }));
    }

    [Test]
    public void A_third_person_book_has_no_narrator()
    {
        var result = AnalyseBook("He walked to the harbour. She watched him. They said nothing. " +
                                 "“I am cold,” said Tom. “I said so,” said Anna. He sat, and she sat, and they waited, and he sighed.");

        Assert.That(result.Metrics[M.FirstPersonNarration], Is.Zero);
        Assert.That(result.Metrics[M.NarratorReferences], Is.Zero);
        Assert.That(result.Cast(), Does.Not.Contain(CastBuilder.UnnamedNarrator));
        Assert.That(Rule(result, CharactersRules.Narrator), Is.Empty);
    }
}
