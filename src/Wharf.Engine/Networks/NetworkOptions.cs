using Wharf.Engine.Networks.Ipam;

namespace Wharf.Engine.Networks;

/// <summary>Host-global network settings of one engine (from daemon flags / daemon.json), so several daemons never share a bridge, table or subnet.</summary>
public sealed class NetworkOptions
{
    /// <summary>Linux bridge of the default <c>bridge</c> network (Docker's <c>docker0</c>, <c>--bridge</c>).</summary>
    public string BridgeName { get; init; } = "wharf0";

    /// <summary><c>--bip</c>: the default bridge's gateway address with prefix (<c>172.17.0.1/16</c>); null picks one from the pools.</summary>
    public string? BridgeIp { get; init; }

    /// <summary>nftables table (family <c>inet</c>) holding all of the engine's rules.</summary>
    public string NftTable { get; init; } = "wharf";

    /// <summary>Prefix of the Linux bridges of user-defined networks (<c>br-</c> + 12 ID characters).</summary>
    public string BridgePrefix { get; init; } = "br-";

    /// <summary>Prefix of host-side veth names.</summary>
    public string VethPrefix { get; init; } = "veth";

    /// <summary><c>default-address-pools</c>.</summary>
    public IReadOnlyList<AddressPool> AddressPools { get; init; } = AddressPool.Defaults;

    /// <summary>Directory of the persistent network namespace files (<c>&lt;ExecRoot&gt;/netns</c>).</summary>
    public string NamespaceDirectory { get; init; } = "/run/wharf/netns";

    /// <summary>MTU of bridges and veths.</summary>
    public int Mtu { get; init; } = 1500;

    /// <summary>
    /// Builds the options for an exec root (namespace files under <c>&lt;execRoot&gt;/netns</c>). Unset names default to
    /// <c>wharf0</c>/<c>wharf</c> for the standard exec root <c>/run/wharf</c>; any other exec root (a private daemon,
    /// e.g. in tests) gets names derived from its path, so two daemons never share a bridge or a table by accident.
    /// </summary>
    public static NetworkOptions ForExecRoot(string execRoot, string? bridgeName = null, string? bridgeIp = null, string? nftTable = null,
        IReadOnlyList<AddressPool>? pools = null)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(execRoot));
        var suffix = full == "/run/wharf"
            ? null
            : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(full)))[..8];
        return new NetworkOptions
        {
            BridgeName = !string.IsNullOrEmpty(bridgeName) ? bridgeName : suffix is null ? "wharf0" : "wharf" + suffix,
            BridgeIp = string.IsNullOrEmpty(bridgeIp) ? null : bridgeIp,
            NftTable = !string.IsNullOrEmpty(nftTable) ? nftTable : suffix is null ? "wharf" : "wharf_" + suffix,
            AddressPools = pools is { Count: > 0 } ? pools : AddressPool.Defaults,
            NamespaceDirectory = Path.Combine(full, "netns"),
        };
    }
}
