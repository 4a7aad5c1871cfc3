using Wharf.Core.Errors;
using Wharf.Engine.Networks;
using Wharf.Engine.Networks.Ports;

namespace Wharf.Engine.Containers;

public sealed partial class ContainerService
{
    private const string SharedNetworkConflict = "container sharing network namespace with another container or host cannot be connected to any other network";
    private const string HostNetworkConflict = "container cannot be disconnected from host network or connected to host network";
    private const string NoneNetworkConflict = "container cannot be connected to multiple networks with one of the networks in private (none) mode";

    /// <summary>Networks (bridges, endpoints, published ports); without it every container gets <c>none</c> networking.</summary>
    public NetworkService? Networks { get; set; }

    /// <summary>
    /// At create: resolves the network mode (<c>default</c> → <c>bridge</c>), checks the networks, addresses, aliases and port
    /// specs with Docker's messages, and records the networks to join (the mode's network first).
    /// </summary>
    private ContainerHostConfig ResolveNetworking(ContainerHostConfig hostConfig)
    {
        var mode = string.IsNullOrEmpty(hostConfig.NetworkMode) || hostConfig.NetworkMode == "default" ? NetworkDrivers.Bridge : hostConfig.NetworkMode;
        if (Networks is null)
        {
            // An engine without networking (unit tests): bridge networking degrades to an empty namespace.
            return mode switch
            {
                "bridge" or "none" => hostConfig with { NetworkMode = "none", EndpointsConfig = [] },
                "host" => hostConfig with { NetworkMode = mode, EndpointsConfig = [] },
                _ => throw new NotFoundException($"network {mode} not found"),
            };
        }
        var publishes = (hostConfig.PortBindings?.Count ?? 0) > 0 || hostConfig.PublishAllPorts;
        if (mode.StartsWith("container:", StringComparison.Ordinal))
        {
            var target = mode["container:".Length..];
            if (target.Length == 0)
            {
                throw new InvalidArgumentException("invalid container format container:<name|id>");
            }
            _store.Resolve(target);
            if (publishes)
            {
                throw new InvalidArgumentException("conflicting options: port publishing and the container type network mode");
            }
            return hostConfig with { NetworkMode = mode, EndpointsConfig = [] };
        }
        PortPlanner.Requests(hostConfig.PortBindings, false, null);
        var primary = Networks.Resolve(mode);
        if (primary.Driver is NetworkDrivers.Host or NetworkDrivers.Null)
        {
            if ((hostConfig.EndpointsConfig ?? []).Any(e => Networks.Resolve(e.Network).Id != primary.Id))
            {
                throw new InvalidArgumentException(primary.Driver == NetworkDrivers.Host ? HostNetworkConflict : NoneNetworkConflict);
            }
            return hostConfig with { NetworkMode = primary.Name, EndpointsConfig = [] };
        }
        var requested = new List<EndpointRequest>();
        // The CLI names the default network "default" in EndpointsConfig too.
        var given = (hostConfig.EndpointsConfig ?? []).Select(e => e.Network == "default" ? e with { Network = mode } : e).ToList();
        var forPrimary = given.FirstOrDefault(e => e.Network == mode || Networks.Resolve(e.Network).Id == primary.Id);
        IEnumerable<EndpointRequest> ordered = [forPrimary ?? new EndpointRequest { Network = mode }, .. given.Where(e => e != forPrimary)];
        foreach (var request in ordered)
        {
            var network = Networks.Resolve(request.Network);
            if (network.Driver is NetworkDrivers.Host or NetworkDrivers.Null)
            {
                throw new InvalidArgumentException(network.Driver == NetworkDrivers.Host ? HostNetworkConflict : NoneNetworkConflict);
            }
            CheckEndpointRequest(network, request);
            if (requested.Any(r => Networks.Resolve(r.Network).Id == network.Id))
            {
                continue;
            }
            requested.Add(request with { Network = network.Name });
        }
        return hostConfig with { NetworkMode = mode, EndpointsConfig = requested };
    }

    private static void CheckEndpointRequest(NetworkRecord network, EndpointRequest request)
    {
        if (network.Predefined && !string.IsNullOrEmpty(request.IPv4Address))
        {
            throw new InvalidArgumentException("user specified IP address is supported on user defined networks only");
        }
        if (network.Predefined && request.Aliases.Count > 0)
        {
            throw new InvalidArgumentException("network-scoped alias is supported only for containers in user defined networks");
        }
        if (!string.IsNullOrEmpty(request.IPv4Address) && !Wharf.Engine.Networks.Ipam.Ipv4Address.TryParse(request.IPv4Address, out _))
        {
            throw new InvalidArgumentException($"invalid IPv4 address: {request.IPv4Address}");
        }
    }

    /// <summary>
    /// At start, before the OCI spec: the container's network namespace with an endpoint on each of its networks and its
    /// published ports. Returns the namespace to join (null: the runtime makes a new empty one, or host networking).
    /// Undoes everything on failure.
    /// </summary>
    private async Task<string?> SetUpNetworkingAsync(ContainerRecord container, CancellationToken ct)
    {
        var mode = container.HostConfig.NetworkMode;
        if (Networks is null || mode is "none" or "host")
        {
            return null;
        }
        if (mode.StartsWith("container:", StringComparison.Ordinal))
        {
            var target = _store.Resolve(mode["container:".Length..]);
            if (!target.State.Running || target.State.Pid <= 0)
            {
                throw new ConflictException($"cannot join network of a non running container: {target.Id}");
            }
            return $"/proc/{target.State.Pid}/ns/net";
        }
        var id = container.Id;
        var path = await Networks.CreateNamespaceAsync(id, ct).ConfigureAwait(false);
        try
        {
            // Ports are mapped on the endpoint that gives the default route: never on an internal network, as Docker
            // programs no port mapping there (a container only on internal networks publishes nothing).
            NetworkEndpoint? primary = null;
            foreach (var request in container.HostConfig.EndpointsConfig ?? [])
            {
                var endpoint = await AttachEndpointAsync(container, request, path, ct).ConfigureAwait(false);
                if (primary is null && Networks.Store.Get(endpoint.NetworkId) is { Internal: false })
                {
                    primary = endpoint;
                }
            }
            var ports = PortPlanner.Requests(container.HostConfig.PortBindings, container.HostConfig.PublishAllPorts, container.Config.ExposedPorts);
            if (ports.Count > 0 && primary is not null)
            {
                try
                {
                    await Networks.PublishAsync(id, ports, primary.IPAddress, ct).ConfigureAwait(false);
                }
                catch (ConflictException e)
                {
                    // Docker answers 500 here (its port allocator's errors carry no status of their own), not 409.
                    throw new WharfException(ErrorKind.Internal,
                        $"driver failed programming external connectivity on endpoint {container.Name} ({primary.Id}): {e.Message}", e);
                }
            }
            return path;
        }
        catch
        {
            await TearDownNetworkingAsync(id).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<NetworkEndpoint> AttachEndpointAsync(ContainerRecord container, EndpointRequest request, string namespacePath, CancellationToken ct)
    {
        var endpoint = await Networks!.AttachAsync(request.Network, container.Id, namespacePath, request.Aliases, request.IPv4Address, ct, request.MacAddress)
            .ConfigureAwait(false);
        var network = Networks.Store.Get(endpoint.NetworkId);
        if (Networks.Dns is { } dns && network is { Predefined: false } && endpoint.IPAddress.Length > 0)
        {
            dns.AddRecords(network.Id, container.Id, [container.Name, container.Id[..12], .. request.Aliases], endpoint.IPAddress);
        }
        return endpoint;
    }

    /// <summary>At exit, failed start and removal: releases ports, endpoints (and so addresses), DNS records and the namespace. Idempotent.</summary>
    private async Task TearDownNetworkingAsync(string id)
    {
        if (Networks is null)
        {
            return;
        }
        try
        {
            await Networks.UnpublishAsync(id).ConfigureAwait(false);
            foreach (var endpoint in Networks.EndpointsOfContainer(id))
            {
                Networks.Dns?.RemoveRecords(endpoint.NetworkId, id);
            }
            await Networks.DeleteNamespaceAsync(id).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WharfException or IOException or UnauthorizedAccessException)
        {
            // Whatever is left is removed by the reconciliation at the next daemon start.
        }
    }

    /// <summary>
    /// At daemon start, after the containers were recovered: endpoints, published ports and namespaces of containers that
    /// are gone or no longer running are removed; running ones keep theirs (their host ports are bound again, DNS records re-added).
    /// </summary>
    private async Task ReconcileNetworkingAsync(CancellationToken ct)
    {
        if (Networks is null)
        {
            return;
        }
        var containers = _store.List();
        var running = containers.Where(c => c.State.Running).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        await Networks.ReconcileEndpointsAsync(running, ct).ConfigureAwait(false);
        await Networks.ReconcilePortsAsync(running, ct).ConfigureAwait(false);
        var directory = Networks.Options.NamespaceDirectory;
        if (Directory.Exists(directory))
        {
            foreach (var file in Directory.EnumerateFiles(directory))
            {
                var id = Path.GetFileName(file);
                if (!running.Contains(id))
                {
                    await Networks.DeleteNamespaceAsync(id, ct).ConfigureAwait(false);
                }
            }
        }
        foreach (var container in containers.Where(c => running.Contains(c.Id)))
        {
            foreach (var endpoint in Networks.EndpointsOfContainer(container.Id))
            {
                var network = Networks.Store.Get(endpoint.NetworkId);
                if (Networks.Dns is { } dns && network is { Predefined: false } && endpoint.IPAddress.Length > 0)
                {
                    dns.AddRecords(network.Id, container.Id, [container.Name, container.Id[..12], .. endpoint.Aliases], endpoint.IPAddress);
                }
            }
        }
    }

    /// <summary><c>POST /networks/{id}/connect</c>: adds a network to a container; a running one gets its endpoint at once.</summary>
    public async Task ConnectNetworkAsync(string network, string nameOrId, EndpointRequest? request = null, CancellationToken ct = default)
    {
        var networks = Networks ?? throw new NotImplementedWharfException("networking is not enabled");
        var record = networks.Resolve(network);
        var id = _store.Resolve(nameOrId).Id;
        using (await LockAsync(id, ct).ConfigureAwait(false))
        {
            var container = _store.Get(id) ?? throw new NotFoundException($"No such container: {nameOrId}");
            CheckCanChangeNetworks(container, record);
            var current = container.HostConfig.EndpointsConfig ?? [];
            if (current.Any(e => SameNetwork(e.Network, record)))
            {
                throw new ForbiddenException($"endpoint with name {container.Name} already exists in network {record.Name}");
            }
            var wanted = (request ?? new EndpointRequest { Network = record.Name }) with { Network = record.Name };
            CheckEndpointRequest(record, wanted);
            if (container.State.Running)
            {
                await AttachEndpointAsync(container, wanted, networks.NamespacePath(id), ct).ConfigureAwait(false);
            }
            _store.Update(container with { HostConfig = container.HostConfig with { EndpointsConfig = [.. current, wanted] } });
            if (container.State.Running)
            {
                // The new network may bring the embedded DNS and always brings an address the container's hosts file names.
                RefreshNetworkFiles(_store.Get(id) ?? container);
                try
                {
                    await RepublishPortsAsync(_store.Get(id) ?? container, ct).ConfigureAwait(false);
                }
                catch (WharfException)
                {
                    await UndoConnectAsync(container, record, networks).ConfigureAwait(false);
                    throw;
                }
            }
        }
    }

    /// <summary>A connect whose ports could not be published leaves nothing behind: the endpoint, record and files go back.</summary>
    private async Task UndoConnectAsync(ContainerRecord before, NetworkRecord network, NetworkService networks)
    {
        networks.Dns?.RemoveRecords(network.Id, before.Id);
        await networks.DetachAsync(network.Id, before.Id, CancellationToken.None).ConfigureAwait(false);
        _store.Update(before);
        RefreshNetworkFiles(before);
        try
        {
            await RepublishPortsAsync(before, CancellationToken.None).ConfigureAwait(false);
        }
        catch (WharfException)
        {
            // The ports were mapped on the old endpoint a moment ago; if that fails too, the first error is the one to report.
        }
    }

    /// <summary><c>POST /networks/{id}/disconnect</c>: removes a network from a container (its endpoint at once when running).</summary>
    public async Task DisconnectNetworkAsync(string network, string nameOrId, bool force = false, CancellationToken ct = default)
    {
        var networks = Networks ?? throw new NotImplementedWharfException("networking is not enabled");
        var record = networks.Resolve(network);
        ContainerRecord? found;
        try
        {
            found = _store.Resolve(nameOrId);
        }
        catch (NotFoundException) when (force)
        {
            // Docker's force: drop the endpoint of a container that no longer exists.
            var stale = networks.Endpoints(record.Id).FirstOrDefault(e => e.ContainerId == nameOrId || e.ContainerId.StartsWith(nameOrId, StringComparison.Ordinal));
            if (stale is null)
            {
                throw;
            }
            await networks.DetachAsync(record.Id, stale.ContainerId, ct).ConfigureAwait(false);
            return;
        }
        var id = found.Id;
        using (await LockAsync(id, ct).ConfigureAwait(false))
        {
            var container = _store.Get(id) ?? throw new NotFoundException($"No such container: {nameOrId}");
            CheckCanChangeNetworks(container, record);
            var current = container.HostConfig.EndpointsConfig ?? [];
            var live = networks.EndpointsOfContainer(id).FirstOrDefault(e => e.NetworkId == record.Id);
            if (!current.Any(e => SameNetwork(e.Network, record)) && live is null)
            {
                throw new ForbiddenException($"container {id} is not connected to network {record.Name}");
            }
            if (live is not null)
            {
                networks.Dns?.RemoveRecords(record.Id, id);
                await networks.DetachAsync(record.Id, id, ct).ConfigureAwait(false);
            }
            _store.Update(container with
            {
                HostConfig = container.HostConfig with { EndpointsConfig = current.Where(e => !SameNetwork(e.Network, record)).ToList() },
            });
            if (live is not null)
            {
                RefreshNetworkFiles(_store.Get(id) ?? container);
                await RepublishPortsAsync(_store.Get(id) ?? container, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// After connect/disconnect of a running container: its ports follow the endpoint that gives the default route
    /// (the first non-internal network), as Docker maps them on the gateway endpoint; with none left they are unpublished.
    /// </summary>
    private async Task RepublishPortsAsync(ContainerRecord container, CancellationToken ct)
    {
        var networks = Networks!;
        var ports = PortPlanner.Requests(container.HostConfig.PortBindings, container.HostConfig.PublishAllPorts, container.Config.ExposedPorts);
        if (ports.Count == 0)
        {
            return;
        }
        var endpoints = networks.EndpointsOfContainer(container.Id);
        var gateway = (container.HostConfig.EndpointsConfig ?? [])
            .Select(request => networks.Store.List().FirstOrDefault(n => SameNetwork(request.Network, n)))
            .Where(network => network is { Internal: false })
            .Select(network => endpoints.FirstOrDefault(e => e.NetworkId == network!.Id && e.IPAddress.Length > 0))
            .FirstOrDefault(endpoint => endpoint is not null);
        var published = networks.PublishedPorts(container.Id);
        if (gateway is not null && published.Count > 0 && published.All(p => p.ContainerIp == gateway.IPAddress))
        {
            return;
        }
        if (published.Count > 0)
        {
            await networks.UnpublishAsync(container.Id, ct).ConfigureAwait(false);
        }
        if (gateway is null)
        {
            return;
        }
        try
        {
            await networks.PublishAsync(container.Id, ports, gateway.IPAddress, ct).ConfigureAwait(false);
        }
        catch (ConflictException e)
        {
            throw new WharfException(ErrorKind.Internal,
                $"driver failed programming external connectivity on endpoint {container.Name} ({gateway.Id}): {e.Message}", e);
        }
    }

    /// <summary>The container with its networks, addresses and published ports (for inspect, <c>ps</c> and <c>port</c>).</summary>
    public ContainerDetails WithNetwork(ContainerDetails details) => details with { Network = NetworkView(details.Container) };

    /// <summary>A container's networks, addresses and published ports.</summary>
    public ContainerNetworkView NetworkView(ContainerRecord container)
    {
        var mode = container.HostConfig.NetworkMode;
        if (Networks is null || mode.StartsWith("container:", StringComparison.Ordinal))
        {
            return new ContainerNetworkView([], [], "");
        }
        var all = Networks.Store.List();
        if (mode is "none" or "host")
        {
            var predefined = all.FirstOrDefault(n => n.Name == mode);
            return new ContainerNetworkView(predefined is null ? [] : [new ContainerNetworkEntry(mode, predefined.Id, null, null)], [], "");
        }
        var endpoints = container.State.Running ? Networks.EndpointsOfContainer(container.Id) : [];
        var entries = new List<ContainerNetworkEntry>();
        foreach (var request in container.HostConfig.EndpointsConfig ?? [])
        {
            var network = all.FirstOrDefault(n => n.Name == request.Network) ?? all.FirstOrDefault(n => n.Id == request.Network);
            var endpoint = network is null ? null : endpoints.FirstOrDefault(e => e.NetworkId == network.Id);
            entries.Add(new ContainerNetworkEntry(network?.Name ?? request.Network, network?.Id ?? "", request, endpoint));
        }
        var running = container.State.Running && endpoints.Count > 0;
        return new ContainerNetworkView(entries, running ? Networks.PublishedPorts(container.Id) : [], running ? Networks.NamespacePath(container.Id) : "");
    }

    private static void CheckCanChangeNetworks(ContainerRecord container, NetworkRecord network)
    {
        var mode = container.HostConfig.NetworkMode;
        if (mode.StartsWith("container:", StringComparison.Ordinal))
        {
            throw new InvalidArgumentException(SharedNetworkConflict);
        }
        if (mode == "host" || network.Driver == NetworkDrivers.Host)
        {
            throw new InvalidArgumentException(HostNetworkConflict);
        }
        if (mode == "none" || network.Driver == NetworkDrivers.Null)
        {
            throw new InvalidArgumentException(NoneNetworkConflict);
        }
    }

    private static bool SameNetwork(string requested, NetworkRecord network) => requested == network.Name || requested == network.Id;
}
