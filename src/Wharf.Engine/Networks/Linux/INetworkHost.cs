using Wharf.Engine.Networks.Ipam;

namespace Wharf.Engine.Networks.Linux;

/// <summary>
/// Every privileged network operation the engine performs, so the network logic is unit-tested with a recording
/// fake and only <see cref="IpNetworkHost"/> touches the kernel. Operations are idempotent where Docker's are
/// (ensuring a bridge, deleting something already gone).
/// </summary>
public interface INetworkHost
{
    /// <summary>Creates the bridge if missing, gives it <paramref name="addresses"/> (CIDR, e.g. <c>172.18.0.1/16</c>) and sets it up.</summary>
    Task EnsureBridgeAsync(string name, IReadOnlyList<string> addresses, int mtu, CancellationToken ct = default);

    /// <summary>Deletes the bridge; nothing when it does not exist.</summary>
    Task DeleteBridgeAsync(string name, CancellationToken ct = default);

    /// <summary>Creates a persistent network namespace file at <paramref name="path"/> (a bind mount of a new namespace).</summary>
    Task CreateNamespaceAsync(string path, CancellationToken ct = default);

    /// <summary>Unmounts and deletes a namespace file; nothing when absent.</summary>
    Task DeleteNamespaceAsync(string path, CancellationToken ct = default);

    /// <summary>Creates a veth pair, plugs the host side into a bridge and configures the namespace side.</summary>
    Task ConnectAsync(VethRequest request, CancellationToken ct = default);

    /// <summary>Deletes a host-side veth (its peer goes with it); nothing when absent.</summary>
    Task DisconnectAsync(string hostInterface, CancellationToken ct = default);

    /// <summary>Replaces the nftables table of <paramref name="ruleset"/> atomically.</summary>
    Task ApplyFirewallAsync(NftRuleset ruleset, CancellationToken ct = default);

    /// <summary>Deletes an nftables <c>inet</c> table; nothing when absent.</summary>
    Task DeleteFirewallAsync(string table, CancellationToken ct = default);

    /// <summary>Turns on IPv4 forwarding (needed for egress from bridges).</summary>
    Task EnableForwardingAsync(CancellationToken ct = default);

    /// <summary>The host's IPv4 routes, which automatically picked subnets avoid.</summary>
    IReadOnlyList<Ipv4Subnet> Routes();

    /// <summary>Whether a network interface of this name exists in the host namespace.</summary>
    bool InterfaceExists(string name);
}
