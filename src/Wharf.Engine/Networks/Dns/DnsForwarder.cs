using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Wharf.Engine.Networks.Dns;

/// <summary>
/// Sends a query that no container name answers to the host's resolvers, from the daemon (which lives in the host's
/// network namespace, so loopback resolvers such as systemd-resolved's 127.0.0.53 work). Each upstream gets a bounded
/// time; the query goes out with a fresh random ID and the answer must carry it, so spoofed or stale replies are ignored.
/// </summary>
public sealed class DnsForwarder(EmbeddedDnsOptions options)
{
    private readonly Lock _lock = new();
    private ResolvConf _config = new();
    private DateTime _loadedStamp = DateTime.MinValue;
    private DateTime _checkedAt = DateTime.MinValue;

    /// <summary>The host's resolver configuration, re-read when the file changes (checked at most once a second).</summary>
    public ResolvConf HostConfig
    {
        get
        {
            lock (_lock)
            {
                var now = DateTime.UtcNow;
                if (now - _checkedAt >= TimeSpan.FromSeconds(1))
                {
                    _checkedAt = now;
                    var stamp = File.Exists(options.ResolvConfPath) ? File.GetLastWriteTimeUtc(options.ResolvConfPath) : DateTime.MinValue;
                    if (stamp != _loadedStamp)
                    {
                        _loadedStamp = stamp;
                        _config = ResolvConf.Load(options.ResolvConfPath);
                    }
                }
                return _config;
            }
        }
    }

    /// <summary>Upstream endpoints: the host's nameservers, minus <paramref name="exclude"/> (our own listeners).</summary>
    public IReadOnlyList<IPEndPoint> Upstreams(Func<IPAddress, bool> exclude) =>
        Upstreams(HostConfig.Nameservers
            .Select(s => IPAddress.TryParse(s.Split('%')[0], out var address) ? address : null)
            .OfType<IPAddress>(), exclude);

    /// <summary><paramref name="servers"/> as upstream endpoints, minus <paramref name="exclude"/>.</summary>
    public IReadOnlyList<IPEndPoint> Upstreams(IEnumerable<IPAddress> servers, Func<IPAddress, bool> exclude) =>
        servers.Where(a => !exclude(a)).Select(a => new IPEndPoint(a, options.UpstreamPort)).ToList();

    /// <summary>
    /// Forwards <paramref name="query"/> to each upstream in turn until one answers; null when none did. Over UDP a
    /// truncated answer is returned as is (the client retries over TCP); a TCP client's query goes upstream over TCP.
    /// </summary>
    public async Task<byte[]?> ForwardAsync(ReadOnlyMemory<byte> query, IReadOnlyList<IPEndPoint> upstreams, bool tcp, CancellationToken ct)
    {
        if (query.Length < 12)
        {
            return null;
        }
        var clientId = BinaryPrimitives.ReadUInt16BigEndian(query.Span);
        foreach (var upstream in upstreams.Take(options.MaxUpstreamAttempts))
        {
            var forwardId = (ushort)RandomNumberGenerator.GetInt32(ushort.MaxValue + 1);
            var copy = query.ToArray();
            BinaryPrimitives.WriteUInt16BigEndian(copy, forwardId);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.ForwardTimeout);
            try
            {
                var answer = tcp
                    ? await ExchangeTcpAsync(copy, upstream, forwardId, timeout.Token).ConfigureAwait(false)
                    : await ExchangeUdpAsync(copy, upstream, forwardId, timeout.Token).ConfigureAwait(false);
                if (answer is not null)
                {
                    BinaryPrimitives.WriteUInt16BigEndian(answer, clientId);
                    return answer;
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // This upstream timed out; try the next.
            }
            catch (SocketException)
            {
                // Unreachable or refused; try the next.
            }
            catch (IOException)
            {
            }
        }
        return null;
    }

    private static async Task<byte[]?> ExchangeUdpAsync(byte[] query, IPEndPoint upstream, ushort id, CancellationToken ct)
    {
        using var socket = new Socket(upstream.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        await socket.ConnectAsync(upstream, ct).ConfigureAwait(false);
        await socket.SendAsync(query, SocketFlags.None, ct).ConfigureAwait(false);
        var buffer = new byte[ushort.MaxValue];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, SocketFlags.None, ct).ConfigureAwait(false);
            if (received >= 12 && BinaryPrimitives.ReadUInt16BigEndian(buffer) == id && (buffer[2] & 0x80) != 0)
            {
                return buffer[..received];
            }
        }
    }

    private static async Task<byte[]?> ExchangeTcpAsync(byte[] query, IPEndPoint upstream, ushort id, CancellationToken ct)
    {
        using var socket = new Socket(upstream.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(upstream, ct).ConfigureAwait(false);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        await DnsTcpFraming.WriteAsync(stream, query, ct).ConfigureAwait(false);
        var answer = await DnsTcpFraming.ReadAsync(stream, ct).ConfigureAwait(false);
        return answer is { Length: >= 12 } && BinaryPrimitives.ReadUInt16BigEndian(answer) == id ? answer : null;
    }
}
