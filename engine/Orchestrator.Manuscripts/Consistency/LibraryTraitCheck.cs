using Orchestrator.Engine.Findings;
using Orchestrator.Manuscripts.Reference;
using static Orchestrator.Manuscripts.Consistency.ConsistencyText;

namespace Orchestrator.Manuscripts.Consistency;

/// <summary>
/// Simple stated traits checked against a reference library (<see cref="LibraryRules.TraitConflict"/>): "Elinor's
/// eyes were blue" where the library says "Elinor Vance's eyes are grey". The finding is located at the manuscript's
/// statement and names the library's, with both sentences.
/// </summary>
/// <remarks>
/// Statements on both sides come from <see cref="FactExtractor"/> and are compared by <see cref="TraitValue.Core"/>
/// (grey agrees with pale grey and gray, thirty with 30). A subject matches the library's by its titled name (Mrs Bennet)
/// or its first name; a lone surname matches only when one library subject carries it. When the library states several
/// values for one trait (a character ages across books), agreeing with any of them is no finding.
/// </remarks>
internal static class LibraryTraitCheck
{
    private const double Confidence = 0.6;

    /// <summary>Runs the check; returns the conflicts found.</summary>
    public static int Run(ConsistencyContext context, IReadOnlyList<TraitStatement> statements, ReferenceFacts library)
    {
        var byKey = new Dictionary<(string Key, string Attribute), List<TraitFact>>();
        var bySurname = new Dictionary<(string Key, string Attribute), List<TraitFact>>();
        foreach (var fact in library.Traits)
        {
            var keys = TraitValue.SubjectKeys(fact.Subject);
            if (keys.Count == 0) continue;
            Add(byKey, (keys[0], fact.Attribute), fact);
            if (keys.Count > 1) Add(bySurname, (keys[^1], fact.Attribute), fact);
        }

        var conflicts = 0;
        foreach (var statement in statements)
        {
            var keys = TraitValue.SubjectKeys(statement.Subject);
            if (keys.Count == 0) continue;
            if (!byKey.TryGetValue((keys[0], statement.Attribute), out var stated)
                && !(keys.Count == 1 && bySurname.TryGetValue((keys[0], statement.Attribute), out stated)
                     && stated.Select(s => s.Subject).Distinct(StringComparer.Ordinal).Count() == 1))
                continue;
            var core = TraitValue.Core(statement.Attribute, statement.Value);
            if (stated.Any(s => TraitValue.Core(s.Attribute, s.Value) == core)) continue;

            conflicts++;
            var reference = stated[0];
            LibraryNameCheck.CountIssue(context, statement.Offset);
            var location = context.Document.Locator.Locate(statement.Offset, statement.Length);
            context.Findings.Add(LibraryRules.TraitConflict, () => new Finding(LibraryRules.TraitConflict, Severity.Warning,
                $"{statement.Subject}'s {Describe(statement.Attribute)} is {Q(statement.Value)} here (chapter {location.Chapter}, paragraph {location.Paragraph}), " +
                $"but {Q(reference.Value)} in the library ({reference.Place}): {Q(reference.Evidence)}",
                $"Make it {Q(reference.Value)} as the library has it, or update the library if the change is meant.",
                location, Evidence(context.Document, statement.Offset, statement.Length), Confidence));
        }
        context.Metrics[LibraryMetrics.LibraryTraits] = library.Traits.Count;
        context.Metrics[LibraryMetrics.TraitConflicts] = conflicts;
        if (conflicts > 0) context.Summary.Add($"{Count(conflicts, "stated trait")} contradicting the library");
        return conflicts;
    }

    private static string Describe(string attribute) => attribute switch
    {
        TraitValue.Eyes => "eye colour",
        TraitValue.Hair => "hair",
        _ => attribute,
    };

    private static void Add(Dictionary<(string, string), List<TraitFact>> index, (string, string) key, TraitFact fact)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(fact);
    }
}
