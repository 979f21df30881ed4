using static Orchestrator.Manuscripts.Tests.Characters.CharacterBooks;

namespace Orchestrator.Manuscripts.Tests.Characters;

/// <summary>Which capitalised words become characters, and which name variants are one person.</summary>
public sealed class CharacterDetectionTests
{
    [Test]
    public void Names_are_capitalised_words_that_are_not_sentence_initial()
    {
        var result = Analyse("Tomorrow the ship sails. Yesterday the old woman met Edward at the gate, and Margaret waved. " +
                             "Then Edward spoke to Margaret about the ship.");

        Assert.That(result.Cast(), Is.EqualTo(new[] { "Edward", "Margaret" }));
        Assert.That(result.Mentions("Edward"), Is.EqualTo(2));
        Assert.That(result.Mentions("Margaret"), Is.EqualTo(2));
    }

    [Test]
    public void Sentence_initial_mentions_of_a_name_count()
    {
        var result = Analyse("The letter came for Edward. Edward read it twice. Edward's hands shook.");

        Assert.That(result.Cast(), Is.EqualTo(new[] { "Edward" }));
        Assert.That(result.Mentions("Edward"), Is.EqualTo(3));
    }

    [Test]
    public void Built_in_non_persons_are_never_characters()
    {
        var result = Analyse("On Monday in March the family went to London, and by God they prayed in England with the English. " +
                             "Then I said Oh and Ah to Heaven. The note from Chapter one said Thursday. Mr. Rowe bowed to her Ladyship, " +
                             "and Sir said nothing to the Lord.");

        Assert.That(result.Cast(), Is.EqualTo(new[] { "Mr. Rowe" }));
    }

    [Test]
    public void A_word_mostly_written_in_lower_case_is_not_a_name()
    {
        var result = Analyse("They held on to Hope for a while. There was hope, and hope again, and a little more hope. Then Anna waited for Tom.");

        Assert.That(result.Cast(), Does.Not.Contain("Hope"));
        Assert.That(result.Cast(), Is.EquivalentTo(new[] { "Anna", "Tom" }));
    }

    [Test]
    public void A_word_sometimes_in_lower_case_is_a_name_when_it_speaks()
    {
        // "mouse" is written in lower case 2 times against 4 capitalised: a name only because the Mouse speaks.
        var result = Analyse("“Sit down,” said the Mouse.\n\nA mouse is small, and she had seen a mouse before.\n\n" +
                             "“Hush,” said the Mouse. She looked at the Mouse, and the Mouse looked back.");

        Assert.That(result.Cast(), Is.EqualTo(new[] { "Mouse" }));
        Assert.That(result.Mentions("Mouse"), Is.EqualTo(4));
        Assert.That(result.Lines("Mouse"), Is.EqualTo(2));
    }

    [Test]
    public void Places_are_not_characters()
    {
        var result = Analyse("Jane walked to Longbourn. She was at Longbourn by noon, and the house at Longbourn was quiet. " +
                             "They dined at Lucas Lodge, where Charlotte Lucas smiled at Jane.");

        Assert.That(result.Cast(), Is.EquivalentTo(new[] { "Jane", "Charlotte Lucas" }));
    }

    [Test]
    public void Places_peoples_and_interjections_of_an_invented_world_are_not_characters()
    {
        // None of these words is in a built-in list: the evidence of the text alone keeps them out.
        var result = Analyse("Orla sailed from Vesk at dawn. She had lived in Vesk for years, and at Vesk the harbour froze. " +
                             "By the rail stood a Drenn, and a Drenn is never welcome; the Drenns kept apart. Orla said nothing. " +
                             "“Hallamoy! Hallamoy!” cried the crew. “Hallamoy, we are home,” said Orla.");

        Assert.That(result.Cast(), Is.EqualTo(new[] { "Orla" }));
    }

    [Test]
    public void Things_that_never_act_are_not_characters()
    {
        var result = Analyse("Then came Ahab to the deck of the Pequod. Stubb watched the Pequod roll, and the Pequod creaked. " +
                             "At last Ahab smiled at Stubb.");

        Assert.That(result.Cast(), Is.EquivalentTo(new[] { "Ahab", "Stubb" }));
    }

    [Test]
    public void Titles_keep_people_of_one_family_apart()
    {
        var result = Analyse("Then Mr. Bennet smiled at Mrs. Bennet. Later Mr. Bennet left, and Mrs. Bennet cried, " +
                             "and Miss Bennet sighed.");

        Assert.That(result.Cast(), Is.EqualTo(new[] { "Mr. Bennet", "Mrs. Bennet", "Miss Bennet" }));
        Assert.That(result.Mentions("Mr. Bennet"), Is.EqualTo(2));
        Assert.That(result.Mentions("Mrs. Bennet"), Is.EqualTo(2));
    }

    [Test]
    public void A_title_alone_is_not_a_character_but_a_rank_used_as_a_name_is()
    {
        var result = Analyse("“Yes, Sir,” said the Captain to the Colonel. “Off with his head!” said the Queen. " +
                             "Everyone feared the Queen.");

        Assert.That(result.Cast(), Is.EqualTo(new[] { "Queen" }));
        Assert.That(result.Mentions("Queen"), Is.EqualTo(2));
    }

    [Test]
    public void A_bare_surname_joins_the_person_who_dominates_it()
    {
        // Mr. Darcy 2 against Miss Darcy 1 (a woman's title counts a quarter for a surname): 89% ≥ 75%.
        var result = Analyse("Then Mr. Darcy bowed. Everyone watched Mr. Darcy. At last Darcy spoke, and Miss Darcy laughed at Darcy.");

        Assert.That(result.Cast(), Is.EqualTo(new[] { "Mr. Darcy", "Miss Darcy" }));
        Assert.That(result.Mentions("Mr. Darcy"), Is.EqualTo(4));
        Assert.That(result.VariantsOf("Mr. Darcy"), Is.EqualTo(new[] { "Mr. Darcy", "Darcy" }));
    }

    [Test]
    public void A_bare_surname_shared_by_a_family_stays_on_its_own()
    {
        var result = Analyse("Then Mr. Bennet spoke to Mrs. Bennet and Miss Bennet. Mrs. Bennet cried, and Miss Bennet and Mr. Bennet " +
                             "left Mrs. Bennet with Jane Bennet. So Bennet was the name on the door.");

        Assert.That(result.Cast(), Does.Contain("Bennet"));
        Assert.That(result.VariantsOf("Mr. Bennet"), Is.EqualTo(new[] { "Mr. Bennet" }));
        Assert.That(result.VariantsOf("Mrs. Bennet"), Is.EqualTo(new[] { "Mrs. Bennet" }));
    }

    [Test]
    public void A_surname_is_not_given_to_a_woman_who_married_into_it()
    {
        // Lydia Wickham is the only full name ending in Wickham, but Lydia is "Miss Lydia": Wickham stays Mr. Wickham.
        var result = Analyse("Then Miss Lydia laughed at Mr. Wickham, and Wickham bowed. Then Mr. Wickham left. " +
                             "Later Lydia Wickham wrote to Kitty about Mr. Wickham, and Wickham smiled at Lydia.");

        Assert.That(result.Cast(), Is.EqualTo(new[] { "Mr. Wickham", "Miss Lydia", "Kitty" }));
        Assert.That(result.VariantsOf("Mr. Wickham"), Is.EqualTo(new[] { "Mr. Wickham", "Wickham" }));
        Assert.That(result.VariantsOf("Miss Lydia"), Is.EqualTo(new[] { "Miss Lydia", "Lydia Wickham", "Lydia" }));
    }

    [Test]
    public void A_multi_word_name_with_a_particle_is_one_person()
    {
        var result = Analyse("Then Lady Catherine de Bourgh arrived. Everyone feared Lady Catherine, and Lady Catherine knew it.");

        Assert.That(result.Cast(), Is.EqualTo(new[] { "Lady Catherine" }));
        Assert.That(result.VariantsOf("Lady Catherine"), Is.EqualTo(new[] { "Lady Catherine", "Lady Catherine de Bourgh" }));
    }

    [Test]
    public void Multi_word_names_without_titles()
    {
        var result = Analyse("“I was once a real Turtle,” said the Mock Turtle.\n\nAlice looked at the Mock Turtle. " +
                             "“Oh my ears!” said the White Rabbit, and the Rabbit looked at Alice.");

        Assert.That(result.Cast(), Is.EquivalentTo(new[] { "Alice", "Mock Turtle", "White Rabbit" }));
        Assert.That(result.VariantsOf("White Rabbit"), Is.EqualTo(new[] { "White Rabbit", "Rabbit" }));
        Assert.That(result.Mentions("Mock Turtle"), Is.EqualTo(3));
    }

    [Test]
    public void A_full_name_a_given_name_and_Miss_with_the_given_name_are_one_person()
    {
        var result = Analyse("Then Elizabeth Bennet turned twenty. Everyone liked Elizabeth, and Miss Elizabeth smiled. At last Elizabeth laughed.");

        Assert.That(result.Cast(), Is.EqualTo(new[] { "Elizabeth" }));
        Assert.That(result.VariantsOf("Elizabeth"), Is.EqualTo(new[] { "Elizabeth", "Elizabeth Bennet", "Miss Elizabeth" }));
        Assert.That(result.Mentions("Elizabeth"), Is.EqualTo(4));
    }

    [Test]
    public void A_nickname_joins_the_given_name_it_shortens_when_they_share_chapters()
    {
        var result = Analyse(Book(
            "“Come, Lizzy,” said Jane. Then Elizabeth smiled at Jane.",
            "“Lizzy!” cried Jane. At last Elizabeth came, and Elizabeth sat."));

        Assert.That(result.Cast(), Is.EquivalentTo(new[] { "Elizabeth", "Jane" }));
        Assert.That(result.VariantsOf("Elizabeth"), Is.EquivalentTo(new[] { "Elizabeth", "Lizzy" }));
    }

    [Test]
    public void A_nickname_stays_apart_from_a_namesake_in_other_chapters()
    {
        // Bill the Lizard and William the Conqueror (Alice) never meet.
        var result = Analyse(Book(
            "They spoke of William the Conqueror. Then William fell silent in the story.",
            "Then Bill came down the chimney. Poor Bill!",
            "They carried Bill away."));

        Assert.That(result.Cast(), Is.EquivalentTo(new[] { "Bill", "William" }));
    }

    [Test]
    public void A_family_plural_is_not_a_character()
    {
        var result = Analyse("Then the Bennets dined out. Mr. Bennet smiled, and Mr. Bennet ate. Later Mr. Bennet slept.");

        Assert.That(result.Cast(), Is.EqualTo(new[] { "Mr. Bennet" }));
    }

    [Test]
    public void Words_in_capitals_throughout_are_left_out()
    {
        var result = Analyse("A sign read NOTICE TO SAILORS, and Tom laughed at the sign. Then Tom went home.");

        Assert.That(result.Cast(), Is.EqualTo(new[] { "Tom" }));
    }

    [Test]
    public void Names_spoken_in_dialogue_are_mentions()
    {
        var result = Analyse("“Where is Jane?” asked Elizabeth.\n\n“Jane is out,” said Mary.");

        Assert.That(result.Mentions("Jane"), Is.EqualTo(2));
        Assert.That(result.Lines("Jane"), Is.Zero);
        Assert.That(result.Lines("Elizabeth"), Is.EqualTo(1));
        Assert.That(result.Lines("Mary"), Is.EqualTo(1));
    }

    [Test]
    public void French_monsieur_abbreviated_M_is_a_title()
    {
        var result = Analyse("I went to see M. Krempe. Then M. Krempe laughed at me, and M. Waldman smiled.");

        Assert.That(result.Cast(), Is.EqualTo(new[] { "M. Krempe", "M. Waldman" }));
    }
}
