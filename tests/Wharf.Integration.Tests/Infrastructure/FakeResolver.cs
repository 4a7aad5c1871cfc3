using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Wharf.Integration.Tests.Infrastructure;

/// <summary>
/// A tiny DNS server on a random 127.x.y.z:53 (loopback only) that answers every A query with <see cref="Answer"/>
/// and everything else with an empty NOERROR, counting the queries it got.
/// </summary>
public sealed class FakeResolver : IAsyncDisposable
{
    /// <summary>The address every A query gets.</summary>
    public const string Answer = "198.51.100.77";

    private readonly UdpClient _socket;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _queries;

    private FakeResolver(UdpClient socket, string address)
    {
        _socket = socket;
        Address = address;
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The loopback address it listens on (port 53).</summary>
    public string Address { get; }

    /// <summary>How many queries arrived.</summary>
    public int Queries => Volatile.Read(ref _queries);

    /// <summary>Binds a free loopback address's port 53.</summary>
    public static FakeResolver Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var address = $"127.{RandomNumberGenerator.GetInt32(64, 250)}.{RandomNumberGenerator.GetInt32(1, 250)}.{RandomNumberGenerator.GetInt32(2, 250)}";
            try
            {
                return new FakeResolver(new UdpClient(new IPEndPoint(IPAddress.Parse(address), 53)), address);
            }
            catch (SocketException) when (attempt < 10)
            {
            }
        }
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            UdpReceiveResult received;
            try
            {
                received = await _socket.ReceiveAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            Interlocked.Increment(ref _queries);
            if (Reply(received.Buffer) is { } reply)
            {
                await _socket.SendAsync(reply, received.RemoteEndPoint);
            }
        }
    }

    // Header + the single question echoed, then one A record pointing back at the question's name (0xC00C).
    private static byte[]? Reply(byte[] query)
    {
        if (query.Length < 12)
        {
            return null;
        }
        var end = 12;
        while (end < query.Length && query[end] != 0)
        {
            end += query[end] + 1;
        }
        end += 5;
        if (end > query.Length)
        {
            return null;
        }
        var type = (query[end - 4] << 8) | query[end - 3];
        var answer = type == 1 ? IPAddress.Parse(Answer).GetAddressBytes() : null;
        var reply = new List<byte>(query[..end]);
        reply[2] = (byte)(0x80 | (query[2] & 0x01));
        reply[3] = 0x80;
        reply[6] = 0;
        reply[7] = (byte)(answer is null ? 0 : 1);
        reply[8] = reply[9] = reply[10] = reply[11] = 0;
        if (answer is not null)
        {
            reply.AddRange([0xC0, 0x0C, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, .. answer]);
        }
        return [.. reply];
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        await _loop;
        _stop.Dispose();
    }
}
