using Microsoft.CodeAnalysis;

namespace Orchestrator.Engine.Scripting;

/// <summary>
/// The framework types a rule may touch, by metadata name: primitives, <c>string</c>, <c>Math</c>,
/// <c>TimeSpan</c>, LINQ over collections, the generic collections, delegates for lambdas, tuples,
/// and <c>Regex</c> with a match timeout. Everything else is refused (<see cref="RulePolicy"/>); the
/// application types a rule may touch are the ones its globals lead to, found separately.
/// </summary>
internal static class RuleAllowList
{
    private static readonly HashSet<SpecialType> Primitives =
    [
        SpecialType.System_Object, SpecialType.System_Void, SpecialType.System_Boolean, SpecialType.System_Char,
        SpecialType.System_SByte, SpecialType.System_Byte, SpecialType.System_Int16, SpecialType.System_UInt16,
        SpecialType.System_Int32, SpecialType.System_UInt32, SpecialType.System_Int64, SpecialType.System_UInt64,
        SpecialType.System_Decimal, SpecialType.System_Single, SpecialType.System_Double, SpecialType.System_String,
        SpecialType.System_Nullable_T, SpecialType.System_Enum, SpecialType.System_ValueType, SpecialType.System_Array,
        SpecialType.System_Collections_IEnumerable, SpecialType.System_Collections_IEnumerator, SpecialType.System_IDisposable,
        SpecialType.System_Collections_Generic_IEnumerable_T, SpecialType.System_Collections_Generic_IEnumerator_T,
        SpecialType.System_Collections_Generic_IList_T, SpecialType.System_Collections_Generic_ICollection_T,
        SpecialType.System_Collections_Generic_IReadOnlyList_T, SpecialType.System_Collections_Generic_IReadOnlyCollection_T,
    ];

    /// <summary>Namespaces whose every type is allowed.</summary>
    private static readonly string[] Namespaces = ["System.Collections.Generic"];

    private static readonly HashSet<string> Types = new(StringComparer.Ordinal)
    {
        "System.Math", "System.MathF", "System.TimeSpan", "System.Index", "System.Range",
        "System.StringComparer", "System.StringComparison", "System.StringSplitOptions", "System.MidpointRounding",
        "System.Span`1", "System.ReadOnlySpan`1", "System.MemoryExtensions", "System.Text.StringBuilder",
        "System.Func`1", "System.Func`2", "System.Func`3", "System.Func`4", "System.Func`5",
        "System.Action", "System.Action`1", "System.Action`2", "System.Action`3", "System.Action`4",
        "System.Predicate`1", "System.Comparison`1", "System.Converter`2",
        "System.ValueTuple", "System.ValueTuple`1", "System.ValueTuple`2", "System.ValueTuple`3", "System.ValueTuple`4",
        "System.ValueTuple`5", "System.ValueTuple`6", "System.ValueTuple`7", "System.ValueTuple`8",
        "System.Linq.Enumerable", "System.Linq.IGrouping`2", "System.Linq.ILookup`2", "System.Linq.Lookup`2",
        "System.Linq.IOrderedEnumerable`1",
        "System.Collections.ObjectModel.ReadOnlyCollection`1", "System.Collections.ObjectModel.ReadOnlyDictionary`2",
        "System.Exception", "System.ArgumentException", "System.ArgumentNullException", "System.ArgumentOutOfRangeException",
        "System.InvalidOperationException", "System.NotSupportedException", "System.FormatException",
        "System.OverflowException", "System.DivideByZeroException", "System.IndexOutOfRangeException",
        "System.ArithmeticException", "System.NullReferenceException",
        "System.Text.RegularExpressions.Regex", "System.Text.RegularExpressions.RegexOptions",
        "System.Text.RegularExpressions.Match", "System.Text.RegularExpressions.Group", "System.Text.RegularExpressions.Capture",
        "System.Text.RegularExpressions.MatchCollection", "System.Text.RegularExpressions.GroupCollection",
        "System.Text.RegularExpressions.CaptureCollection", "System.Text.RegularExpressions.MatchEvaluator",
        "System.Text.RegularExpressions.RegexMatchTimeoutException",
    };

    /// <summary>Regex methods that match: a rule calls them on an instance built with a timeout, or statically with one.</summary>
    private static readonly HashSet<string> RegexMatching = new(StringComparer.Ordinal)
    {
        "IsMatch", "Match", "Matches", "Replace", "Split", "Count", "EnumerateMatches", "EnumerateSplits",
    };

    /// <summary>Hints for the message when a refused type lives in a namespace a user may reach for by habit.</summary>
    private static readonly (string Namespace, string What)[] Hints =
    [
        ("System.IO", "files and streams"),
        ("System.Net", "the network"),
        ("System.Reflection", "reflection"),
        ("System.Diagnostics", "processes and diagnostics"),
        ("System.Runtime", "runtime internals"),
        ("System.Threading", "threads, tasks and waits"),
        ("System.Xml", "XML (its resolvers read files and URLs)"),
        ("System.ComponentModel", "reflection (System.ComponentModel)"),
        ("System.Linq.Expressions", "expression trees"),
        ("Microsoft.Win32", "the registry"),
    ];

    /// <summary>True when <paramref name="definition"/> (an original definition) is an allowed framework type.</summary>
    public static bool IsAllowedFrameworkType(INamedTypeSymbol definition)
    {
        if (Primitives.Contains(definition.SpecialType)) return true;
        var name = MetadataName(definition);
        if (Types.Contains(name)) return true;
        var ns = definition.ContainingNamespace?.ToDisplayString() ?? "";
        return Array.IndexOf(Namespaces, ns) >= 0;
    }

    /// <summary>Why a member of an allowed type is still refused, or null.</summary>
    public static string? RefusedMember(ISymbol member)
    {
        if (member.ContainingType is not { } owner || MetadataName(owner.OriginalDefinition) != "System.Text.RegularExpressions.Regex")
            return null;
        if (member.Name is "CacheSize" or "InfiniteMatchTimeout")
            return "a regular expression without a match timeout (it can backtrack far past the rule's time budget)";
        if (member is IMethodSymbol method && (method.MethodKind == MethodKind.Constructor || (method.IsStatic && RegexMatching.Contains(method.Name)))
            && !method.Parameters.Any(p => p.Type is INamedTypeSymbol { Name: "TimeSpan" }))
            return "a regular expression without a match timeout: use the overload with a TimeSpan (it can backtrack far past the rule's time budget)";
        return null;
    }

    private static readonly Dictionary<string, string> TypeHints = new(StringComparer.Ordinal)
    {
        ["System.Environment"] = "the environment (System.Environment)",
        ["System.AppContext"] = "the process (System.AppContext)",
        ["System.AppDomain"] = "the process (System.AppDomain)",
        ["System.GC"] = "the garbage collector (System.GC)",
        ["System.Activator"] = "reflection (System.Activator)",
        ["System.Type"] = "reflection (System.Type)",
        ["System.Delegate"] = "reflection (System.Delegate)",
        ["System.DateTime"] = "the clock (use Elapsed)",
        ["System.DateTimeOffset"] = "the clock (use Elapsed)",
    };

    /// <summary>What a refused type is, in words, when its name says so; otherwise a statement of the rule.</summary>
    public static string Describe(INamedTypeSymbol type)
    {
        if (TypeHints.TryGetValue(MetadataName(type), out var hint)) return hint;
        var ns = type.ContainingNamespace?.ToDisplayString() ?? "";
        foreach (var (prefix, what) in Hints)
            if (ns == prefix || ns.StartsWith(prefix + ".", StringComparison.Ordinal)) return $"{what} ({ns})";
        return "outside what rules may use (see docs/rules.md)";
    }

    public static string MetadataName(INamedTypeSymbol type)
    {
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() + "." : "";
        var outer = type.ContainingType is { } containing ? MetadataName(containing) + "+" : ns;
        return outer + type.MetadataName;
    }
}
