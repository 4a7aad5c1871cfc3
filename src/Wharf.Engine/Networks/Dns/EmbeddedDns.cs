using System.Net;
using System.Net.Sockets;
using Wharf.Core.Errors;

namespace Wharf.Engine.Networks.Dns;

/// <summary>
/// The daemon's embedded DNS server, in the manner of podman's aardvark-dns: on each user-defined bridge network it
/// listens on the gateway address (UDP and TCP, port 53), and containers' resolv.conf names that gateway. It answers
/// container names, network aliases and short IDs of the containers on the networks the asking container is attached
/// to (found by its source address), PTR for their addresses, and forwards everything else to the host's resolvers.
/// </summary>
/// <remarks>
/// Docker's containers use 127.0.0.11 with a resolver inside each container's namespace; a gateway listener needs no
/// per-container socket or NAT rule, and the asking container is told apart by its source address on that network.
/// </remarks>
public sealed class EmbeddedDns : INetworkDns, IAsyncDisposable, IDisposable
{
    private readonly EmbeddedDnsOptions _options;
    private readonly DnsRecordTable _records = new();
    private readonly DnsQueryHandler _handler;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly Dictionary<string, DnsNetworkListener> _listeners = new(StringComparer.Ordinal);
    private volatile IPAddress[] _ownAddresses = [];
    private bool _disposed;

    /// <summary>Creates the server; it listens only once networks are added.</summary>
    public EmbeddedDns(EmbeddedDnsOptions? options = null)
    {
        _options = options ?? new EmbeddedDnsOptions();
        Forwarder = new DnsForwarder(_options);
        _handler = new DnsQueryHandler(_records, Forwarder, _options, address => _ownAddresses.Contains(address));
    }

    /// <summary>The options.</summary>
    public EmbeddedDnsOptions Options => _options;

    /// <summary>The registered names (read-only use: inspection and tests).</summary>
    public DnsRecordTable Records => _records;

    /// <summary>The upstream forwarder (its <see cref="DnsForwarder.HostConfig"/> is the host's resolv.conf).</summary>
    public DnsForwarder Forwarder { get; }

    /// <summary>
    /// Starts answering on <paramref name="gateway"/>:53 for a user-defined network (idempotent; a new gateway replaces
    /// the old listener). <paramref name="networkName"/> lets <c>container.network</c> resolve. Throws
    /// <see cref="UnavailableException"/> when the address cannot be bound.
    /// </summary>
    public Task AddNetworkAsync(string networkId, IPAddress gateway, string? networkName = null)
    {
        AddNetwork(networkId, gateway, networkName);
        return Task.CompletedTask;
    }

    /// <summary>Stops the network's listeners and drops its records (no-op when unknown).</summary>
    public async Task RemoveNetworkAsync(string networkId)
    {
        var listener = RemoveNetwork(networkId);
        if (listener is not null)
        {
            await listener.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    void INetworkDns.AddNetwork(string networkId, string gatewayIp) =>
        AddNetwork(networkId, IPAddress.TryParse(gatewayIp, out var gateway) ? gateway : throw new InvalidArgumentException($"invalid gateway address {gatewayIp}"), null);

    /// <inheritdoc />
    void INetworkDns.RemoveNetwork(string networkId) => RemoveNetwork(networkId)?.Stop();

    /// <inheritdoc />
    void INetworkDns.AddRecords(string networkId, string containerId, IReadOnlyList<string> names, string ip)
    {
        var address = IPAddress.TryParse(ip, out var parsed) ? parsed : null;
        AddRecords(networkId, containerId, names,
            address?.AddressFamily == AddressFamily.InterNetwork ? address : null,
            address?.AddressFamily == AddressFamily.InterNetworkV6 ? address : null);
    }

    /// <summary>
    /// Registers (or replaces) a container's names on a network: its name, network aliases and 12-character short ID,
    /// as Docker resolves them; the full ID is not a DNS name in Docker either.
    /// </summary>
    public void AddRecords(string networkId, string containerId, IReadOnlyList<string> names, IPAddress? ipv4, IPAddress? ipv6) =>
        _records.Set(networkId, containerId, names, ipv4, ipv6);

    /// <summary>Removes a container's names on a network (no-op when absent).</summary>
    public void RemoveRecords(string networkId, string containerId) => _records.Remove(networkId, containerId);

    /// <summary>Sets the <c>--link</c> aliases (alias → container name) that only this container resolves on user-defined networks.</summary>
    public void SetLinks(string containerId, IReadOnlyDictionary<string, string> aliasToName) => _records.SetLinks(containerId, aliasToName);

    /// <summary>
    /// Sets the nameservers (<c>--dns</c>) a container's unknown names go to instead of the host's; addresses that do
    /// not parse are ignored, an empty list restores the host's.
    /// </summary>
    public void SetExternalServers(string containerId, IReadOnlyList<string> servers) =>
        _records.SetExternalServers(containerId, servers.Select(s => IPAddress.TryParse(s, out var a) ? a : null).OfType<IPAddress>().ToList());

    /// <summary>Whether a container reaches outside; a container only on internal networks gets no upstream forwarding (Docker's rule).</summary>
    public void SetExternalAccess(string containerId, bool access) => _records.SetExternalAccess(containerId, access);

    /// <summary>Names a network that has a listener, so <c>container.network</c> resolves and PTR answers carry it.</summary>
    public void NameNetwork(string networkId, string networkName) => _records.NameNetwork(networkId, networkName);

    /// <summary>The listening endpoint of a network, or null.</summary>
    public IPEndPoint? ListenerOf(string networkId)
    {
        _lock.Wait();
        try
        {
            return _listeners.TryGetValue(networkId, out var listener) ? listener.Endpoint : null;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Closes every listener's sockets at once (for synchronous shutdown paths).</summary>
    public void Dispose()
    {
        _lock.Wait();
        try
        {
            _disposed = true;
            foreach (var listener in _listeners.Values)
            {
                listener.Stop();
            }
            _listeners.Clear();
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _lock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            foreach (var listener in _listeners.Values)
            {
                await listener.DisposeAsync().ConfigureAwait(false);
            }
            _listeners.Clear();
        }
        finally
        {
            _lock.Release();
        }
    }

    private void AddNetwork(string networkId, IPAddress gateway, string? networkName)
    {
        _lock.Wait();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var endpoint = new IPEndPoint(gateway, _options.Port);
            if (_listeners.TryGetValue(networkId, out var existing))
            {
                if (existing.Endpoint.Equals(endpoint))
                {
                    _records.EnableNetwork(networkId, networkName);
                    return;
                }
                _listeners.Remove(networkId);
                existing.Stop();
            }
            DnsNetworkListener listener;
            try
            {
                listener = DnsNetworkListener.Start(networkId, endpoint, _handler, _options);
            }
            catch (SocketException e)
            {
                throw new UnavailableException($"embedded DNS: cannot listen on {endpoint}: {e.Message}", e);
            }
            _listeners[networkId] = listener;
            _records.EnableNetwork(networkId, networkName);
            RefreshOwnAddresses();
        }
        finally
        {
            _lock.Release();
        }
    }

    private DnsNetworkListener? RemoveNetwork(string networkId)
    {
        _lock.Wait();
        try
        {
            _records.DisableNetwork(networkId);
            if (!_listeners.Remove(networkId, out var listener))
            {
                return null;
            }
            RefreshOwnAddresses();
            listener.Stop();
            return listener;
        }
        finally
        {
            _lock.Release();
        }
    }

    private void RefreshOwnAddresses() => _ownAddresses = [.. _listeners.Values.Select(l => l.Endpoint.Address)];
}
