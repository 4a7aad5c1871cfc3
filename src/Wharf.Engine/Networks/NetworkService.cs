using System.Globalization;
using Microsoft.Data.Sqlite;
using Wharf.Core.Errors;
using Wharf.Core.Ids;
using Wharf.Engine.Networks.Ipam;
using Wharf.Engine.Networks.Linux;

namespace Wharf.Engine.Networks;

/// <summary>
/// Networks with Docker's semantics: the predefined <c>bridge</c>, <c>host</c> and <c>none</c>, user-defined bridge
/// networks (each with its Linux bridge and address pool), the nftables table that follows them, and container
/// endpoints. Every change that touches the host is undone when a later step fails, so nothing is left half-created.
/// </summary>
public sealed partial class NetworkService(NetworkStore store, INetworkHost host, NetworkOptions options, TimeProvider? clock = null) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>The options this service was built with.</summary>
    public NetworkOptions Options => options;

    /// <summary>The store.</summary>
    public NetworkStore Store => store;

    /// <summary>
    /// Creates the predefined networks on first start (picking the default bridge's subnet then), recreates the Linux
    /// bridges of user-defined networks and of networks in use, and applies the firewall.
    /// </summary>
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await _lock.WaitAsync(ct);
        try
        {
            var existing = store.List();
            if (!existing.Any(n => n.Name == NetworkDrivers.Bridge))
            {
                store.Add(DefaultBridge(existing));
            }
            else
            {
                await ReconfigureDefaultBridgeAsync(existing, ct);
            }
            if (!existing.Any(n => n.Name == NetworkDrivers.Host))
            {
                store.Add(Predefined(NetworkDrivers.Host, NetworkDrivers.Host));
            }
            if (!existing.Any(n => n.Name == NetworkDrivers.NoneNetwork))
            {
                store.Add(Predefined(NetworkDrivers.NoneNetwork, NetworkDrivers.Null));
            }
            var used = store.Endpoints().Select(e => e.NetworkId).ToHashSet(StringComparer.Ordinal);
            // The default bridge is materialised on first use (or when a previous run left it), so a private daemon
            // that never runs a networked container leaves nothing on the host.
            var materialise = store.List()
                .Where(n => n.BridgeName is not null && (!n.Predefined || used.Contains(n.Id) || host.InterfaceExists(n.BridgeName)))
                .ToList();
            foreach (var network in materialise)
            {
                await host.EnsureBridgeAsync(network.BridgeName!, BridgeAddresses(network), options.Mtu, ct);
            }
            foreach (var network in store.List())
            {
                DnsAddNetwork(network);
            }
            if (materialise.Count > 0)
            {
                await host.EnableForwardingAsync(ct);
                await ApplyFirewallAsync(ct);
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Every network passing <paramref name="filters"/>.</summary>
    public IReadOnlyList<NetworkRecord> List(IReadOnlyDictionary<string, IReadOnlyList<string>>? filters = null)
    {
        var filter = new NetworkListFilter(filters);
        var used = store.Endpoints().Select(e => e.NetworkId).ToHashSet(StringComparer.Ordinal);
        return store.List().Where(n => filter.Matches(n, used.Contains(n.Id))).ToList();
    }

    /// <summary>Finds a network by full ID, exact name, then unique ID prefix (Docker's order); 404 otherwise.</summary>
    public NetworkRecord Resolve(string idOrName)
    {
        var all = store.List();
        var byId = all.FirstOrDefault(n => n.Id == idOrName);
        if (byId is not null)
        {
            return byId;
        }
        var byName = all.FirstOrDefault(n => n.Name == idOrName);
        if (byName is not null)
        {
            return byName;
        }
        if (StringIds.IsIdPrefix(idOrName))
        {
            var matches = all.Where(n => n.Id.StartsWith(idOrName, StringComparison.Ordinal)).ToList();
            if (matches.Count == 1)
            {
                return matches[0];
            }
            if (matches.Count > 1)
            {
                throw new InvalidArgumentException($"network {idOrName} is ambiguous ({matches.Count} matches found based on ID prefix)");
            }
        }
        throw new NotFoundException($"network {idOrName} not found");
    }

    /// <summary>The endpoints of a network (for inspect's <c>Containers</c>).</summary>
    public IReadOnlyList<NetworkEndpoint> Endpoints(string networkId) => store.Endpoints(networkId);

    /// <summary>Creates a network; its Linux bridge and firewall rules exist when this returns.</summary>
    public async Task<NetworkRecord> CreateAsync(NetworkCreateOptions request, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            throw new InvalidArgumentException("network name must not be empty");
        }
        var driver = string.IsNullOrEmpty(request.Driver) ? NetworkDrivers.Bridge : request.Driver;
        if (driver is NetworkDrivers.Host or NetworkDrivers.Null)
        {
            throw new ForbiddenException($"only one instance of \"{driver}\" network is allowed");
        }
        if (driver != NetworkDrivers.Bridge)
        {
            throw new NotFoundException($"plugin \"{driver}\" not found");
        }
        if (request.IpamDriver is { Length: > 0 } ipamDriver && ipamDriver != "default")
        {
            throw new NotFoundException($"plugin \"{ipamDriver}\" not found");
        }
        if (request.EnableIPv6)
        {
            throw new InvalidArgumentException("IPv6 networks are not supported");
        }
        await _lock.WaitAsync(ct);
        try
        {
            var all = store.List();
            if (all.Any(n => n.Name == request.Name))
            {
                throw new ConflictException($"network with name {request.Name} already exists");
            }
            var id = StringIds.NewId();
            var givenOptions = request.Options ?? new Dictionary<string, string>();
            var bridge = givenOptions.TryGetValue(NetworkDrivers.BridgeNameOption, out var named) && named.Length > 0
                ? named
                : options.BridgePrefix + StringIds.Truncate(id);
            IpBatch.CheckName(bridge);
            if (all.Any(n => n.BridgeName == bridge))
            {
                throw new ConflictException($"bridge name {bridge} is already used by another network");
            }
            var ipam = IpamPlanner.Plan(request.Ipam ?? [], TakenSubnets(all), host.Routes, options.AddressPools);
            await host.EnableForwardingAsync(ct);
            var network = new NetworkRecord
            {
                Id = id,
                Name = request.Name,
                Driver = driver,
                Created = _clock.GetUtcNow(),
                Internal = request.Internal,
                Attachable = request.Attachable,
                Options = new Dictionary<string, string>(givenOptions),
                Labels = new Dictionary<string, string>(request.Labels ?? new Dictionary<string, string>()),
                Ipam = ipam,
                IpamOptions = new Dictionary<string, string>(request.IpamOptions ?? new Dictionary<string, string>()),
                BridgeName = bridge,
            };
            var bridgeExisted = host.InterfaceExists(bridge);
            try
            {
                await host.EnsureBridgeAsync(bridge, BridgeAddresses(network), options.Mtu, ct);
                try
                {
                    store.Add(network);
                }
                catch (SqliteException e) when (e.SqliteErrorCode == 19)
                {
                    throw new ConflictException($"network with name {request.Name} already exists");
                }
                await ApplyFirewallAsync(ct);
                DnsAddNetwork(network);
                Wharf.Engine.Events.NetworkEvents.Publish(Events, "create", network);
            }
            catch
            {
                store.DeleteIfUnused(id);
                if (!bridgeExisted)
                {
                    await host.DeleteBridgeAsync(bridge, CancellationToken.None);
                }
                throw;
            }
            return network;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Removes a network and its bridge; 403 for predefined networks or while endpoints exist.</summary>
    public async Task RemoveAsync(string idOrName, CancellationToken ct = default)
    {
        await _lock.WaitAsync(ct);
        try
        {
            var network = Resolve(idOrName);
            await RemoveLockedAsync(network, ct);
            await ApplyFirewallAsync(ct);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Removes every unused user-defined network matching <c>label</c>, <c>label!</c> and <c>until</c>; returns their names.</summary>
    public async Task<IReadOnlyList<string>> PruneAsync(IReadOnlyDictionary<string, IReadOnlyList<string>>? filters = null, CancellationToken ct = default)
    {
        filters ??= new Dictionary<string, IReadOnlyList<string>>();
        foreach (var key in filters.Keys.Where(k => k is not ("label" or "label!" or "until")))
        {
            throw new InvalidArgumentException($"invalid filter '{key}'");
        }
        var until = filters.TryGetValue("until", out var untilValues) && untilValues.Count > 0 ? ParseUntil(untilValues[0]) : (DateTimeOffset?)null;
        var labels = filters.TryGetValue("label", out var l) ? l : [];
        var notLabels = filters.TryGetValue("label!", out var nl) ? nl : [];
        await _lock.WaitAsync(ct);
        try
        {
            var used = store.Endpoints().Select(e => e.NetworkId).ToHashSet(StringComparer.Ordinal);
            var removed = new List<string>();
            foreach (var network in store.List())
            {
                if (network.Predefined || used.Contains(network.Id)
                    || (until is { } limit && network.Created >= limit)
                    || !NetworkListFilter.LabelsMatch(network.Labels, labels)
                    || (notLabels.Count > 0 && notLabels.Any(x => NetworkListFilter.LabelsMatch(network.Labels, [x]))))
                {
                    continue;
                }
                try
                {
                    await RemoveLockedAsync(network, ct);
                    removed.Add(network.Name);
                }
                catch (ForbiddenException)
                {
                    // Got an endpoint since the listing: it is in use, so not pruned.
                }
            }
            await ApplyFirewallAsync(ct);
            return removed;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// Removes everything this engine put on the host: every network's Linux bridge and the nftables table (records
    /// stay; <see cref="InitializeAsync"/> recreates both). For private daemons that must leave no trace.
    /// </summary>
    public async Task TeardownAsync(CancellationToken ct = default)
    {
        await _lock.WaitAsync(ct);
        try
        {
            foreach (var endpoint in store.Endpoints().Where(e => e.HostInterface.Length > 0))
            {
                await host.DisconnectAsync(endpoint.HostInterface, ct);
            }
            foreach (var network in store.List().Where(n => n.BridgeName is not null))
            {
                await host.DeleteBridgeAsync(network.BridgeName!, ct);
            }
            await host.DeleteFirewallAsync(options.NftTable, ct);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// Regenerates and applies the whole nftables table from the networks whose bridge exists and the published ports;
    /// with neither, the table is deleted, so an engine without networks in use leaves no table behind.
    /// </summary>
    public async Task ApplyFirewallAsync(CancellationToken ct = default)
    {
        // Serialised and built from the stored state inside the lock, so the last apply always carries every change.
        await _firewallLock.WaitAsync(ct);
        try
        {
            var ruleset = BuildRuleset(store.List());
            await (ruleset.Bridges.Count == 0 && ruleset.Ports.Count == 0
                ? host.DeleteFirewallAsync(options.NftTable, ct)
                : host.ApplyFirewallAsync(ruleset, ct));
        }
        finally
        {
            _firewallLock.Release();
        }
    }

    /// <summary>The ruleset for these networks (those whose Linux bridge exists) and the published ports.</summary>
    public NftRuleset BuildRuleset(IReadOnlyList<NetworkRecord> networks) => new(
        options.NftTable,
        networks.Where(n => n.BridgeName is not null && host.InterfaceExists(n.BridgeName))
            .Select(n => new FirewallBridge(n.BridgeName!, n.Ipam.Select(c => c.Subnet).ToList(), n.Internal))
            .ToList(),
        PublishedPorts());

    /// <inheritdoc />
    public void Dispose()
    {
        _lock.Dispose();
        _portLock.Dispose();
        _firewallLock.Dispose();
        _reservations.Dispose();
    }

    private async Task RemoveLockedAsync(NetworkRecord network, CancellationToken ct)
    {
        if (network.Predefined)
        {
            throw new ForbiddenException($"{network.Name} is a pre-defined network and cannot be removed");
        }
        if (!store.DeleteIfUnused(network.Id))
        {
            throw new ForbiddenException($"error while removing network: network {network.Name} id {network.Id} has active endpoints");
        }
        DnsRemoveNetwork(network);
        Wharf.Engine.Events.NetworkEvents.Publish(Events, "destroy", network);
        if (network.BridgeName is not null)
        {
            await host.DeleteBridgeAsync(network.BridgeName, ct);
        }
    }

    /// <summary>
    /// A restart with another <c>--bip</c> or <c>--bridge</c> moves the default bridge there, as Docker does, unless
    /// containers still have endpoints on it (then the old settings stay until they are gone).
    /// </summary>
    private async Task ReconfigureDefaultBridgeAsync(IReadOnlyList<NetworkRecord> existing, CancellationToken ct)
    {
        var current = existing.First(n => n.Name == NetworkDrivers.Bridge);
        if (options.BridgeIp is null && current.BridgeName == options.BridgeName)
        {
            return;
        }
        // Built with the current ID: a fresh random ID would load OpenSSL into the daemon on every start.
        var wanted = DefaultBridge(existing.Where(n => n.Id != current.Id).ToList(), current);
        var sameAddress = options.BridgeIp is null
            || (current.Ipam.Count == 1 && current.Ipam[0].Subnet == wanted.Ipam[0].Subnet && current.Ipam[0].Gateway == wanted.Ipam[0].Gateway);
        if ((sameAddress && current.BridgeName == options.BridgeName) || store.Endpoints(current.Id).Count > 0)
        {
            return;
        }
        if (!store.DeleteIfUnused(current.Id))
        {
            return;
        }
        if (current.BridgeName is not null)
        {
            await host.DeleteBridgeAsync(current.BridgeName, ct);
        }
        store.Add(sameAddress ? wanted with { Ipam = current.Ipam } : wanted);
    }

    private NetworkRecord DefaultBridge(IReadOnlyList<NetworkRecord> existing, NetworkRecord? replacing = null)
    {
        IpamConfig config;
        if (options.BridgeIp is { } bip)
        {
            if (!Ipv4Subnet.TryParse(bip, out var subnet, out var gateway) || gateway == subnet.Network || gateway == subnet.Broadcast)
            {
                throw new InvalidArgumentException($"invalid bridge IP {bip}: expected the bridge address with a prefix length, e.g. 172.17.0.1/16");
            }
            config = new IpamConfig(subnet.ToString(), Ipv4Address.Format(gateway));
        }
        else
        {
            config = IpamPlanner.Plan([], TakenSubnets(existing), host.Routes, options.AddressPools)[0];
        }
        var network = (replacing is null ? Predefined(NetworkDrivers.Bridge, NetworkDrivers.Bridge) : replacing) with
        {
            Ipam = [config],
            BridgeName = options.BridgeName,
            Options = new Dictionary<string, string>
            {
                ["com.docker.network.bridge.default_bridge"] = "true",
                ["com.docker.network.bridge.enable_icc"] = "true",
                ["com.docker.network.bridge.enable_ip_masquerade"] = "true",
                ["com.docker.network.bridge.host_binding_ipv4"] = "0.0.0.0",
                [NetworkDrivers.BridgeNameOption] = options.BridgeName,
                ["com.docker.network.driver.mtu"] = options.Mtu.ToString(CultureInfo.InvariantCulture),
            },
        };
        return network;
    }

    private NetworkRecord Predefined(string name, string driver) => new()
    {
        Id = StringIds.NewId(),
        Name = name,
        Driver = driver,
        Created = _clock.GetUtcNow(),
        Predefined = true,
    };

    private static List<Ipv4Subnet> TakenSubnets(IEnumerable<NetworkRecord> networks) =>
        networks.SelectMany(n => n.Ipam).Select(c => c.ParsedSubnet).ToList();

    private static List<string> BridgeAddresses(NetworkRecord network) =>
        network.Ipam.Select(c => $"{Ipv4Address.Format(c.EffectiveGateway)}/{c.ParsedSubnet.PrefixLength}").ToList();

    private DateTimeOffset ParseUntil(string value)
    {
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }
        if (TryParseDuration(value, out var ago))
        {
            return _clock.GetUtcNow() - ago;
        }
        throw new InvalidArgumentException($"invalid filter 'until={value}'");
    }

    private static bool TryParseDuration(string value, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = System.Text.RegularExpressions.Regex.Match(value, @"^(\d+(?:\.\d+)?)(ns|us|ms|s|m|h)$");
        if (!match.Success)
        {
            return false;
        }
        var amount = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        duration = match.Groups[2].Value switch
        {
            "h" => TimeSpan.FromHours(amount),
            "m" => TimeSpan.FromMinutes(amount),
            "s" => TimeSpan.FromSeconds(amount),
            "ms" => TimeSpan.FromMilliseconds(amount),
            _ => TimeSpan.Zero,
        };
        return true;
    }
}
