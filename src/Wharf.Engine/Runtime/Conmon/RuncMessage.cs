using System.Text;

namespace Wharf.Engine.Runtime.Conmon;

/// <summary>Extracts the human message from runc's logrus output (<c>time="…" level=error msg="…"</c>).</summary>
internal static class RuncMessage
{
    /// <summary>The last error message in <paramref name="output"/>, unquoted; the trimmed text if there is no <c>msg=</c>.</summary>
    public static string Extract(string output)
    {
        string? last = null;
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var at = line.IndexOf("msg=\"", StringComparison.Ordinal);
            if (at < 0)
            {
                last ??= line;
                continue;
            }
            last = Unquote(line, at + 5);
        }
        return last ?? output.Trim();
    }

    private static string Unquote(string line, int start)
    {
        var sb = new StringBuilder();
        for (var i = start; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
                break;
            if (c == '\\' && i + 1 < line.Length)
            {
                var n = line[++i];
                sb.Append(n switch { 'n' => '\n', 't' => '\t', _ => n });
                continue;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }
}
