using static Orchestrator.Manuscripts.Tests.Characters.CharacterBooks;

namespace Orchestrator.Manuscripts.Tests.Characters;

/// <summary>Variants that plainly name one person are merged; people of one family stay apart.</summary>
public sealed class NameVariantTests
{
    [Test]
    public void A_surname_alone_with_and_without_title_and_the_full_name_are_one_person()
    {
        var result = Analyse("In spring Daniel Marsh came to the village. Mr. Marsh took the mill. The miller Marsh worked hard, " +
                             "and later Marsh smiled at Ellen. Ellen liked Mr. Marsh. “Good day,” said Marsh.");

        Assert.That(result.Cast(), Has.Length.EqualTo(2).And.Contains("Ellen"));
        Assert.That(result.VariantsOf(result.Cast()[0]), Is.EquivalentTo(new[] { "Marsh", "Mr. Marsh", "Daniel Marsh" }));
    }

    [Test]
    public void Miss_with_a_surname_joins_the_full_name_and_the_given_name()
    {
        var result = Analyse("By the sea lived Clara Vane. Miss Vane walked every morning, and Clara smiled at the gulls. " +
                             "“Good morning, Miss Vane,” said Tom. Clara laughed. Later Miss Vane went home and Clara slept.");

        Assert.That(result.Cast(), Has.Length.EqualTo(2).And.Contains("Tom"));
        Assert.That(result.VariantsOf(result.Cast()[0]), Is.EquivalentTo(new[] { "Clara", "Miss Vane", "Clara Vane" }));
    }

    [Test]
    public void Mr_and_Mrs_with_one_surname_stay_apart()
    {
        var result = Analyse("Mr. Vane read the paper. Mrs. Vane poured the tea. Then Mr. Vane smiled and Mrs. Vane laughed. " +
                             "Clara Vane watched them, and Miss Vane said nothing.");

        Assert.That(result.Cast(), Does.Contain("Mr. Vane").And.Contain("Mrs. Vane"));
        Assert.That(result.VariantsOf("Mr. Vane"), Is.EqualTo(new[] { "Mr. Vane" }));
        Assert.That(result.VariantsOf("Mrs. Vane"), Is.EqualTo(new[] { "Mrs. Vane" }));
    }

    [Test]
    public void Two_brothers_stay_apart()
    {
        var result = Analyse("John Hale and Peter Hale were brothers. John laughed at Peter. Peter Hale frowned, and John Hale " +
                             "smiled. “Come on,” said John. “No,” said Peter. Later John went out and Peter stayed.");

        Assert.That(result.Cast(), Is.EquivalentTo(new[] { "John", "Peter" }));
        Assert.That(result.VariantsOf("John"), Is.EquivalentTo(new[] { "John", "John Hale" }));
        Assert.That(result.VariantsOf("Peter"), Is.EquivalentTo(new[] { "Peter", "Peter Hale" }));
    }
}
