using System.Collections.Concurrent;
using Wharf.Engine.Networks.Linux;

namespace Wharf.Engine.Networks;

public sealed partial class NetworkService
{
    // The containers' configs are the source of truth for published ports; the container service registers the
    // ports of running containers again after a daemon restart, and the next apply rewrites the table from them.
    private readonly ConcurrentDictionary<string, IReadOnlyList<PublishedPort>> _published = new(StringComparer.Ordinal);

    /// <summary>Sets a container's published ports (replacing earlier ones) and applies the firewall. Host-port conflicts are checked by the caller.</summary>
    public async Task PublishAsync(string containerId, IReadOnlyList<PublishedPort> ports, CancellationToken ct = default)
    {
        if (ports.Count == 0)
        {
            await UnpublishAsync(containerId, ct);
            return;
        }
        _published[containerId] = ports;
        try
        {
            await ApplyFirewallAsync(ct);
        }
        catch
        {
            _published.TryRemove(containerId, out _);
            throw;
        }
    }

    /// <summary>Drops a container's published ports and applies the firewall.</summary>
    public async Task UnpublishAsync(string containerId, CancellationToken ct = default)
    {
        if (_published.TryRemove(containerId, out _))
        {
            await ApplyFirewallAsync(ct);
        }
    }

    /// <summary>Every published port, for the ruleset and for conflict checks.</summary>
    public IReadOnlyList<PublishedPort> PublishedPorts() =>
        _published.OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => p.Value).ToList();
}
