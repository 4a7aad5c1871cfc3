using Microsoft.Data.Sqlite;
using Wharf.Core.Errors;
using Wharf.Engine.Networks.Linux;
using Wharf.Engine.Networks.Ports;

namespace Wharf.Engine.Networks;

public sealed partial class NetworkService
{
    // Published ports live in the database (so a restarted daemon rebuilds the same rules); the reservations hold the
    // host ports bound while their container runs. One port operation at a time, so two starts never pick one port.
    private readonly SemaphoreSlim _portLock = new(1, 1);
    private readonly SemaphoreSlim _firewallLock = new(1, 1);
    private readonly PortReservations _reservations = new();

    /// <summary>
    /// Publishes a container's ports towards <paramref name="containerIp"/>: picks the host ports (binding each, as
    /// Docker's port mapper does), stores them and applies the firewall. On any failure nothing stays reserved or stored.
    /// </summary>
    public async Task<IReadOnlyList<PublishedPort>> PublishAsync(string containerId, IReadOnlyList<PortRequest> requests, string containerIp,
        CancellationToken ct = default)
    {
        if (requests.Count == 0)
        {
            return [];
        }
        await _portLock.WaitAsync(ct);
        try
        {
            var others = store.PublishedPorts().Where(p => p.ContainerId != containerId).Select(p => p.Port).ToList();
            IReadOnlyList<PublishedPort> ports;
            try
            {
                var first = PortPlanner.EphemeralStart + System.Security.Cryptography.RandomNumberGenerator.GetInt32(PortPlanner.EphemeralEnd - PortPlanner.EphemeralStart);
                ports = PortPlanner.Allocate(requests, containerIp,
                    (protocol, hostIp, port) => !others.Any(o => o.Protocol == protocol && o.HostPort == port && HostIpsOverlap(o.HostIp ?? "", hostIp))
                        && _reservations.TryReserve(containerId, protocol, hostIp, port),
                    first);
                store.SetPublishedPorts(containerId, ports);
            }
            catch (SqliteException e) when (e.SqliteErrorCode == 19)
            {
                _reservations.Release(containerId);
                throw new ConflictException("port is already allocated");
            }
            catch
            {
                _reservations.Release(containerId);
                throw;
            }
            try
            {
                await ApplyFirewallAsync(ct);
            }
            catch
            {
                store.RemovePublishedPorts(containerId);
                _reservations.Release(containerId);
                throw;
            }
            return ports;
        }
        finally
        {
            _portLock.Release();
        }
    }

    /// <summary>Drops a container's published ports, releases their host ports and applies the firewall.</summary>
    public async Task UnpublishAsync(string containerId, CancellationToken ct = default)
    {
        _reservations.Release(containerId);
        if (store.RemovePublishedPorts(containerId))
        {
            await ApplyFirewallAsync(ct);
        }
    }

    /// <summary>The published ports of one container (empty when it publishes none or is not running).</summary>
    public IReadOnlyList<PublishedPort> PublishedPorts(string containerId) => store.PublishedPorts(containerId).Select(p => p.Port).ToList();

    /// <summary>Every published port, for the ruleset and for conflict checks.</summary>
    public IReadOnlyList<PublishedPort> PublishedPorts() => store.PublishedPorts().Select(p => p.Port).ToList();

    /// <summary>After a daemon restart: binds the host ports of running containers again and drops the ports of every other container.</summary>
    public async Task ReconcilePortsAsync(IReadOnlySet<string> runningContainers, CancellationToken ct = default)
    {
        var changed = false;
        foreach (var group in store.PublishedPorts().GroupBy(p => p.ContainerId))
        {
            if (runningContainers.Contains(group.Key))
            {
                foreach (var (_, port) in group)
                {
                    _reservations.Restore(group.Key, port);
                }
            }
            else
            {
                _reservations.Release(group.Key);
                changed |= store.RemovePublishedPorts(group.Key);
            }
        }
        if (changed)
        {
            await ApplyFirewallAsync(ct);
        }
    }

    private static bool HostIpsOverlap(string a, string b) => a.Length == 0 || b.Length == 0 || a == b;
}
