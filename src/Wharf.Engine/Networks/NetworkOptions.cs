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
        var suffix = full == "/run/wharf" ? null : PathTag(full);
        return new NetworkOptions
        {
            BridgeName = !string.IsNullOrEmpty(bridgeName) ? bridgeName : suffix is null ? "wharf0" : "wharf" + suffix,
            BridgeIp = string.IsNullOrEmpty(bridgeIp) ? null : bridgeIp,
            NftTable = !string.IsNullOrEmpty(nftTable) ? nftTable : suffix is null ? "wharf" : "wharf_" + suffix,
            AddressPools = pools is { Count: > 0 } ? pools : AddressPool.Defaults,
            NamespaceDirectory = Path.Combine(full, "netns"),
        };
    }

    /// <summary>
    /// Checks the settings a daemon starts with, so a bad <c>--bridge</c>, <c>--bip</c>, <c>--nft-table</c>,
    /// <c>--mtu</c> or pool fails the start with a clear message instead of the first network operation. Throws
    /// <see cref="Core.Errors.InvalidArgumentException"/>.
    /// </summary>
    public void Validate()
    {
        try
        {
            Linux.IpBatch.CheckName(BridgeName);
        }
        catch (Core.Errors.InvalidArgumentException e)
        {
            throw new Core.Errors.InvalidArgumentException($"invalid bridge name (--bridge): {e.Message}");
        }
        Linux.NftRuleset.CheckTableName(NftTable);
        if (BridgeIp is { } bip)
        {
            if (!Ipv4Subnet.TryParse(bip, out var subnet, out var address))
            {
                throw new Core.Errors.InvalidArgumentException($"invalid bridge IP (--bip) {bip}: expected an IPv4 address with a prefix length, e.g. 172.17.0.1/16");
            }
            if (subnet.PrefixLength > 30 || address == subnet.Network || address == subnet.Broadcast)
            {
                throw new Core.Errors.InvalidArgumentException(
                    $"invalid bridge IP (--bip) {bip}: the bridge needs a host address of a subnet with room for containers (prefix length at most 30)");
            }
        }
        if (Mtu is < 68 or > 65535)
        {
            throw new Core.Errors.InvalidArgumentException($"invalid MTU {Mtu}: it must be between 68 and 65535");
        }
        foreach (var pool in AddressPools)
        {
            if (pool.Size < pool.Base.PrefixLength || pool.Size > 30)
            {
                throw new Core.Errors.InvalidArgumentException($"invalid default-address-pools entry (base {pool.Base}, size {pool.Size}): size must be between {pool.Base.PrefixLength} and 30");
            }
        }
    }

    /// <summary>
    /// Eight hex digits of the 64-bit FNV-1a hash of the path's UTF-8 bytes, XOR-folded to 32 bits: stable across runs
    /// and machines, and a non-cryptographic hash on purpose (SHA-256 here loaded OpenSSL into every private daemon).
    /// </summary>
    internal static string PathTag(string path)
    {
        const ulong offsetBasis = 14695981039346656037;
        const ulong prime = 1099511628211;
        var hash = offsetBasis;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(path))
        {
            hash = (hash ^ b) * prime;
        }
        var folded = (uint)(hash ^ (hash >> 32));
        return folded.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }
}
