using System.Reflection;
using System.Text.Json;
using Orchestrator.Engine.Findings;
using Orchestrator.Engine.State;
using Orchestrator.Manuscripts.Reports;

namespace Orchestrator.Manuscripts.Tests.Reports;

/// <summary>
/// Reports and session files write enums as names through one generic converter per enum, listed by hand (the native
/// build cannot make them at run time). An enum added to a report or to the state without one would be written as a
/// number: these tests walk the types those files are written from and name any enum left out.
/// </summary>
[TestFixture]
public sealed class JsonEnumNamesTests
{
    [Test]
    public void Every_enum_a_report_holds_has_its_converter() =>
        Assert.That(Uncovered(ReportJson.Options, typeof(AnalysisReport)), Is.Empty);

    [Test]
    public void Every_enum_the_state_and_its_events_hold_has_its_converter() =>
        Assert.That(Uncovered(SessionStateJson.Options, typeof(SessionState), typeof(SessionEvent), typeof(LeaseInfo)), Is.Empty);

    [Test]
    public void Enums_are_written_as_names_in_the_case_each_file_uses()
    {
        Assert.That(JsonSerializer.Serialize(Severity.Warning, ReportJson.Options), Is.EqualTo("\"warning\""));
        Assert.That(JsonSerializer.Serialize(SessionStateStatus.Completed, SessionStateJson.Options), Is.EqualTo("\"Completed\""));
        Assert.That(() => JsonSerializer.Deserialize<SessionStateStatus>("2", SessionStateJson.Options), Throws.InstanceOf<JsonException>(),
            "numbers are refused in session files");
    }

    private static string[] Uncovered(JsonSerializerOptions options, params Type[] roots)
    {
        var seen = new HashSet<Type>();
        var enums = new HashSet<Type>();
        foreach (var root in roots) Walk(root, seen, enums);
        Assert.That(enums, Is.Not.Empty, "the walk found no enum at all: it no longer sees the types' properties");
        return enums.Where(e => !options.Converters.Any(c => c.CanConvert(e))).Select(e => e.FullName!).Order().ToArray();
    }

    private static void Walk(Type type, HashSet<Type> seen, HashSet<Type> enums)
    {
        if (!seen.Add(type)) return;
        if (Nullable.GetUnderlyingType(type) is { } underlying) Walk(underlying, seen, enums);
        else if (type.IsEnum) enums.Add(type);
        else if (type.IsArray) Walk(type.GetElementType()!, seen, enums);
        else
        {
            if (type.IsGenericType)
                foreach (var argument in type.GetGenericArguments()) Walk(argument, seen, enums);
            if (type.Namespace?.StartsWith("Orchestrator.", StringComparison.Ordinal) == true)
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)) Walk(property.PropertyType, seen, enums);
        }
    }
}
