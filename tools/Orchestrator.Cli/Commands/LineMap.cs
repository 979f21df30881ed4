namespace Orchestrator.Cli.Commands;

/// <summary>Offsets to 1-based line:column, from one pass over the text that records where lines start.</summary>
public sealed class LineMap
{
    private readonly int[] _starts;

    public LineMap(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1)) starts.Add(i + 1);
        _starts = starts.ToArray();
    }

    public (int Line, int Column) At(int offset)
    {
        var i = Array.BinarySearch(_starts, offset);
        var line = i >= 0 ? i : ~i - 1;
        return (line + 1, offset - _starts[line] + 1);
    }
}
