using System.Text;

namespace Orchestrator.Cli.Commands.Sessions;

/// <summary>
/// A plain-text table: a header row and rows of cells, each column as wide as its widest cell, columns
/// two spaces apart; a column whose header starts with '>' is right-aligned (numbers). No borders, no colour,
/// so the output stays readable in a pipe and in a log.
/// </summary>
internal sealed class TextTable
{
    private readonly string[] _headers;
    private readonly bool[] _right;
    private readonly List<string[]> _rows = [];

    public TextTable(params string[] headers)
    {
        _right = headers.Select(h => h.StartsWith('>')).ToArray();
        _headers = headers.Select(h => h.TrimStart('>')).ToArray();
    }

    public int Count => _rows.Count;

    public void Add(params string?[] cells)
    {
        if (cells.Length != _headers.Length) throw new ArgumentException($"{cells.Length} cells for {_headers.Length} columns", nameof(cells));
        _rows.Add(cells.Select(c => c ?? "").ToArray());
    }

    /// <summary>Writes the table, each line starting with <paramref name="indent"/>; trailing spaces are trimmed.</summary>
    public void WriteTo(TextWriter output, string indent = "")
    {
        var widths = new int[_headers.Length];
        foreach (var row in _rows.Prepend(_headers))
            for (var i = 0; i < row.Length; i++)
                widths[i] = Math.Max(widths[i], row[i].Length);
        var line = new StringBuilder();
        foreach (var row in _rows.Prepend(_headers))
        {
            line.Clear().Append(indent);
            for (var i = 0; i < row.Length; i++)
            {
                if (i > 0) line.Append("  ");
                if (_right[i]) line.Append(row[i].PadLeft(widths[i]));
                else line.Append(row[i].PadRight(widths[i]));
            }
            output.WriteLine(line.ToString().TrimEnd());
        }
    }
}
