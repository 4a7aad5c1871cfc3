using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Wharf.Core.Errors;

namespace Wharf.Core.Networking;

/// <summary>
/// Docker's port notation (go-connections <c>nat</c>): <c>-p [ip:][hostPort:]containerPort[/proto]</c> with ranges,
/// and <c>EXPOSE</c>/<c>ExposedPorts</c> keys like <c>80/tcp</c>.
/// </summary>
public static class PortSpecs
{
    /// <summary>Parses one <c>-p</c> value into one mapping per container port. Throws <see cref="InvalidArgumentException"/> with Docker's wording.</summary>
    public static IReadOnlyList<PortMapping> ParsePortSpec(string raw)
    {
        var (ip, hostPort, containerPart) = SplitParts(raw);
        var (proto, containerPort) = SplitProtoPort(containerPart);
        if (containerPort.Length == 0)
        {
            throw new InvalidArgumentException($"no port specified: {raw}<empty>");
        }
        proto = proto.ToLowerInvariant();
        ValidateProto(proto);

        if (ip.Length > 0 && ip[0] == '[')
        {
            if (ip[^1] != ']')
            {
                throw new InvalidArgumentException($"invalid IP address {ip}: address {ip}: missing ']' in address");
            }
            ip = ip[1..^1];
        }
        if (ip.Length > 0 && !IsIp(ip))
        {
            throw new InvalidArgumentException("invalid IP address: " + ip);
        }

        if (!TryParseRange(containerPort, out var start, out var end, out _))
        {
            throw new InvalidArgumentException("invalid containerPort: " + containerPort);
        }
        int hostStart = 0, hostEnd = 0;
        if (hostPort.Length > 0)
        {
            if (!TryParseRange(hostPort, out hostStart, out hostEnd, out _))
            {
                throw new InvalidArgumentException("invalid hostPort: " + hostPort);
            }
            // A host range for a single container port is the pool to allocate from.
            if (end - start != hostEnd - hostStart && end != start)
            {
                throw new InvalidArgumentException($"invalid ranges specified for container and host Ports: {containerPort} and {hostPort}");
            }
        }

        var count = end - start + 1;
        var result = new List<PortMapping>(count);
        for (var i = 0; i < count; i++)
        {
            var published = "";
            if (hostPort.Length > 0)
            {
                published = (hostStart + i).ToString(CultureInfo.InvariantCulture);
                if (count == 1 && hostStart != hostEnd)
                {
                    published += "-" + hostEnd.ToString(CultureInfo.InvariantCulture);
                }
            }
            result.Add(new PortMapping((start + i).ToString(CultureInfo.InvariantCulture) + "/" + proto, ip, published));
        }
        return result;
    }

    /// <summary>
    /// Parses several <c>-p</c> values into the exposed ports (in first-seen order) and the bindings per port,
    /// as Docker's <c>ParsePortSpecs</c>.
    /// </summary>
    public static (IReadOnlyList<string> ExposedPorts, IReadOnlyDictionary<string, IReadOnlyList<PortMapping>> Bindings) ParsePortSpecs(IEnumerable<string> specs)
    {
        var exposed = new List<string>();
        var bindings = new Dictionary<string, List<PortMapping>>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            foreach (var mapping in ParsePortSpec(spec))
            {
                if (!bindings.TryGetValue(mapping.Port, out var list))
                {
                    bindings[mapping.Port] = list = [];
                    exposed.Add(mapping.Port);
                }
                list.Add(mapping);
            }
        }
        return (exposed, bindings.ToDictionary(p => p.Key, p => (IReadOnlyList<PortMapping>)p.Value, StringComparer.Ordinal));
    }

    /// <summary>
    /// The <c>ExposedPorts</c> keys for <c>EXPOSE</c>/<c>--expose</c> values such as <c>80</c>, <c>53/udp</c>, <c>8000-8002/tcp</c>
    /// (a range gives one key per port). Throws <see cref="InvalidArgumentException"/>.
    /// </summary>
    public static IReadOnlyList<string> ParseExposed(string value)
    {
        if (value.Contains(':'))
        {
            throw new InvalidArgumentException($"invalid port format for --expose: {value}");
        }
        var (proto, port) = SplitProtoPort(value);
        if (!TryParseRange(port, out var start, out var end, out var error))
        {
            throw new InvalidArgumentException($"invalid range format for --expose: {value}, error: {error}");
        }
        var result = new List<string>(end - start + 1);
        for (var p = start; p <= end; p++)
        {
            result.Add(p.ToString(CultureInfo.InvariantCulture) + "/" + proto);
        }
        return result;
    }

    /// <summary>Splits <c>port[/proto]</c>; the protocol defaults to <c>tcp</c>; both empty when no port is given.</summary>
    public static (string Proto, string Port) SplitProtoPort(string raw)
    {
        var slash = raw.IndexOf('/', StringComparison.Ordinal);
        var port = slash >= 0 ? raw[..slash] : raw;
        var proto = slash >= 0 ? raw[(slash + 1)..] : "";
        if (port.Length == 0)
        {
            return ("", "");
        }
        return (proto.Length == 0 ? "tcp" : proto, port);
    }

    /// <summary>Parses <c>start[-end]</c> port ranges within 0–65535 without throwing.</summary>
    public static bool TryParseRange(string ports, out int start, out int end, out string error)
    {
        start = end = 0;
        if (ports.Length == 0)
        {
            error = "empty string specified for ports";
            return false;
        }
        var dash = ports.IndexOf('-', StringComparison.Ordinal);
        var startText = dash >= 0 ? ports[..dash] : ports;
        var endText = dash >= 0 ? ports[(dash + 1)..] : "";
        if (!TryParsePort(startText, out start, out error))
        {
            error = $"invalid start port '{startText}': {error}";
            return false;
        }
        if (dash < 0 || startText == endText)
        {
            end = start;
            return true;
        }
        if (!TryParsePort(endText, out end, out error))
        {
            error = $"invalid end port '{endText}': {error}";
            return false;
        }
        if (end < start)
        {
            error = "invalid port range: " + ports;
            return false;
        }
        return true;
    }

    private static bool TryParsePort(string text, out int port, out string error)
    {
        port = 0;
        if (text.Length == 0)
        {
            error = "value is empty";
            return false;
        }
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            error = "invalid syntax";
            return false;
        }
        if (value is < 0 or > 65535)
        {
            error = "value out of range (0–65535)";
            return false;
        }
        port = (int)value;
        error = "";
        return true;
    }

    private static void ValidateProto(string proto)
    {
        if (proto is not ("tcp" or "udp" or "sctp"))
        {
            throw new InvalidArgumentException("invalid proto: " + proto);
        }
    }

    private static (string Ip, string HostPort, string ContainerPort) SplitParts(string raw)
    {
        var parts = raw.Split(':');
        return parts.Length switch
        {
            1 => ("", "", parts[0]),
            2 => ("", parts[0], parts[1]),
            3 => (parts[0], parts[1], parts[2]),
            var n => (string.Join(':', parts[..(n - 2)]), parts[n - 2], parts[n - 1]),
        };
    }

    // Go's net.ParseIP: dotted-quad IPv4 without leading zeros, or IPv6 without a zone.
    private static bool IsIp(string text)
    {
        if (text.Contains(':'))
        {
            return !text.Contains('%') && IPAddress.TryParse(text, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6;
        }
        var octets = text.Split('.');
        if (octets.Length != 4)
        {
            return false;
        }
        foreach (var octet in octets)
        {
            if (octet.Length is 0 or > 3 || !octet.All(char.IsAsciiDigit) || (octet.Length > 1 && octet[0] == '0') || int.Parse(octet, CultureInfo.InvariantCulture) > 255)
            {
                return false;
            }
        }
        return true;
    }
}
