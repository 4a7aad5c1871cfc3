using System.Text.Json.Nodes;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf network create</c>: creates a network and prints its ID.</summary>
internal sealed class NetworkCreateCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "create";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS] NETWORK";

    /// <inheritdoc/>
    public override string Description => "Create a network";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.Exactly(1);

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags
        .Bool("attachable", null, "Enable manual container attachment")
        .List("aux-address", null, "Auxiliary IPv4 or IPv6 addresses used by Network driver", valueType: "map")
        .String("config-from", null, "The network from which to copy the configuration")
        .Bool("config-only", null, "Create a configuration only network")
        .String("driver", 'd', "Driver to manage the Network", "bridge")
        .List("gateway", null, "IPv4 or IPv6 Gateway for the master subnet", valueType: "strings")
        .Bool("ingress", null, "Create swarm routing-mesh network")
        .Bool("internal", null, "Restrict external access to the network")
        .List("ip-range", null, "Allocate container ip from a sub-range", valueType: "strings")
        .String("ipam-driver", null, "IP Address Management Driver", "default")
        .List("ipam-opt", null, "Set IPAM driver specific options", valueType: "map")
        .Bool("ipv4", null, "Enable or disable IPv4 address assignment")
        .Bool("ipv6", null, "Enable or disable IPv6 address assignment")
        .List("label", null, "Set metadata on a network", valueType: "list")
        .List("opt", 'o', "Set driver specific options", valueType: "map")
        .String("scope", null, "Control the network's scope")
        .List("subnet", null, "Subnet in CIDR format that represents a network segment", valueType: "strings");

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var flags = invocation.Flags;
        var ipamOptions = VolumeCliSupport.KeyValues(flags.GetList("ipam-opt"));
        var ipam = new JsonObject
        {
            ["Driver"] = flags.GetString("ipam-driver"),
            ["Config"] = NetworkIpamBuilder.Build(Split(flags.GetList("subnet")), Split(flags.GetList("ip-range")), Split(flags.GetList("gateway")),
                VolumeCliSupport.KeyValues(flags.GetList("aux-address"))),
            ["Options"] = ToObject(ipamOptions),
        };
        var body = new JsonObject
        {
            ["Name"] = invocation.Args[0],
            ["Driver"] = flags.GetString("driver"),
            ["Scope"] = flags.GetString("scope"),
            ["Internal"] = flags.GetBool("internal"),
            ["Attachable"] = flags.GetBool("attachable"),
            ["Ingress"] = flags.GetBool("ingress"),
            ["ConfigOnly"] = flags.GetBool("config-only"),
            ["IPAM"] = ipam,
            ["Options"] = ToObject(VolumeCliSupport.KeyValues(flags.GetList("opt"))),
            ["Labels"] = ToObject(VolumeCliSupport.KeyValues(flags.GetList("label"))),
        };
        if (flags.IsSet("ipv6"))
        {
            body["EnableIPv6"] = flags.GetBool("ipv6");
        }
        if (flags.IsSet("ipv4"))
        {
            body["EnableIPv4"] = flags.GetBool("ipv4");
        }
        if (flags.GetStringOrNull("config-from") is { Length: > 0 } configFrom)
        {
            body["ConfigFrom"] = new JsonObject { ["Network"] = configFrom };
        }
        var client = await invocation.Context.GetClientAsync().ConfigureAwait(false);
        var created = await client.CreateNetworkAsync(body, invocation.Context.Cancellation).ConfigureAwait(false);
        if (VolumeCliSupport.Str(created["Warning"]) is { Length: > 0 } warning)
        {
            invocation.Err.WriteLine(warning);
        }
        invocation.Out.WriteLine(VolumeCliSupport.Str(created["Id"]));
        return 0;
    }

    // docker's string-slice flags also take comma-separated values.
    private static List<string> Split(IEnumerable<string> values) =>
        values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    private static JsonObject ToObject(Dictionary<string, string> map)
    {
        var result = new JsonObject();
        foreach (var (key, value) in map)
        {
            result[key] = value;
        }
        return result;
    }
}
