using System.Globalization;
using System.Net;

namespace Wharf.Engine.Networks.Dns;

/// <summary>
/// The names of containers on DNS-enabled networks and Docker's rules for answering them: a query from container C
/// sees the containers on every DNS-enabled network C is attached to (the network the query arrived on first), names
/// match case-insensitively, as <c>name</c>, <c>name.network</c> or <c>name.&lt;search domain&gt;</c>; PTR answers
/// <c>name.network</c> for container addresses. Thread-safe; lookups are in-memory and bounded.
/// </summary>
public sealed class DnsRecordTable
{
    /// <summary>TTL of local answers (Docker's value).</summary>
    public const uint Ttl = 600;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Dictionary<string, DnsContainerEntry>> _networks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _enabled = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, string>> _links = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<IPAddress>> _externalServers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _noExternalAccess = new(StringComparer.Ordinal);

    /// <summary>Makes a network's records resolvable; <paramref name="networkName"/> enables <c>container.network</c> names.</summary>
    public void EnableNetwork(string networkId, string? networkName)
    {
        lock (_lock)
        {
            _enabled[networkId] = (networkName ?? "").ToLowerInvariant();
        }
    }

    /// <summary>Sets the name of an enabled network (for <c>container.network</c> and PTR answers); no-op when not enabled.</summary>
    public void NameNetwork(string networkId, string networkName)
    {
        lock (_lock)
        {
            if (_enabled.ContainsKey(networkId))
            {
                _enabled[networkId] = networkName.ToLowerInvariant();
            }
        }
    }

    /// <summary>Stops answering for a network and forgets its records.</summary>
    public void DisableNetwork(string networkId)
    {
        lock (_lock)
        {
            _enabled.Remove(networkId);
            _networks.Remove(networkId);
        }
    }

    /// <summary>Adds or replaces a container's names and addresses on a network.</summary>
    public void Set(string networkId, string containerId, IReadOnlyList<string> names, IPAddress? ipv4, IPAddress? ipv6)
    {
        var clean = names.Where(n => !string.IsNullOrWhiteSpace(n))
            .Select(Normalize)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        lock (_lock)
        {
            if (!_networks.TryGetValue(networkId, out var containers))
            {
                _networks[networkId] = containers = new Dictionary<string, DnsContainerEntry>(StringComparer.Ordinal);
            }
            containers[containerId] = new DnsContainerEntry(containerId, clean, ipv4, ipv6);
        }
    }

    /// <summary>Removes a container's records on a network (no-op when absent); its links and external servers go with its last records.</summary>
    public void Remove(string networkId, string containerId)
    {
        lock (_lock)
        {
            if (_networks.TryGetValue(networkId, out var containers))
            {
                containers.Remove(containerId);
            }
            // Per-container settings live as long as the container has records somewhere.
            if (!_networks.Values.Any(c => c.ContainsKey(containerId)))
            {
                _links.Remove(containerId);
                _externalServers.Remove(containerId);
                _noExternalAccess.Remove(containerId);
            }
        }
    }

    /// <summary>
    /// Sets the <c>--link</c> aliases a container sees on user-defined networks (alias → container name), as Docker
    /// resolves them for that container only; an empty map clears them.
    /// </summary>
    public void SetLinks(string containerId, IReadOnlyDictionary<string, string> aliasToName)
    {
        lock (_lock)
        {
            if (aliasToName.Count == 0)
            {
                _links.Remove(containerId);
                return;
            }
            _links[containerId] = aliasToName.ToDictionary(p => Normalize(p.Key), p => Normalize(p.Value), StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// Sets the nameservers a container's unknown names are forwarded to instead of the host's (<c>--dns</c> on a
    /// user-defined network, Docker's "ExtServers"); an empty list restores the host's.
    /// </summary>
    public void SetExternalServers(string containerId, IReadOnlyList<IPAddress> servers)
    {
        lock (_lock)
        {
            if (servers.Count == 0)
            {
                _externalServers.Remove(containerId);
                return;
            }
            _externalServers[containerId] = [.. servers];
        }
    }

    /// <summary>
    /// Records whether a container reaches outside (has an endpoint on a network that is not <c>--internal</c>). Without
    /// it, Docker's resolver does not forward the container's unknown names from the host (its "proxyDNS" off).
    /// </summary>
    public void SetExternalAccess(string containerId, bool access)
    {
        lock (_lock)
        {
            if (access)
            {
                _noExternalAccess.Remove(containerId);
            }
            else
            {
                _noExternalAccess.Add(containerId);
            }
        }
    }

    /// <summary>Whether unknown names of the container that sent from <paramref name="source"/> on a network may be forwarded upstream.</summary>
    public bool MayForward(string networkId, IPAddress source)
    {
        lock (_lock)
        {
            var sender = _networks.TryGetValue(networkId, out var here) ? here.Values.FirstOrDefault(e => e.Has(source)) : null;
            return sender is null || !_noExternalAccess.Contains(sender.ContainerId);
        }
    }

    /// <summary>The external servers of the container that sent from <paramref name="source"/> on a network, or null for the host's.</summary>
    public IReadOnlyList<IPAddress>? ExternalServersFor(string networkId, IPAddress source)
    {
        lock (_lock)
        {
            var sender = _networks.TryGetValue(networkId, out var here) ? here.Values.FirstOrDefault(e => e.Has(source)) : null;
            return sender is not null && _externalServers.TryGetValue(sender.ContainerId, out var servers) ? servers : null;
        }
    }

    /// <summary>The entries of a network (for inspection and tests).</summary>
    public IReadOnlyList<DnsContainerEntry> Entries(string networkId)
    {
        lock (_lock)
        {
            return _networks.TryGetValue(networkId, out var containers) ? [.. containers.Values] : [];
        }
    }

    /// <summary>Answers <paramref name="question"/> for a query that arrived on <paramref name="networkId"/> from <paramref name="source"/>.</summary>
    public DnsLookupResult Lookup(string networkId, IPAddress source, DnsQuestion question, IReadOnlyList<string> searchDomains)
    {
        if (question.Class != DnsQuestion.ClassInternet)
        {
            return DnsLookupResult.NotLocal;
        }
        lock (_lock)
        {
            var scope = Scope(networkId, source, out var sender);
            if (scope.Count == 0)
            {
                return DnsLookupResult.NotLocal;
            }
            return question.Type == DnsRecordType.PTR
                ? LookupPointer(scope, question)
                : LookupName(scope, sender, question, searchDomains);
        }
    }

    /// <summary>Lower-cases and drops the trailing dot.</summary>
    public static string Normalize(string name) => name.TrimEnd('.').ToLowerInvariant();

    /// <summary>The address a reverse-lookup name (<c>d.c.b.a.in-addr.arpa</c> or nibble <c>ip6.arpa</c>) stands for.</summary>
    public static IPAddress? ParseReverseName(string name)
    {
        var normalized = Normalize(name);
        if (normalized.EndsWith(".in-addr.arpa", StringComparison.Ordinal))
        {
            var parts = normalized[..^".in-addr.arpa".Length].Split('.');
            if (parts.Length != 4)
            {
                return null;
            }
            var bytes = new byte[4];
            for (var i = 0; i < 4; i++)
            {
                if (!byte.TryParse(parts[3 - i], NumberStyles.None, CultureInfo.InvariantCulture, out bytes[i]))
                {
                    return null;
                }
            }
            return new IPAddress(bytes);
        }
        if (normalized.EndsWith(".ip6.arpa", StringComparison.Ordinal))
        {
            var nibbles = normalized[..^".ip6.arpa".Length].Split('.');
            if (nibbles.Length != 32 || nibbles.Any(n => n.Length != 1 || !char.IsAsciiHexDigit(n[0])))
            {
                return null;
            }
            var bytes = new byte[16];
            for (var i = 0; i < 16; i++)
            {
                bytes[i] = (byte)((Convert.ToInt32(nibbles[31 - (2 * i)], 16) << 4) | Convert.ToInt32(nibbles[30 - (2 * i)], 16));
            }
            return new IPAddress(bytes);
        }
        return null;
    }

    private List<string> Scope(string networkId, IPAddress source, out DnsContainerEntry? sender)
    {
        sender = null;
        if (!_enabled.ContainsKey(networkId))
        {
            return [];
        }
        var scope = new List<string> { networkId };
        sender = _networks.TryGetValue(networkId, out var here)
            ? here.Values.FirstOrDefault(e => e.Has(source))
            : null;
        if (sender is null)
        {
            return scope;
        }
        foreach (var (otherId, containers) in _networks)
        {
            if (otherId != networkId && _enabled.ContainsKey(otherId) && containers.ContainsKey(sender.ContainerId))
            {
                scope.Add(otherId);
            }
        }
        return scope;
    }

    private DnsLookupResult LookupName(List<string> scope, DnsContainerEntry? sender, DnsQuestion question, IReadOnlyList<string> searchDomains)
    {
        var name = Normalize(question.Name);
        if (name.Length == 0)
        {
            return DnsLookupResult.NotLocal;
        }
        if (sender is not null && _links.TryGetValue(sender.ContainerId, out var links) && links.TryGetValue(name, out var linked))
        {
            name = linked;
        }
        var matches = Find(scope, name);
        if (matches.Count == 0)
        {
            // name.network: the suffix picks the network, Docker's "a.b in network c.d" rule.
            for (var dot = name.IndexOf('.'); dot > 0 && matches.Count == 0; dot = name.IndexOf('.', dot + 1))
            {
                var suffix = name[(dot + 1)..];
                var network = scope.FirstOrDefault(id => _enabled[id].Length > 0 && _enabled[id] == suffix);
                if (network is not null)
                {
                    matches = Find([network], name[..dot]);
                }
            }
        }
        foreach (var domain in searchDomains)
        {
            if (matches.Count > 0)
            {
                break;
            }
            var suffix = "." + Normalize(domain);
            if (suffix.Length > 1 && name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length)
            {
                matches = Find(scope, name[..^suffix.Length]);
            }
        }
        if (matches.Count == 0)
        {
            return DnsLookupResult.NotLocal;
        }
        var answers = new List<DnsResourceRecord>();
        foreach (var entry in matches)
        {
            var address = question.Type switch
            {
                DnsRecordType.A => entry.IPv4,
                DnsRecordType.AAAA => entry.IPv6,
                DnsRecordType.ANY => entry.IPv4 ?? entry.IPv6,
                _ => null,
            };
            if (address is not null)
            {
                answers.Add(DnsResourceRecord.ForAddress(question.Name, address, Ttl));
            }
        }
        // Round-robin between containers sharing an alias, as Docker shuffles them.
        if (answers.Count > 1)
        {
            var shift = Random.Shared.Next(answers.Count);
            answers = [.. answers.Skip(shift), .. answers.Take(shift)];
        }
        return new DnsLookupResult(true, answers);
    }

    private List<DnsContainerEntry> Find(List<string> scope, string name)
    {
        foreach (var networkId in scope)
        {
            if (_networks.TryGetValue(networkId, out var containers))
            {
                var found = containers.Values.Where(e => e.Names.Contains(name)).ToList();
                if (found.Count > 0)
                {
                    return found;
                }
            }
        }
        return [];
    }

    private DnsLookupResult LookupPointer(List<string> scope, DnsQuestion question)
    {
        var address = ParseReverseName(question.Name);
        if (address is null)
        {
            return DnsLookupResult.NotLocal;
        }
        foreach (var networkId in scope)
        {
            if (!_networks.TryGetValue(networkId, out var containers))
            {
                continue;
            }
            var entry = containers.Values.FirstOrDefault(e => e.Names.Count > 0 && e.Has(address));
            if (entry is not null)
            {
                var network = _enabled[networkId];
                var target = network.Length > 0 ? $"{entry.Names[0]}.{network}" : entry.Names[0];
                return new DnsLookupResult(true,
                    [new DnsResourceRecord { Name = question.Name, Type = DnsRecordType.PTR, Ttl = Ttl, Target = target }]);
            }
        }
        return DnsLookupResult.NotLocal;
    }
}
