using System.Text;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary>Renders help text in docker's layout (Usage, description, Aliases, Options).</summary>
internal static class HelpWriter
{
    /// <summary>Help for one command.</summary>
    public static string ForCommand(string commandPath, Command command, FlagSet flags, IReadOnlyList<string> aliasPaths)
    {
        var sb = new StringBuilder();
        sb.Append("Usage:  ").Append(commandPath).Append(' ').Append(command.Usage).Append("\n\n");
        sb.Append(command.Description).Append('\n');
        if (aliasPaths.Count > 1)
        {
            sb.Append("\nAliases:\n  ").Append(string.Join(", ", aliasPaths)).Append('\n');
        }
        var visible = flags.Flags.Where(f => !f.Hidden && f.Name != "help").ToList();
        if (visible.Count > 0)
        {
            sb.Append("\nOptions:\n").Append(Options(visible));
        }
        return sb.ToString();
    }

    /// <summary>The aligned option table.</summary>
    public static string Options(IReadOnlyList<FlagSpec> flags)
    {
        var lefts = flags.Select(f =>
        {
            var left = f.Shorthand is { } s ? $"  -{s}, --{f.Name}" : $"      --{f.Name}";
            return f.TypeWord.Length > 0 ? left + " " + f.TypeWord : left;
        }).ToList();
        var width = lefts.Max(l => l.Length) + 3;
        var sb = new StringBuilder();
        for (var i = 0; i < flags.Count; i++)
        {
            var f = flags[i];
            var usage = f.Usage;
            if (f.Kind is FlagKind.String && !string.IsNullOrEmpty(f.DefaultValue))
            {
                usage += $" (default \"{f.DefaultValue}\")";
            }
            else if (f.Kind is FlagKind.Int && f.DefaultValue is { } d && d != "0")
            {
                usage += $" (default {d})";
            }
            else if (f.Kind is FlagKind.Bool && f.DefaultValue == "true")
            {
                usage += " (default true)";
            }
            sb.Append(lefts[i].PadRight(width)).Append(usage).Append('\n');
        }
        return sb.ToString();
    }
}
