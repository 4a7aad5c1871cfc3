using System.Text;
using Wharf.Cli.Commands;
using Wharf.Cli.Templates;

namespace Wharf.Cli.Formatting;

/// <summary>
/// Renders list rows through a <c>--format</c> template as docker does: <c>table …</c> adds a header row and aligns
/// columns (tabwriter, padding 3); otherwise each row is the template's output plus a newline.
/// </summary>
internal static class ListFormatter
{
    /// <summary>Parses a <c>--format</c> value (before any daemon call, as docker does); throws <see cref="StatusException"/> for a bad template.</summary>
    public static PreparedFormat Prepare(string format)
    {
        var isTable = format.StartsWith("table", StringComparison.Ordinal);
        var body = isTable ? format["table".Length..] : format;
        body = body.Trim(' ').Replace("\\t", "\t", StringComparison.Ordinal).Replace("\\n", "\n", StringComparison.Ordinal);
        try
        {
            return new PreparedFormat(GoTemplate.Parse(body), isTable);
        }
        catch (TemplateException e)
        {
            throw new StatusException(1, "failed to parse template: " + e.Message);
        }
    }

    /// <summary>Renders <paramref name="rows"/>; <paramref name="headers"/> maps field names to column titles.</summary>
    public static string Render(string format, IEnumerable<IReadOnlyDictionary<string, object?>> rows, IReadOnlyDictionary<string, object?> headers) =>
        Render(Prepare(format), rows, headers);

    /// <summary>Renders <paramref name="rows"/> through a prepared format.</summary>
    public static string Render(PreparedFormat format, IEnumerable<IReadOnlyDictionary<string, object?>> rows, IReadOnlyDictionary<string, object?> headers)
    {
        var template = format.Template;
        try
        {
            if (!format.IsTable)
            {
                var sb = new StringBuilder();
                foreach (var row in rows)
                {
                    sb.Append(template.Execute(row)).Append('\n');
                }
                return sb.ToString();
            }
            var writer = new TabWriter();
            writer.Write(template.Execute(headers) + "\n");
            foreach (var row in rows)
            {
                writer.Write(template.Execute(row) + "\n");
            }
            return writer.Flush();
        }
        catch (TemplateException e)
        {
            throw new StatusException(1, e.Message);
        }
    }
}
