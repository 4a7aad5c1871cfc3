using Wharf.Engine.Filesystem;
using Wharf.Engine.Networks.Ipam;

namespace Wharf.Engine.Networks.Linux;

/// <summary>
/// <see cref="INetworkHost"/> on Linux. What runs on every container start and stop (namespaces, veth pairs, addresses,
/// routes) is done in-process through netlink and namespace syscalls; the rarer bridge set-up is one <c>ip -batch -</c>
/// and the firewall one <c>nft -f -</c>.
/// </summary>
public sealed class IpNetworkHost(string ip = "ip", string nft = "nft") : INetworkHost
{
    /// <inheritdoc />
    public Task EnsureBridgeAsync(string name, IReadOnlyList<string> addresses, int mtu, CancellationToken ct = default)
    {
        IpBatch.CheckName(name);
        var exists = InterfaceExists(name);
        if (exists && !Directory.Exists(Path.Combine("/sys/class/net", name, "bridge")))
        {
            // Never put addresses on somebody's eth0 because a network named it as its bridge.
            throw new Core.Errors.ConflictException($"cannot use {name} as the network's bridge: an interface of that name exists and is not a bridge");
        }
        return EnsureBridgeCoreAsync(name, addresses, mtu, exists, ct);
    }

    private async Task EnsureBridgeCoreAsync(string name, IReadOnlyList<string> addresses, int mtu, bool exists, CancellationToken ct)
    {
        await ProcessRunner.RunAsync(ip, ["-batch", "-"], IpBatch.Bridge(name, addresses, mtu, create: !exists), ct);
        // Published ports on 127.0.0.1 are DNATed to the bridge; the kernel routes loopback-sourced packets there only with this.
        var localnet = $"/proc/sys/net/ipv4/conf/{name}/route_localnet";
        if (File.Exists(localnet))
        {
            await File.WriteAllTextAsync(localnet, "1", ct);
        }
    }

    /// <inheritdoc />
    public async Task DeleteBridgeAsync(string name, CancellationToken ct = default)
    {
        IpBatch.CheckName(name);
        if (InterfaceExists(name))
        {
            await ProcessRunner.RunAsync(ip, ["link", "delete", "dev", name], null, ct);
        }
    }

    /// <inheritdoc />
    public async Task CreateNamespaceAsync(string path, CancellationToken ct = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, [], ct);
        try
        {
            // The bind mount of the new namespace onto the file keeps it alive. In-process (no unshare(1) spawn): this is on every start.
            NetworkNamespaces.Create(path);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <inheritdoc />
    public Task DeleteNamespaceAsync(string path, CancellationToken ct = default)
    {
        if (!File.Exists(path))
        {
            return Task.CompletedTask;
        }
        try
        {
            Syscalls.Unmount(path, Syscalls.UnmountDetach);
        }
        catch (IOException)
        {
            // Not mounted (a creation that failed half-way): the file alone is removed.
        }
        File.Delete(path);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ConnectAsync(VethRequest request, CancellationToken ct = default)
    {
        // Netlink from the daemon itself: the same steps as IpBatch.HostSide/NamespaceSide without three process spawns.
        IpBatch.CheckName(request.HostInterface);
        IpBatch.CheckName(request.InterfaceName);
        IpBatch.CheckName(request.Bridge);
        if (!Ipam.Ipv4Subnet.TryParse(request.Address, out var subnet, out var address))
        {
            throw new NetworkHostException($"invalid address {request.Address}");
        }
        var master = int.Parse(File.ReadAllText($"/sys/class/net/{request.Bridge}/ifindex").Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var namespaceFd = NetlinkNative.open(request.NamespacePath, NetlinkNative.ORdOnly | NetlinkNative.OCloexec);
        if (namespaceFd < 0)
        {
            throw NetlinkNative.Error("open", request.NamespacePath);
        }
        try
        {
            using (var hostSide = new Netlink())
            {
                hostSide.CreateVeth(request.HostInterface, master, request.Mtu, request.InterfaceName, request.MacAddress, namespaceFd);
            }
            try
            {
                using var inside = NetworkNamespaces.OpenNetlink(request.NamespacePath);
                inside.SetUp(1);
                var index = inside.IndexOf(request.InterfaceName);
                inside.AddAddress(index, address, subnet.PrefixLength);
                inside.SetUp(index);
                if (!string.IsNullOrEmpty(request.Gateway))
                {
                    inside.ReplaceDefaultRoute(index, Ipam.Ipv4Address.Parse(request.Gateway));
                }
            }
            catch
            {
                using var cleanup = new Netlink();
                cleanup.DeleteLink(request.HostInterface);
                throw;
            }
        }
        finally
        {
            NetlinkNative.close(namespaceFd);
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DisconnectAsync(string hostInterface, CancellationToken ct = default)
    {
        IpBatch.CheckName(hostInterface);
        using var netlink = new Netlink();
        netlink.DeleteLink(hostInterface);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ApplyFirewallAsync(NftRuleset ruleset, CancellationToken ct = default) =>
        ProcessRunner.RunAsync(nft, ["-f", "-"], ruleset.Render(), ct);

    /// <inheritdoc />
    public Task DeleteFirewallAsync(string table, CancellationToken ct = default) =>
        ProcessRunner.RunAsync(nft, ["-f", "-"], NftRuleset.RenderDelete(table), ct);

    /// <inheritdoc />
    public async Task EnableForwardingAsync(CancellationToken ct = default)
    {
        const string path = "/proc/sys/net/ipv4/ip_forward";
        if ((await File.ReadAllTextAsync(path, ct)).Trim() != "1")
        {
            await File.WriteAllTextAsync(path, "1", ct);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<Ipv4Subnet> Routes() => HostRoutes.Read();

    /// <inheritdoc />
    public bool InterfaceExists(string name) => Directory.Exists(Path.Combine("/sys/class/net", name));

    /// <summary>Checks a ruleset with <c>nft -c</c> without applying it.</summary>
    public Task CheckFirewallAsync(NftRuleset ruleset, CancellationToken ct = default) =>
        ProcessRunner.RunAsync(nft, ["-c", "-f", "-"], ruleset.Render(), ct);
}
