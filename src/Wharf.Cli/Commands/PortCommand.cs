using System.Text.Json.Nodes;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf port</c>: lists a container's published ports, or the host bindings of one of its ports.</summary>
internal sealed class PortCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "port";

    /// <inheritdoc/>
    public override string Usage => "CONTAINER [PRIVATE_PORT[/PROTO]]";

    /// <inheritdoc/>
    public override string Description => "List port mappings or a specific mapping for the container";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.Range(1, 2);

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags)
    {
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var context = invocation.Context;
        var client = await context.GetClientAsync().ConfigureAwait(false);
        var name = invocation.Args[0];
        var inspect = await client.InspectContainerAsync(name, false, context.Cancellation).ConfigureAwait(false);
        var ports = inspect["NetworkSettings"]?["Ports"] as JsonObject ?? [];
        var lines = new List<string>();
        if (invocation.Args.Count == 2)
        {
            var wanted = invocation.Args[1];
            var key = wanted.Contains('/', StringComparison.Ordinal) ? wanted : wanted + "/tcp";
            if (ports[key] is JsonArray bindings && bindings.Count > 0)
            {
                lines.AddRange(bindings.OfType<JsonObject>().Select(Address));
            }
            else
            {
                context.Err.WriteLine($"Error: No public port '{key}' published for {name}");
                return 1;
            }
        }
        else
        {
            foreach (var (key, value) in ports.OrderBy(p => SortKey(p.Key)))
            {
                foreach (var binding in (value as JsonArray ?? []).OfType<JsonObject>())
                {
                    lines.Add($"{key} -> {Address(binding)}");
                }
            }
        }
        foreach (var line in lines)
        {
            context.Out.WriteLine(line);
        }
        await context.Out.FlushAsync().ConfigureAwait(false);
        return 0;
    }

    private static string Address(JsonObject binding)
    {
        var ip = binding["HostIp"]?.GetValue<string>() ?? "";
        var port = binding["HostPort"]?.GetValue<string>() ?? "";
        return (ip.Contains(':', StringComparison.Ordinal) ? $"[{ip}]" : ip.Length == 0 ? "0.0.0.0" : ip) + ":" + port;
    }

    private static (int, string) SortKey(string key)
    {
        var slash = key.IndexOf('/');
        _ = int.TryParse(slash < 0 ? key : key[..slash], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port);
        return (port, key);
    }
}
