using System.Numerics.Tensors;

namespace Orchestrator.Library.Search;

/// <summary>
/// Exact cosine search over every stored vector: the vectors are normalised once, when the index is built, into one
/// contiguous matrix, so a query is one dot product per row (<see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/>,
/// SIMD) and a bounded heap for the top k. Immutable; built per library version.
/// </summary>
internal sealed class VectorIndex
{
    private readonly float[] _matrix;
    private readonly long[] _ids;

    private VectorIndex(float[] matrix, long[] ids, int dimensions)
    {
        _matrix = matrix;
        _ids = ids;
        Dimensions = dimensions;
    }

    public int Dimensions { get; }
    public int Count => _ids.Length;

    public static VectorIndex Empty { get; } = new([], [], 0);

    /// <summary>Builds the index from rows of (id, vector), all of <paramref name="dimensions"/> floats.</summary>
    public static VectorIndex Build(IReadOnlyList<long> ids, float[] matrix, int dimensions)
    {
        if (matrix.Length != ids.Count * dimensions) throw new ArgumentException("the matrix does not hold one row per id", nameof(matrix));
        for (var row = 0; row < ids.Count; row++) Normalise(matrix.AsSpan(row * dimensions, dimensions));
        return new VectorIndex(matrix, ids.ToArray(), dimensions);
    }

    /// <summary>The ids of the <paramref name="k"/> rows nearest <paramref name="query"/> by cosine, nearest first, with their cosines.</summary>
    public IReadOnlyList<(long Id, float Cosine)> Search(ReadOnlySpan<float> query, int k)
    {
        if (Count == 0 || k <= 0) return [];
        if (query.Length != Dimensions)
            throw new ArgumentException($"a query of {query.Length} dimensions for vectors of {Dimensions}", nameof(query));
        var q = query.ToArray();
        Normalise(q);
        var heap = new PriorityQueue<int, (float Score, int Row)>(k + 1, WorstFirst.Instance);
        var matrix = _matrix.AsSpan();
        for (var row = 0; row < _ids.Length; row++)
        {
            var score = TensorPrimitives.Dot(matrix.Slice(row * Dimensions, Dimensions), q);
            if (heap.Count < k) heap.Enqueue(row, (score, row));
            else if (heap.TryPeek(out _, out var worst) && WorstFirst.Instance.Compare((score, row), worst) > 0) heap.EnqueueDequeue(row, (score, row));
        }
        var result = new (long, float)[heap.Count];
        for (var i = result.Length - 1; i >= 0; i--)
        {
            heap.TryDequeue(out var row, out var priority);
            result[i] = (_ids[row], priority.Score);
        }
        return result;
    }

    private static void Normalise(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0) TensorPrimitives.Divide(vector, norm, vector);
    }

    /// <summary>Orders the heap so its top is the worst kept row: lower score first, then the later row (ties favour earlier rows).</summary>
    private sealed class WorstFirst : IComparer<(float Score, int Row)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((float Score, int Row) x, (float Score, int Row) y)
        {
            var byScore = x.Score.CompareTo(y.Score);
            return byScore != 0 ? byScore : y.Row.CompareTo(x.Row);
        }
    }
}
