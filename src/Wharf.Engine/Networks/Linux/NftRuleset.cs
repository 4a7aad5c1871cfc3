using System.Globalization;
using System.Text;
using Wharf.Core.Errors;

namespace Wharf.Engine.Networks.Linux;

/// <summary>
/// The engine's whole nftables state: one <c>inet</c> table regenerated from the networks and published ports and
/// swapped in one transaction (create-if-missing, delete, recreate), so rules never go half-applied and leftovers of
/// removed networks vanish with the next apply.
/// </summary>
/// <remarks>
/// Chains: <c>forward</c> (established traffic first, then internal networks cut off from every other interface,
/// connections to published ports accepted from any network, and bridges otherwise isolated from each other);
/// <c>postrouting</c> (masquerade egress of non-internal subnets leaving by another interface, and hairpin traffic
/// DNATed back out of its own bridge); <c>prerouting</c>/<c>output</c>
/// (traffic to a local address jumps to <c>published</c>, which holds the DNAT rules). Locally generated traffic
/// to 127.0.0.0/8 is DNATed too: the bridges have <c>route_localnet</c> set (the kernel would drop loopback-sourced
/// packets routed to them otherwise) and such traffic is masqueraded to the bridge address, as Docker does without its proxy.
/// </remarks>
public sealed class NftRuleset(string table, IReadOnlyList<FirewallBridge> bridges, IReadOnlyList<PublishedPort> ports)
{
    /// <summary>The <c>inet</c> table name.</summary>
    public string Table { get; } = CheckTable(table);

    /// <summary>Bridge networks.</summary>
    public IReadOnlyList<FirewallBridge> Bridges { get; } = bridges;

    /// <summary>Published ports.</summary>
    public IReadOnlyList<PublishedPort> Ports { get; } = ports;

    /// <summary>The script for <c>nft -f -</c> that replaces the table atomically.</summary>
    public string Render()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"table inet {Table} {{}}\n");
        sb.Append(CultureInfo.InvariantCulture, $"delete table inet {Table}\n");
        sb.Append(CultureInfo.InvariantCulture, $"table inet {Table} {{\n");

        sb.Append("\tchain forward {\n\t\ttype filter hook forward priority filter; policy accept;\n");
        sb.Append("\t\tct state established,related accept\n");
        foreach (var bridge in Bridges.Where(b => b.Internal))
        {
            var name = Quote(bridge.Bridge);
            sb.Append(CultureInfo.InvariantCulture, $"\t\tiifname {name} oifname != {name} drop\n");
            sb.Append(CultureInfo.InvariantCulture, $"\t\toifname {name} iifname != {name} drop\n");
        }
        // A published port is open to every network, as a host port is: connections DNATed to it may cross bridges
        // (Docker's per-port ACCEPT ahead of its isolation); containers' own addresses stay unreachable from other networks.
        foreach (var port in Ports)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"\t\tct status dnat ip daddr {Address(port.ContainerIp)} {Protocol(port)} dport {Port(port.ContainerPort)} accept\n");
        }
        foreach (var bridge in Bridges)
        {
            var others = Bridges.Where(b => b.Bridge != bridge.Bridge).Select(b => Quote(b.Bridge)).ToList();
            if (others.Count > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\t\tiifname {Quote(bridge.Bridge)} oifname {{ {string.Join(", ", others)} }} drop\n");
            }
        }
        sb.Append("\t}\n");

        sb.Append("\tchain postrouting {\n\t\ttype nat hook postrouting priority srcnat; policy accept;\n");
        foreach (var bridge in Bridges.Where(b => !b.Internal))
        {
            var name = Quote(bridge.Bridge);
            foreach (var subnet in bridge.Subnets)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\t\tip saddr {subnet} oifname != {name} masquerade\n");
            }
            sb.Append(CultureInfo.InvariantCulture, $"\t\tiifname {name} oifname {name} ct status dnat masquerade\n");
        }
        foreach (var bridge in Bridges)
        {
            // The host reaching a published port on 127.0.0.1: the container must see a source it can answer.
            sb.Append(CultureInfo.InvariantCulture, $"\t\tip saddr 127.0.0.0/8 oifname {Quote(bridge.Bridge)} masquerade\n");
        }
        sb.Append("\t}\n");

        sb.Append("\tchain prerouting {\n\t\ttype nat hook prerouting priority dstnat; policy accept;\n");
        sb.Append("\t\tfib daddr type local jump published\n\t}\n");
        sb.Append("\tchain output {\n\t\ttype nat hook output priority -100; policy accept;\n");
        sb.Append("\t\tfib daddr type local jump published\n\t}\n");

        sb.Append("\tchain published {\n");
        foreach (var port in Ports)
        {
            var protocol = Protocol(port);
            var match = string.IsNullOrEmpty(port.HostIp) || port.HostIp is "0.0.0.0" ? "" : $"ip daddr {Address(port.HostIp)} ";
            sb.Append(CultureInfo.InvariantCulture,
                $"\t\t{match}{protocol} dport {Port(port.HostPort)} dnat ip to {Address(port.ContainerIp)}:{Port(port.ContainerPort)}\n");
        }
        sb.Append("\t}\n");
        sb.Append("}\n");
        return sb.ToString();
    }

    /// <summary>The script that deletes the table (and nothing when it is absent).</summary>
    public static string RenderDelete(string table)
    {
        CheckTable(table);
        return $"table inet {table} {{}}\ndelete table inet {table}\n";
    }

    /// <summary>Throws <see cref="InvalidArgumentException"/> unless <paramref name="table"/> is a usable nftables table name.</summary>
    public static void CheckTableName(string table) => CheckTable(table);

    private static string CheckTable(string table)
    {
        if (table.Length is 0 or > 64 || !table.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') || !char.IsAsciiLetter(table[0]))
        {
            throw new InvalidArgumentException($"invalid nftables table name \"{table}\": 1 to 64 letters, digits, '_' or '-', starting with a letter");
        }
        return table;
    }

    private static string Protocol(PublishedPort port) => port.Protocol switch
    {
        "tcp" or "udp" or "sctp" => port.Protocol,
        _ => throw new InvalidArgumentException($"invalid protocol {port.Protocol}"),
    };

    private static string Quote(string name)
    {
        IpBatch.CheckName(name);
        return "\"" + name + "\"";
    }

    private static string Address(string text) =>
        Ipam.Ipv4Address.TryParse(text, out var value) ? Ipam.Ipv4Address.Format(value) : throw new InvalidArgumentException($"invalid IPv4 address: {text}");

    private static string Port(int port) =>
        port is > 0 and <= 65535 ? port.ToString(CultureInfo.InvariantCulture) : throw new InvalidArgumentException($"invalid port {port}");
}
