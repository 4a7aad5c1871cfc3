using System.Net;
using System.Net.Sockets;

namespace Wharf.Engine.Networks.Dns;

/// <summary>
/// The UDP and TCP listeners of one network, bound to its gateway address. Binding uses IP_FREEBIND, so it works
/// before the bridge carries the address. Work is bounded: a fixed number of queries and TCP connections in flight
/// (excess UDP queries are dropped, excess TCP connections closed), idle TCP connections time out.
/// </summary>
internal sealed class DnsNetworkListener : IAsyncDisposable
{
    private const int SolIp = 0;
    private const int IpFreebind = 15;
    private const int SolIpv6 = 41;
    private const int Ipv6Freebind = 78;

    private readonly string _networkId;
    private readonly DnsQueryHandler _handler;
    private readonly EmbeddedDnsOptions _options;
    private readonly Socket _udp;
    private readonly Socket _tcp;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _queries;
    private readonly SemaphoreSlim _connections;
    private readonly List<Task> _loops = [];
    private bool _stopped;

    private DnsNetworkListener(string networkId, IPEndPoint endpoint, DnsQueryHandler handler, EmbeddedDnsOptions options)
    {
        _networkId = networkId;
        _handler = handler;
        _options = options;
        Endpoint = endpoint;
        _queries = new SemaphoreSlim(options.MaxConcurrentQueries, options.MaxConcurrentQueries);
        _connections = new SemaphoreSlim(options.MaxTcpConnections, options.MaxTcpConnections);
        _udp = Bind(SocketType.Dgram, ProtocolType.Udp, endpoint);
        try
        {
            _tcp = Bind(SocketType.Stream, ProtocolType.Tcp, endpoint);
            _tcp.Listen(64);
        }
        catch
        {
            _udp.Dispose();
            throw;
        }
    }

    /// <summary>The address and port listened on.</summary>
    public IPEndPoint Endpoint { get; }

    /// <summary>Binds both sockets and starts serving; <see cref="SocketException"/> when the address cannot be bound.</summary>
    public static DnsNetworkListener Start(string networkId, IPEndPoint endpoint, DnsQueryHandler handler, EmbeddedDnsOptions options)
    {
        var listener = new DnsNetworkListener(networkId, endpoint, handler, options);
        listener._loops.Add(Task.Run(listener.ServeUdpAsync));
        listener._loops.Add(Task.Run(listener.ServeTcpAsync));
        return listener;
    }

    /// <summary>Closes both sockets at once (the port is free when this returns); the loops wind down on their own.</summary>
    public void Stop()
    {
        lock (_loops)
        {
            if (_stopped)
            {
                return;
            }
            _stopped = true;
        }
        _stop.Cancel();
        _udp.Dispose();
        _tcp.Dispose();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Stop();
        try
        {
            await Task.WhenAll(_loops).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private static Socket Bind(SocketType type, ProtocolType protocol, IPEndPoint endpoint)
    {
        var socket = new Socket(endpoint.AddressFamily, type, protocol);
        try
        {
            var v6 = endpoint.AddressFamily == AddressFamily.InterNetworkV6;
            socket.SetRawSocketOption(v6 ? SolIpv6 : SolIp, v6 ? Ipv6Freebind : IpFreebind, BitConverter.GetBytes(1));
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(endpoint);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task ServeUdpAsync()
    {
        var buffer = new byte[ushort.MaxValue];
        var any = new IPEndPoint(Endpoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        var ct = _stop.Token;
        while (!ct.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _udp.ReceiveFromAsync(buffer, SocketFlags.None, any, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException) when (!ct.IsCancellationRequested)
            {
                // ICMP errors from earlier replies surface here (ECONNREFUSED); the socket is still usable.
                continue;
            }
            catch (SocketException)
            {
                return;
            }
            if (!_queries.Wait(0))
            {
                continue;
            }
            var query = buffer.AsSpan(0, received.ReceivedBytes).ToArray();
            var client = (IPEndPoint)received.RemoteEndPoint;
            _ = AnswerUdpAsync(query, client, ct);
        }
    }

    private async Task AnswerUdpAsync(byte[] query, IPEndPoint client, CancellationToken ct)
    {
        try
        {
            var response = await _handler.HandleAsync(query, _networkId, Normalize(client.Address), tcp: false, ct).ConfigureAwait(false);
            if (response is not null)
            {
                await _udp.SendToAsync(response, SocketFlags.None, client, ct).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or DnsFormatException)
        {
            // The client retries; a failed reply must not stop the listener.
        }
        finally
        {
            _queries.Release();
        }
    }

    private async Task ServeTcpAsync()
    {
        var ct = _stop.Token;
        var connections = new List<Task>();
        while (!ct.IsCancellationRequested)
        {
            Socket connection;
            try
            {
                connection = await _tcp.AcceptAsync(ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                break;
            }
            if (!_connections.Wait(0))
            {
                connection.Dispose();
                continue;
            }
            connections.RemoveAll(t => t.IsCompleted);
            connections.Add(ServeConnectionAsync(connection, ct));
        }
        await Task.WhenAll(connections).ConfigureAwait(false);
    }

    private async Task ServeConnectionAsync(Socket connection, CancellationToken ct)
    {
        try
        {
            var client = Normalize(((IPEndPoint)connection.RemoteEndPoint!).Address);
            await using var stream = new NetworkStream(connection, ownsSocket: true);
            while (!ct.IsCancellationRequested)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
                idle.CancelAfter(_options.TcpIdleTimeout);
                var query = await DnsTcpFraming.ReadAsync(stream, idle.Token).ConfigureAwait(false);
                if (query is null)
                {
                    break;
                }
                var response = await _handler.HandleAsync(query, _networkId, client, tcp: true, ct).ConfigureAwait(false);
                if (response is null)
                {
                    break;
                }
                await DnsTcpFraming.WriteAsync(stream, response, idle.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException or DnsFormatException)
        {
        }
        finally
        {
            connection.Dispose();
            _connections.Release();
        }
    }

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
