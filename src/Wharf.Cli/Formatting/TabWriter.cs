using System.Text;

namespace Wharf.Cli.Formatting;

/// <summary>
/// Go's <c>text/tabwriter</c> as docker configures it (minwidth 10, padding 3, spaces): tab-terminated cells are
/// aligned per column block; the text after the last tab of a line is not padded.
/// </summary>
internal sealed class TabWriter(int minWidth = 10, int padding = 3)
{
    private readonly StringBuilder _pending = new();

    /// <summary>Buffers text; alignment happens on <see cref="Flush"/>.</summary>
    public void Write(string text) => _pending.Append(text);

    /// <summary>Aligns everything written so far and returns it.</summary>
    public string Flush()
    {
        var text = _pending.ToString();
        _pending.Clear();
        var endsWithNewline = text.EndsWith('\n');
        var rawLines = text.Split('\n');
        if (endsWithNewline)
        {
            rawLines = rawLines[..^1];
        }
        var lines = rawLines.Select(l => l.Split('\t')).ToList();
        var output = new StringBuilder();
        var widths = new List<int>();
        Format(lines, widths, 0, lines.Count, output);
        var result = output.ToString();
        if (!endsWithNewline && result.EndsWith('\n'))
        {
            result = result[..^1];
        }
        return result;
    }

    private void Format(List<string[]> lines, List<int> widths, int line0, int line1, StringBuilder output)
    {
        var column = widths.Count;
        for (var current = line0; current < line1; current++)
        {
            if (column >= lines[current].Length - 1)
            {
                continue;
            }
            // This line has a cell in this column: print what came before, then size the column block.
            WriteLines(lines, widths, line0, current, output);
            line0 = current;
            var width = minWidth;
            for (; current < line1; current++)
            {
                var cells = lines[current];
                if (column >= cells.Length - 1)
                {
                    break;
                }
                width = Math.Max(width, DisplayWidth(cells[column]) + padding);
            }
            widths.Add(width);
            Format(lines, widths, line0, current, output);
            widths.RemoveAt(widths.Count - 1);
            line0 = current;
        }
        WriteLines(lines, widths, line0, line1, output);
    }

    private static void WriteLines(List<string[]> lines, List<int> widths, int from, int to, StringBuilder output)
    {
        for (var i = from; i < to; i++)
        {
            var cells = lines[i];
            for (var j = 0; j < cells.Length; j++)
            {
                var cell = cells[j];
                output.Append(cell);
                if (j < widths.Count && j < cells.Length - 1)
                {
                    output.Append(' ', Math.Max(0, widths[j] - DisplayWidth(cell)));
                }
            }
            output.Append('\n');
        }
    }

    /// <summary>The number of runes (Go's tabwriter counts UTF-8 characters).</summary>
    public static int DisplayWidth(string text)
    {
        var n = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            n++;
        }
        return n;
    }
}
