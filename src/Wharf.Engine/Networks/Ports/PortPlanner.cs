using System.Globalization;
using Wharf.Core.Errors;
using Wharf.Engine.Networks.Linux;

namespace Wharf.Engine.Networks.Ports;

/// <summary>
/// Published-port logic without side effects: turns <c>PortBindings</c> and <c>PublishAllPorts</c> into requests and
/// requests into concrete host ports, asking a reservation callback (a real <c>bind()</c> in the daemon) for each candidate.
/// </summary>
public static class PortPlanner
{
    /// <summary>Docker's ephemeral port range (Linux <c>ip_local_port_range</c> default upper part).</summary>
    public const int EphemeralStart = 32768;

    /// <summary>Last ephemeral port.</summary>
    public const int EphemeralEnd = 60999;

    /// <summary>
    /// The requests of a container: each binding of <paramref name="bindings"/>, plus (with <paramref name="publishAll"/>) one
    /// ephemeral binding for each exposed port that has none. Keys and host ports are validated with Docker's messages.
    /// </summary>
    public static IReadOnlyList<PortRequest> Requests(IReadOnlyDictionary<string, IReadOnlyList<PortBindingRequest>>? bindings, bool publishAll,
        IReadOnlyList<string>? exposed)
    {
        var result = new List<PortRequest>();
        var bound = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, list) in (bindings ?? new Dictionary<string, IReadOnlyList<PortBindingRequest>>()).OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            var (protocol, port) = ParseKey(key);
            bound.Add($"{port}/{protocol}");
            foreach (var binding in list.Count == 0 ? [new PortBindingRequest()] : list)
            {
                var (start, end) = ParseHostPort(binding.HostPort);
                result.Add(new PortRequest(protocol, port, NormalizeHostIp(binding.HostIp), start, end));
            }
        }
        if (publishAll)
        {
            foreach (var key in exposed ?? [])
            {
                var (protocol, port) = ParseKey(key);
                if (bound.Add($"{port}/{protocol}"))
                {
                    result.Add(new PortRequest(protocol, port, "", 0, 0));
                }
            }
        }
        return result;
    }

    /// <summary>
    /// Picks host ports. Fixed ports must be reservable (else Docker's <c>Bind for IP:PORT failed: port is already allocated</c>);
    /// ephemeral ones are searched from <paramref name="firstCandidate"/> (wrapping) through the ephemeral range.
    /// <paramref name="tryReserve"/> (protocol, host IP or "", port) returns false when the port is taken.
    /// </summary>
    public static IReadOnlyList<PublishedPort> Allocate(IReadOnlyList<PortRequest> requests, string containerIp, Func<string, string, int, bool> tryReserve,
        int firstCandidate = EphemeralStart)
    {
        var result = new List<PublishedPort>();
        foreach (var request in requests)
        {
            var hostPort = 0;
            if (request.HostPortStart == 0)
            {
                var span = EphemeralEnd - EphemeralStart + 1;
                var offset = Math.Clamp(firstCandidate, EphemeralStart, EphemeralEnd) - EphemeralStart;
                for (var i = 0; i < span && hostPort == 0; i++)
                {
                    var candidate = EphemeralStart + ((offset + i) % span);
                    if (tryReserve(request.Protocol, request.HostIp, candidate))
                    {
                        hostPort = candidate;
                    }
                }
                if (hostPort == 0)
                {
                    throw new UnavailableException($"Bind for {ShownIp(request.HostIp)}:0 failed: all ports in the ephemeral range {EphemeralStart}-{EphemeralEnd} are allocated");
                }
            }
            else
            {
                for (var candidate = request.HostPortStart; candidate <= request.HostPortEnd && hostPort == 0; candidate++)
                {
                    if (tryReserve(request.Protocol, request.HostIp, candidate))
                    {
                        hostPort = candidate;
                    }
                }
                if (hostPort == 0)
                {
                    var shown = request.HostPortStart == request.HostPortEnd
                        ? request.HostPortStart.ToString(CultureInfo.InvariantCulture)
                        : $"{request.HostPortStart}-{request.HostPortEnd}";
                    throw new ConflictException($"Bind for {ShownIp(request.HostIp)}:{shown} failed: port is already allocated");
                }
            }
            result.Add(new PublishedPort(request.Protocol, request.HostIp.Length == 0 ? null : request.HostIp, hostPort, containerIp, request.ContainerPort));
        }
        return result;
    }

    /// <summary>Parses <c>80</c>, <c>80/tcp</c>, <c>53/udp</c>; Docker's <c>invalid port specification</c> otherwise.</summary>
    public static (string Protocol, int Port) ParseKey(string key)
    {
        var slash = key.IndexOf('/');
        var number = slash < 0 ? key : key[..slash];
        var protocol = slash < 0 ? "tcp" : key[(slash + 1)..].ToLowerInvariant();
        if (protocol is not ("tcp" or "udp" or "sctp"))
        {
            throw new InvalidArgumentException($"invalid proto: {protocol}");
        }
        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new InvalidArgumentException($"invalid port specification: \"{number}\"");
        }
        return (protocol, port);
    }

    /// <summary>Parses a host port: empty (ephemeral), <c>8080</c> or <c>8080-8090</c>.</summary>
    public static (int Start, int End) ParseHostPort(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return (0, 0);
        }
        var dash = text.IndexOf('-');
        var first = dash < 0 ? text : text[..dash];
        var last = dash < 0 ? text : text[(dash + 1)..];
        if (!int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var start) || start is < 0 or > 65535
            || !int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var end) || end is < 0 or > 65535 || end < start)
        {
            throw new InvalidArgumentException($"invalid hostPort: {text}");
        }
        return start == 0 ? (0, 0) : (start, end);
    }

    private static string NormalizeHostIp(string? hostIp)
    {
        if (string.IsNullOrEmpty(hostIp) || hostIp == "0.0.0.0")
        {
            return "";
        }
        if (hostIp.Contains(':', StringComparison.Ordinal))
        {
            throw new InvalidArgumentException($"invalid host IP {hostIp}: IPv6 port publishing is not supported");
        }
        return Ipam.Ipv4Address.TryParse(hostIp, out var value)
            ? Ipam.Ipv4Address.Format(value)
            : throw new InvalidArgumentException($"invalid IP address: {hostIp}");
    }

    private static string ShownIp(string hostIp) => hostIp.Length == 0 ? "0.0.0.0" : hostIp;
}
