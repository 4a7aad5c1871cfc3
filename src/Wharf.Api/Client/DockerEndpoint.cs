using System.Globalization;
using Wharf.Core.Errors;

namespace Wharf.Api.Client;

/// <summary>Where a daemon listens: <c>unix:///run/wharf/wharf.sock</c> or <c>tcp://host:port</c>, as <c>-H</c> and <c>DOCKER_HOST</c> spell it.</summary>
public sealed record DockerEndpoint
{
    /// <summary>The socket wharfd listens on by default.</summary>
    public const string DefaultUnixSocket = "/run/wharf/wharf.sock";

    /// <summary>The port used for <c>tcp://host</c> without one (Docker's unencrypted port).</summary>
    public const int DefaultTcpPort = 2375;

    private DockerEndpoint(string scheme, string? socketPath, string? host, int port)
    {
        Scheme = scheme;
        SocketPath = socketPath;
        Host = host;
        Port = port;
    }

    /// <summary>The default endpoint, <c>unix:///run/wharf/wharf.sock</c>.</summary>
    public static DockerEndpoint Default { get; } = Unix(DefaultUnixSocket);

    /// <summary><c>unix</c> or <c>tcp</c>.</summary>
    public string Scheme { get; }

    /// <summary>The unix socket path, for <c>unix://</c> endpoints.</summary>
    public string? SocketPath { get; }

    /// <summary>The host name or address, for <c>tcp://</c> endpoints.</summary>
    public string? Host { get; }

    /// <summary>The TCP port, for <c>tcp://</c> endpoints.</summary>
    public int Port { get; }

    /// <summary>True for a unix socket endpoint.</summary>
    public bool IsUnix => Scheme == "unix";

    /// <summary>A unix socket endpoint.</summary>
    public static DockerEndpoint Unix(string path) => new("unix", path, null, 0);

    /// <summary>A TCP endpoint.</summary>
    public static DockerEndpoint Tcp(string host, int port) => new("tcp", null, host, port);

    /// <summary>
    /// Parses <c>unix://PATH</c>, <c>tcp://HOST[:PORT]</c>, <c>HOST:PORT</c> or <c>:PORT</c> (loopback);
    /// an empty value is the default endpoint. Throws <see cref="InvalidArgumentException"/> for anything else.
    /// </summary>
    public static DockerEndpoint Parse(string value)
    {
        var text = value.Trim();
        if (text.Length == 0)
        {
            return Default;
        }
        if (text.StartsWith("unix://", StringComparison.Ordinal))
        {
            var path = text["unix://".Length..];
            return Unix(path.Length == 0 ? DefaultUnixSocket : path);
        }
        if (text.StartsWith("tcp://", StringComparison.Ordinal))
        {
            return ParseHostPort(text["tcp://".Length..], value);
        }
        if (text.Contains("://", StringComparison.Ordinal))
        {
            throw new InvalidArgumentException($"Invalid bind address format: {value}");
        }
        return ParseHostPort(text, value);
    }

    private static DockerEndpoint ParseHostPort(string hostPort, string original)
    {
        var slash = hostPort.IndexOf('/');
        if (slash >= 0)
        {
            var rest = hostPort[slash..];
            if (rest != "/")
            {
                throw new InvalidArgumentException($"invalid bind address ({original}): should not contain a path element");
            }
            hostPort = hostPort[..slash];
        }
        string host;
        string? portText = null;
        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']');
            if (close < 0)
            {
                throw new InvalidArgumentException($"Invalid bind address format: {original}");
            }
            host = hostPort[1..close];
            var after = hostPort[(close + 1)..];
            if (after.StartsWith(':'))
            {
                portText = after[1..];
            }
            else if (after.Length > 0)
            {
                throw new InvalidArgumentException($"Invalid bind address format: {original}");
            }
        }
        else
        {
            var colon = hostPort.LastIndexOf(':');
            host = colon < 0 ? hostPort : hostPort[..colon];
            portText = colon < 0 ? null : hostPort[(colon + 1)..];
        }
        if (host.Length == 0)
        {
            host = "127.0.0.1";
        }
        var port = DefaultTcpPort;
        if (!string.IsNullOrEmpty(portText))
        {
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is <= 0 or > 65535)
            {
                throw new InvalidArgumentException($"Invalid bind address format: {original}");
            }
        }
        return Tcp(host, port);
    }

    /// <summary>The canonical form, e.g. <c>unix:///run/wharf/wharf.sock</c> or <c>tcp://127.0.0.1:2375</c>.</summary>
    public override string ToString() => IsUnix
        ? "unix://" + SocketPath
        : "tcp://" + (Host!.Contains(':') ? "[" + Host + "]" : Host) + ":" + Port.ToString(CultureInfo.InvariantCulture);
}
