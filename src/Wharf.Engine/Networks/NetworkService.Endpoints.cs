using System.Security.Cryptography;
using Wharf.Core.Errors;
using Wharf.Core.Ids;
using Wharf.Engine.Networks.Ipam;
using Wharf.Engine.Networks.Linux;

namespace Wharf.Engine.Networks;

public sealed partial class NetworkService
{
    /// <summary>
    /// Attaches a container (whose network namespace is <paramref name="namespacePath"/>) to a network: allocates its
    /// address (or takes <paramref name="ip"/>), creates the veth pair, configures the namespace side. On <c>host</c>
    /// and <c>none</c> only the endpoint is recorded. The container's first non-internal bridge endpoint gets the default route.
    /// </summary>
    public async Task<NetworkEndpoint> AttachAsync(string network, string containerId, string namespacePath, IReadOnlyList<string>? aliases = null,
        string? ip = null, CancellationToken ct = default, string? macAddress = null)
    {
        await _lock.WaitAsync(ct);
        try
        {
            var record = Resolve(network);
            var existing = store.EndpointsOfContainer(containerId);
            if (existing.Any(e => e.NetworkId == record.Id))
            {
                throw new ForbiddenException($"endpoint with name {StringIds.Truncate(containerId)} already exists in network {record.Name}");
            }
            if (record.BridgeName is null)
            {
                if (!string.IsNullOrEmpty(ip))
                {
                    throw new InvalidArgumentException("user specified IP address is supported on user defined networks only");
                }
                return store.AddEndpoint(record.Id, _ => new NetworkEndpoint
                {
                    Id = StringIds.NewId(),
                    NetworkId = record.Id,
                    ContainerId = containerId,
                    Aliases = aliases ?? [],
                });
            }
            if (!host.InterfaceExists(record.BridgeName))
            {
                await host.EnsureBridgeAsync(record.BridgeName, BridgeAddresses(record), options.Mtu, ct);
                await host.EnableForwardingAsync(ct);
                await ApplyFirewallAsync(ct);
            }
            if (!string.IsNullOrEmpty(ip) && record.Predefined)
            {
                throw new InvalidArgumentException("user specified IP address is supported on user defined networks only");
            }
            var bridgeEndpoints = existing.Where(e => e.InterfaceName.Length > 0).ToList();
            var interfaceName = NextInterfaceName(bridgeEndpoints);
            var internalIds = store.List().Where(n => n.Internal).Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
            // Only the first egress-capable network gets the default route, as with Docker.
            var wantsDefaultRoute = !record.Internal && !bridgeEndpoints.Any(e => !internalIds.Contains(e.NetworkId));
            var endpoint = store.AddEndpoint(record.Id, used =>
            {
                var chosen = Choose(record, containerId, used, ip, aliases ?? [], interfaceName);
                return string.IsNullOrEmpty(macAddress) ? chosen : chosen with { MacAddress = macAddress.ToLowerInvariant() };
            });
            try
            {
                await host.ConnectAsync(new VethRequest
                {
                    Bridge = record.BridgeName,
                    HostInterface = endpoint.HostInterface,
                    NamespacePath = namespacePath,
                    InterfaceName = interfaceName,
                    Address = endpoint.IPv4Cidr,
                    MacAddress = endpoint.MacAddress,
                    Gateway = wantsDefaultRoute ? endpoint.Gateway : null,
                    Mtu = options.Mtu,
                }, ct);
            }
            catch
            {
                store.RemoveEndpoint(record.Id, containerId);
                throw;
            }
            Wharf.Engine.Events.NetworkEvents.Publish(Events, "connect", record, containerId);
            return endpoint;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Detaches a container: deletes its veth (when one was made) and frees its address.</summary>
    public async Task DetachAsync(string network, string containerId, CancellationToken ct = default)
    {
        await _lock.WaitAsync(ct);
        try
        {
            var record = Resolve(network);
            var endpoint = store.EndpointsOfContainer(containerId).FirstOrDefault(e => e.NetworkId == record.Id)
                ?? throw new ForbiddenException($"container {containerId} is not connected to network {record.Name}");
            if (endpoint.HostInterface.Length > 0)
            {
                await host.DisconnectAsync(endpoint.HostInterface, ct);
            }
            store.RemoveEndpoint(record.Id, containerId);
            Wharf.Engine.Events.NetworkEvents.Publish(Events, "disconnect", record, containerId);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Where a container's persistent network namespace lives: <c>&lt;ExecRoot&gt;/netns/&lt;id&gt;</c>.</summary>
    public string NamespacePath(string containerId) => Path.Combine(options.NamespaceDirectory, containerId);

    /// <summary>Creates the container's network namespace file (before the runtime starts it) and returns its path.</summary>
    public async Task<string> CreateNamespaceAsync(string containerId, CancellationToken ct = default)
    {
        var path = NamespacePath(containerId);
        await host.CreateNamespaceAsync(path, ct);
        return path;
    }

    /// <summary>Detaches the container from every network, then unmounts and deletes its namespace file.</summary>
    public async Task DeleteNamespaceAsync(string containerId, CancellationToken ct = default)
    {
        foreach (var endpoint in store.EndpointsOfContainer(containerId))
        {
            await DetachAsync(endpoint.NetworkId, containerId, ct);
        }
        await host.DeleteNamespaceAsync(NamespacePath(containerId), ct);
    }

    /// <summary>The endpoints of a container on every network.</summary>
    public IReadOnlyList<NetworkEndpoint> EndpointsOfContainer(string containerId) => store.EndpointsOfContainer(containerId);

    /// <summary>After a crash: drops the endpoints (and veths) of containers not in <paramref name="liveContainers"/>; returns how many.</summary>
    public async Task<int> ReconcileEndpointsAsync(IReadOnlySet<string> liveContainers, CancellationToken ct = default)
    {
        var stale = store.Endpoints().Where(e => !liveContainers.Contains(e.ContainerId)).ToList();
        foreach (var endpoint in stale)
        {
            if (endpoint.HostInterface.Length > 0)
            {
                await host.DisconnectAsync(endpoint.HostInterface, ct);
            }
            store.RemoveEndpoint(endpoint.NetworkId, endpoint.ContainerId);
        }
        return stale.Count;
    }

    private NetworkEndpoint Choose(NetworkRecord record, string containerId, IReadOnlySet<uint> used, string? ip, IReadOnlyList<string> aliases,
        string interfaceName)
    {
        IpamConfig? config = null;
        uint address = 0;
        if (!string.IsNullOrEmpty(ip))
        {
            config = record.Ipam.FirstOrDefault(c => Ipv4Address.TryParse(ip, out var a) && c.ParsedSubnet.Contains(a)) ?? record.Ipam.FirstOrDefault();
            address = config is null
                ? throw new InvalidArgumentException($"no configured subnet or ip-range contain the IP address {ip}")
                : AddressAllocator.Allocate(config, used, ip);
        }
        else
        {
            UnavailableException? last = null;
            foreach (var candidate in record.Ipam)
            {
                try
                {
                    address = AddressAllocator.Allocate(candidate, used);
                    config = candidate;
                    break;
                }
                catch (UnavailableException e)
                {
                    last = e;
                }
            }
            if (config is null)
            {
                throw last ?? new UnavailableException($"no available IPv4 addresses on network {record.Name}");
            }
        }
        return new NetworkEndpoint
        {
            Id = StringIds.NewId(),
            NetworkId = record.Id,
            ContainerId = containerId,
            IPAddress = Ipv4Address.Format(address),
            PrefixLength = config.ParsedSubnet.PrefixLength,
            Gateway = Ipv4Address.Format(config.EffectiveGateway),
            MacAddress = AddressAllocator.MacFor(address),
            HostInterface = options.VethPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))[..7],
            InterfaceName = interfaceName,
            Aliases = aliases,
        };
    }

    private static string NextInterfaceName(IReadOnlyList<NetworkEndpoint> endpoints)
    {
        for (var i = 0; ; i++)
        {
            var name = "eth" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!endpoints.Any(e => e.InterfaceName == name))
            {
                return name;
            }
        }
    }
}
