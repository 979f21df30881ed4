using L = Orchestrator.Manuscripts.Characters.CharacterLexicon;

namespace Orchestrator.Manuscripts.Characters;

/// <summary>The <see cref="Neighbour"/> flags of the words of <see cref="CharacterLexicon"/>'s context lists.</summary>
internal static class NeighbourWords
{
    private static readonly Dictionary<string, Neighbour>.AlternateLookup<ReadOnlySpan<char>> Lookup = Build();

    public static Neighbour Of(ReadOnlySpan<char> word) => Lookup.TryGetValue(word, out var flags) ? flags : Neighbour.None;

    private static Dictionary<string, Neighbour>.AlternateLookup<ReadOnlySpan<char>> Build()
    {
        var map = new Dictionary<string, Neighbour>(StringComparer.OrdinalIgnoreCase) { ["the"] = Neighbour.The, ["a"] = Neighbour.Article, ["an"] = Neighbour.Article };
        void Mark(IEnumerable<string> words, Neighbour flag)
        {
            foreach (var w in words) map[w] = map.GetValueOrDefault(w) | flag;
        }
        Mark(L.SpeechVerbs.Words, Neighbour.SpeechVerb);
        Mark(L.PersonVerbs.Words, Neighbour.PersonVerb);
        Mark(L.Locatives.Words, Neighbour.Locative);
        Mark(L.StrongLocatives.Words, Neighbour.StrongLocative);
        return map.GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
