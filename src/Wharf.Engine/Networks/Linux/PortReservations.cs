using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Wharf.Engine.Networks.Linux;

/// <summary>
/// Holds a bound socket for every published host port, as Docker's port mapper does: another process
/// (or another daemon) binding the port later fails, and a port some process already uses is refused at start. The
/// nftables DNAT rules take the traffic before it could reach these sockets.
/// </summary>
public sealed class PortReservations : IDisposable
{
    private readonly ConcurrentDictionary<(string Protocol, string HostIp, int Port), (string Owner, Socket? Socket)> _held = new();

    /// <summary>Binds <paramref name="hostIp"/> (empty = all IPv4 addresses):<paramref name="port"/> for <paramref name="owner"/>; false when the port is in use.</summary>
    public bool TryReserve(string owner, string protocol, string hostIp, int port)
    {
        var key = (protocol, hostIp, port);
        if (_held.ContainsKey(key))
        {
            return false;
        }
        Socket? socket = null;
        if (protocol is "tcp" or "udp")
        {
            socket = protocol == "tcp"
                ? new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)
                : new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, false);
                socket.Bind(new IPEndPoint(hostIp.Length == 0 ? IPAddress.Any : IPAddress.Parse(hostIp), port));
                if (protocol == "tcp")
                {
                    // .NET binds with SO_REUSEADDR; only a listening socket also stops other SO_REUSEADDR binds.
                    // Connections never reach it: every local address:port of a published port is DNATed first.
                    socket.Listen(1);
                }
            }
            catch (SocketException)
            {
                socket.Dispose();
                return false;
            }
        }
        if (!_held.TryAdd(key, (owner, socket)))
        {
            socket?.Dispose();
            return false;
        }
        return true;
    }

    /// <summary>Re-takes a port after a daemon restart; a port taken meanwhile by someone else stays published (best effort).</summary>
    public void Restore(string owner, PublishedPort port) => TryReserve(owner, port.Protocol, port.HostIp ?? "", port.HostPort);

    /// <summary>Releases every port of <paramref name="owner"/>.</summary>
    public void Release(string owner)
    {
        foreach (var (key, value) in _held)
        {
            if (value.Owner == owner && _held.TryRemove(key, out var removed))
            {
                removed.Socket?.Dispose();
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var key in _held.Keys)
        {
            if (_held.TryRemove(key, out var removed))
            {
                removed.Socket?.Dispose();
            }
        }
    }
}
