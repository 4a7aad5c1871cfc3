using System.Net;
using System.Net.Sockets;
using Wharf.Engine.Networks.Dns;

namespace Wharf.Engine.Tests.Networks.Dns;

/// <summary>
/// A test resolver on 127.0.0.1 (UDP and TCP, one port): answers every A query with <see cref="Answer"/>, or stays
/// silent when <see cref="Silent"/>, counting what it saw.
/// </summary>
internal sealed class FakeUpstream : IAsyncDisposable
{
    public static readonly IPAddress Answer = IPAddress.Parse("192.0.2.99");
    private readonly Socket _udp;
    private readonly TcpListener _tcp;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _udpLoop;
    private readonly Task _tcpLoop;
    private int _udpQueries;
    private int _tcpQueries;

    public FakeUpstream(bool silent = false)
    {
        Silent = silent;
        (_udp, _tcp) = BindPair();
        Port = ((IPEndPoint)_udp.LocalEndPoint!).Port;
        _udpLoop = Task.Run(ServeUdpAsync);
        _tcpLoop = Task.Run(ServeTcpAsync);
    }

    public int Port { get; }

    /// <summary>An ephemeral UDP port whose number is free for TCP too (another test may hold that TCP port: pick again).</summary>
    private static (Socket Udp, TcpListener Tcp) BindPair()
    {
        for (var attempt = 0; ; attempt++)
        {
            var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var tcp = new TcpListener(IPAddress.Loopback, ((IPEndPoint)udp.LocalEndPoint!).Port);
            try
            {
                tcp.Start();
                return (udp, tcp);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse && attempt < 50)
            {
                udp.Dispose();
            }
        }
    }

    public bool Silent { get; }

    public int UdpQueries => Volatile.Read(ref _udpQueries);

    public int TcpQueries => Volatile.Read(ref _tcpQueries);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _udp.Dispose();
        _tcp.Stop();
        await Task.WhenAll(_udpLoop, _tcpLoop).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private static byte[] Respond(byte[] query)
    {
        var request = DnsMessage.Parse(query);
        return new DnsMessage
        {
            Header = new DnsHeader { Id = request.Header.Id, IsResponse = true, RecursionDesired = true, RecursionAvailable = true },
            Questions = request.Questions,
            Answers = [DnsResourceRecord.ForAddress(request.Questions[0].Name, Answer, 30)],
        }.ToBytes();
    }

    private async Task ServeUdpAsync()
    {
        var buffer = new byte[4096];
        while (!_stop.IsCancellationRequested)
        {
            var received = await _udp.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), _stop.Token);
            Interlocked.Increment(ref _udpQueries);
            if (!Silent)
            {
                await _udp.SendToAsync(Respond(buffer[..received.ReceivedBytes]), SocketFlags.None, received.RemoteEndPoint, _stop.Token);
            }
        }
    }

    private async Task ServeTcpAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using var client = await _tcp.AcceptTcpClientAsync(_stop.Token);
            await using var stream = client.GetStream();
            var query = await DnsTcpFraming.ReadAsync(stream, _stop.Token);
            Interlocked.Increment(ref _tcpQueries);
            if (query is not null && !Silent)
            {
                await DnsTcpFraming.WriteAsync(stream, Respond(query), _stop.Token);
            }
        }
    }
}
