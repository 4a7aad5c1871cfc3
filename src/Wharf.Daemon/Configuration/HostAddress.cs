using System.Globalization;
using System.Net;

namespace Wharf.Daemon.Configuration;

/// <summary>A listen address: <c>unix://PATH</c> or <c>tcp://ADDR:PORT</c> (dockerd's <c>-H</c> syntax).</summary>
public sealed record HostAddress
{
    /// <summary>Port used when a <c>tcp://</c> address has none (dockerd's plain-TCP default).</summary>
    public const int DefaultTcpPort = 2375;

    /// <summary><c>unix</c> or <c>tcp</c>.</summary>
    public required string Scheme { get; init; }

    /// <summary>Socket path for <c>unix</c>.</summary>
    public string SocketPath { get; init; } = "";

    /// <summary>Address for <c>tcp</c>.</summary>
    public IPAddress? Address { get; init; }

    /// <summary>Port for <c>tcp</c>.</summary>
    public int Port { get; init; }

    /// <summary>Parses a <c>-H</c> value. Throws <see cref="DaemonUsageException"/> for anything else.</summary>
    public static HostAddress Parse(string text)
    {
        var value = text.Trim();
        if (value.StartsWith("unix://", StringComparison.Ordinal))
        {
            var path = value["unix://".Length..];
            if (path.Length == 0)
            {
                path = "/run/wharf/wharf.sock";
            }
            if (!path.StartsWith('/'))
            {
                throw new DaemonUsageException($"invalid bind address ({text}): unix socket path must be absolute");
            }
            return new HostAddress { Scheme = "unix", SocketPath = path };
        }
        if (value.StartsWith("tcp://", StringComparison.Ordinal))
        {
            var rest = value["tcp://".Length..].TrimEnd('/');
            string host;
            var port = DefaultTcpPort;
            if (rest.StartsWith('['))
            {
                var close = rest.IndexOf(']');
                if (close < 0)
                {
                    throw new DaemonUsageException($"invalid bind address ({text})");
                }
                host = rest[1..close];
                if (close + 1 < rest.Length)
                {
                    port = ParsePort(rest[(close + 2)..], text);
                }
            }
            else
            {
                var colon = rest.LastIndexOf(':');
                host = colon < 0 ? rest : rest[..colon];
                if (colon >= 0)
                {
                    port = ParsePort(rest[(colon + 1)..], text);
                }
            }
            IPAddress address;
            if (host.Length == 0 || host == "0.0.0.0")
            {
                address = IPAddress.Any;
            }
            else if (host == "localhost")
            {
                address = IPAddress.Loopback;
            }
            else if (!IPAddress.TryParse(host, out address!))
            {
                throw new DaemonUsageException($"invalid bind address ({text}): not an IP address");
            }
            return new HostAddress { Scheme = "tcp", Address = address, Port = port };
        }
        if (value.StartsWith("fd://", StringComparison.Ordinal))
        {
            throw new DaemonUsageException($"invalid bind address ({text}): fd:// (socket activation) is not supported");
        }
        throw new DaemonUsageException($"invalid bind address ({text}): unsupported protocol");
    }

    private static int ParsePort(string text, string whole) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? port
            : throw new DaemonUsageException($"invalid bind address ({whole}): invalid port");

    /// <inheritdoc />
    public override string ToString() => Scheme == "unix"
        ? "unix://" + SocketPath
        : Address!.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? $"tcp://[{Address}]:{Port}"
            : $"tcp://{Address}:{Port}";
}
