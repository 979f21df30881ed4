namespace Orchestrator.Engine.State;

/// <summary>
/// Value equality for the collections inside the persisted state, so that two states compare equal
/// when their content does (a record's generated equality would compare list references).
/// Lists compare in order; dictionaries compare by key regardless of order; doubles compare with
/// <see cref="double.Equals(double)"/>, so NaN equals NaN.
/// </summary>
internal static class StateEquality
{
    public static bool Lists<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a is null || b is null || a.Count != b.Count) return false;
        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < a.Count; i++)
            if (!comparer.Equals(a[i], b[i])) return false;
        return true;
    }

    public static bool Maps<T>(IReadOnlyDictionary<string, T>? a, IReadOnlyDictionary<string, T>? b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a is null || b is null || a.Count != b.Count) return false;
        var comparer = EqualityComparer<T>.Default;
        foreach (var (key, value) in a)
            if (!b.TryGetValue(key, out var other) || !comparer.Equals(value, other)) return false;
        return true;
    }

    public static bool MapsOfLists<T>(IReadOnlyDictionary<string, IReadOnlyList<T>>? a, IReadOnlyDictionary<string, IReadOnlyList<T>>? b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a is null || b is null || a.Count != b.Count) return false;
        foreach (var (key, value) in a)
            if (!b.TryGetValue(key, out var other) || !Lists(value, other)) return false;
        return true;
    }
}
