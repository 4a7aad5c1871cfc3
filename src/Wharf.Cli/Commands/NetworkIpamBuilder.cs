using System.Net;
using System.Text.Json.Nodes;

namespace Wharf.Cli.Commands;

/// <summary>
/// Builds <c>IPAM.Config</c> from <c>--subnet</c>, <c>--ip-range</c>, <c>--gateway</c> and <c>--aux-address</c> as the
/// docker CLI does: each range, gateway and auxiliary address goes to the one subnet that contains it.
/// </summary>
internal static class NetworkIpamBuilder
{
    /// <summary>The IPAM config entries; throws <see cref="StatusException"/> with docker's messages.</summary>
    public static JsonArray Build(IReadOnlyList<string> subnets, IReadOnlyList<string> ranges, IReadOnlyList<string> gateways, IReadOnlyDictionary<string, string> auxAddresses)
    {
        var entries = new List<(string Subnet, JsonObject Config)>();
        foreach (var subnet in subnets)
        {
            if (!IPNetwork.TryParse(subnet, out _))
            {
                throw new StatusException(1, $"invalid CIDR address: {subnet}");
            }
            foreach (var (other, _) in entries)
            {
                if (Overlaps(subnet, other))
                {
                    throw new StatusException(1, $"multiple overlapping subnet configuration is not supported");
                }
            }
            entries.Add((subnet, new JsonObject { ["Subnet"] = subnet }));
        }
        foreach (var range in ranges)
        {
            var matched = false;
            foreach (var (subnet, config) in entries)
            {
                if (!Overlaps(range, subnet))
                {
                    continue;
                }
                if (config["IPRange"] is JsonValue existing && existing.GetValue<string>() != range)
                {
                    throw new StatusException(1, $"cannot configure multiple ranges ({existing.GetValue<string>()}, {range}) on the same subnet ({subnet})");
                }
                config["IPRange"] = range;
                matched = true;
            }
            if (!matched)
            {
                throw new StatusException(1, $"no matching subnet for range {range}");
            }
        }
        foreach (var gateway in gateways)
        {
            var matched = false;
            foreach (var (subnet, config) in entries)
            {
                if (!Contains(subnet, gateway))
                {
                    continue;
                }
                if (config["Gateway"] is JsonValue existing && existing.GetValue<string>() != gateway)
                {
                    throw new StatusException(1, $"cannot configure multiple gateways ({gateway}, {existing.GetValue<string>()}) for the same subnet ({subnet})");
                }
                config["Gateway"] = gateway;
                matched = true;
            }
            if (!matched)
            {
                throw new StatusException(1, $"no matching subnet for gateway {gateway}");
            }
        }
        foreach (var (key, address) in auxAddresses)
        {
            var matched = false;
            foreach (var (subnet, config) in entries)
            {
                if (!Contains(subnet, address))
                {
                    continue;
                }
                if (config["AuxiliaryAddresses"] is not JsonObject aux)
                {
                    config["AuxiliaryAddresses"] = aux = new JsonObject();
                }
                aux[key] = address;
                matched = true;
            }
            if (!matched)
            {
                throw new StatusException(1, $"no matching subnet for aux-address {address}");
            }
        }
        return new JsonArray(entries.Select(e => (JsonNode?)e.Config).ToArray());
    }

    private static bool Contains(string subnet, string address) =>
        IPNetwork.TryParse(subnet, out var network) && IPAddress.TryParse(address, out var ip) && network.Contains(ip);

    private static bool Overlaps(string a, string b)
    {
        if (!IPNetwork.TryParse(a, out var x) || !IPNetwork.TryParse(b, out var y))
        {
            return false;
        }
        return x.Contains(y.BaseAddress) || y.Contains(x.BaseAddress);
    }
}
