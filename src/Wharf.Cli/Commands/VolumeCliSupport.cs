using System.Text;
using System.Text.Json.Nodes;
using Wharf.Api.Client;

namespace Wharf.Cli.Commands;

/// <summary>Pieces the <c>volume</c> and <c>network</c> commands share: key=value maps, the prune prompt, inspect output.</summary>
internal static class VolumeCliSupport
{
    /// <summary><c>k=v</c> values as a map (a bare <c>k</c> maps to an empty value, as docker's label and option flags do).</summary>
    public static Dictionary<string, string> KeyValues(IEnumerable<string> values)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var eq = value.IndexOf('=');
            map[eq < 0 ? value : value[..eq]] = eq < 0 ? "" : value[(eq + 1)..];
        }
        return map;
    }

    /// <summary>docker's <c>[y/N]</c> confirmation: prints <paramref name="warning"/> and reads one line from stdin.</summary>
    public static async Task<bool> ConfirmAsync(CliContext context, string warning)
    {
        context.Out.Write(warning + " [y/N] ");
        await context.Out.FlushAsync().ConfigureAwait(false);
        var line = new StringBuilder();
        var buffer = new byte[1];
        while (await context.StdinStream.ReadAsync(buffer, context.Cancellation).ConfigureAwait(false) == 1 && buffer[0] != '\n')
        {
            line.Append((char)buffer[0]);
        }
        var answer = line.ToString().Trim();
        return answer is "y" or "Y";
    }

    /// <summary>
    /// docker's typed inspect: each object found is printed (indented JSON array, or the template per object), then the
    /// errors of the ones that failed, exit 1 if any did.
    /// </summary>
    public static async Task<int> InspectAsync(CommandInvocation invocation, Func<string, Task<JsonObject>> fetch)
    {
        var format = invocation.Flags.GetStringOrNull("format");
        var template = format == "json" ? null : FormatTemplate.Parse(format);
        var found = new List<JsonObject>();
        var errors = new List<string>();
        foreach (var name in invocation.Args)
        {
            try
            {
                found.Add(await fetch(name).ConfigureAwait(false));
            }
            catch (DaemonErrorException e)
            {
                errors.Add("Error response from daemon: " + e.Message);
            }
        }
        return await InspectOutput.WriteAsync(invocation, template, found, errors).ConfigureAwait(false);
    }

    /// <summary>Labels as docker's list formatters show them: <c>k=v</c> pairs joined by commas.</summary>
    public static string JoinLabels(JsonObject? labels) =>
        labels is null ? "" : string.Join(",", labels.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + Str(p.Value)));

    /// <summary>A JSON string value, or the JSON text of anything else ("" for null).</summary>
    public static string Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? "";
}
