using Wharf.Engine.Filesystem;
using Wharf.Engine.Networks.Ipam;

namespace Wharf.Engine.Networks.Linux;

/// <summary>
/// <see cref="INetworkHost"/> on Linux through iproute2 and nft: each operation group is one <c>ip -batch -</c> (host
/// side) or one <c>nsenter --net=… ip -batch -</c> (namespace side), never one process per step.
/// </summary>
public sealed class IpNetworkHost(string ip = "ip", string nft = "nft", string unshare = "unshare", string nsenter = "nsenter") : INetworkHost
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
        return ProcessRunner.RunAsync(ip, ["-batch", "-"], IpBatch.Bridge(name, addresses, mtu, create: !exists), ct);
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
            // unshare bind-mounts the new namespace onto the file and exits; the mount keeps the namespace alive.
            await ProcessRunner.RunAsync(unshare, [$"--net={path}", "true"], null, ct);
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
    public async Task ConnectAsync(VethRequest request, CancellationToken ct = default)
    {
        await ProcessRunner.RunAsync(ip, ["-batch", "-"], IpBatch.HostSide(request), ct);
        try
        {
            await ProcessRunner.RunAsync(nsenter, [$"--net={request.NamespacePath}", ip, "-batch", "-"], IpBatch.NamespaceSide(request), ct);
        }
        catch
        {
            await DisconnectAsync(request.HostInterface, CancellationToken.None);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task DisconnectAsync(string hostInterface, CancellationToken ct = default)
    {
        IpBatch.CheckName(hostInterface);
        if (InterfaceExists(hostInterface))
        {
            await ProcessRunner.RunAsync(ip, ["link", "delete", "dev", hostInterface], null, ct);
        }
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
