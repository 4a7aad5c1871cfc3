using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Wharf.Engine.Networks.Dns;

namespace Wharf.Engine.Tests.Networks.Dns;

/// <summary>The server over real sockets on loopback addresses (127.x.y.z are all local), with a fake upstream resolver.</summary>
public sealed class EmbeddedDnsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("wharf-dns-").FullName;
    private readonly IPAddress _gateway = IPAddress.Parse($"127.{RandomNumberGenerator.GetInt32(100, 200)}.{RandomNumberGenerator.GetInt32(1, 250)}.1");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private IPAddress Container(int host) => new([.. _gateway.GetAddressBytes()[..3], (byte)host]);

    private EmbeddedDns Server(string resolvConf, int upstreamPort = 53, TimeSpan? timeout = null)
    {
        var path = Path.Combine(_dir, "resolv.conf");
        File.WriteAllText(path, resolvConf);
        return new EmbeddedDns(new EmbeddedDnsOptions
        {
            Port = FreePort(),
            ResolvConfPath = path,
            UpstreamPort = upstreamPort,
            ForwardTimeout = timeout ?? TimeSpan.FromSeconds(2),
        });
    }

    [Fact]
    public async Task AnswersContainerNamesOverUdpAndTcpFromTheAskersNetworks()
    {
        await using var dns = Server("");
        await dns.AddNetworkAsync("front", _gateway, "frontnet");
        dns.AddRecords("front", "web-id", ["web", "0123456789ab"], Container(2), null);
        dns.AddRecords("front", "db-id", ["db", "database"], Container(3), null);
        dns.AddRecords("back", "web-id", ["web"], IPAddress.Parse("10.99.0.2"), null);
        dns.AddRecords("back", "cache-id", ["cache"], IPAddress.Parse("10.99.0.3"), null);
        await dns.AddNetworkAsync("back", Container(251), "backnet");

        var reply = await UdpQueryAsync(dns, "front", Container(2), "database", DnsRecordType.A);
        Assert.Equal(DnsResponseCode.NoError, reply.Header.ResponseCode);
        Assert.True(reply.Header.Authoritative);
        Assert.Equal(Container(3), Assert.Single(reply.Answers).Address);
        // web is on back too, so it sees cache there; db is not.
        Assert.Equal(IPAddress.Parse("10.99.0.3"), Assert.Single((await UdpQueryAsync(dns, "front", Container(2), "cache", DnsRecordType.A)).Answers).Address);
        Assert.Equal(DnsResponseCode.NameError, (await UdpQueryAsync(dns, "front", Container(3), "cache", DnsRecordType.A)).Header.ResponseCode);

        var tcp = await TcpQueryAsync(dns, "front", Container(3), "0123456789AB", DnsRecordType.A);
        Assert.Equal(Container(2), Assert.Single(tcp.Answers).Address);
        var ptr = await UdpQueryAsync(dns, "front", Container(2), Reverse(Container(3)), DnsRecordType.PTR);
        Assert.Equal("db.frontnet", Assert.Single(ptr.Answers).Target);
        var aaaa = await UdpQueryAsync(dns, "front", Container(2), "db", DnsRecordType.AAAA);
        Assert.Equal(DnsResponseCode.NoError, aaaa.Header.ResponseCode);
        Assert.Empty(aaaa.Answers);
    }

    [Fact]
    public async Task UnknownNamesAreNxdomainWithoutUpstreams()
    {
        await using var dns = Server("# nothing here\nsearch corp.test\n");
        await dns.AddNetworkAsync("n", _gateway);
        var reply = await UdpQueryAsync(dns, "n", Container(2), "nowhere.invalid", DnsRecordType.A);
        Assert.Equal(DnsResponseCode.NameError, reply.Header.ResponseCode);
        Assert.Equal("nowhere.invalid", Assert.Single(reply.Questions).Name);
    }

    [Fact]
    public async Task ForwardsUnknownNamesToTheHostsResolverOverTheClientsTransport()
    {
        await using var upstream = new FakeUpstream();
        await using var dns = Server($"nameserver 127.0.0.1\nsearch corp.test\n", upstream.Port);
        await dns.AddNetworkAsync("n", _gateway);
        dns.AddRecords("n", "db-id", ["db"], Container(3), null);

        var reply = await UdpQueryAsync(dns, "n", Container(2), "example.org", DnsRecordType.A);
        Assert.Equal(DnsResponseCode.NoError, reply.Header.ResponseCode);
        Assert.Equal(FakeUpstream.Answer, Assert.Single(reply.Answers).Address);
        Assert.Equal(1, upstream.UdpQueries);
        var tcp = await TcpQueryAsync(dns, "n", Container(2), "example.net", DnsRecordType.A);
        Assert.Equal(FakeUpstream.Answer, Assert.Single(tcp.Answers).Address);
        Assert.Equal(1, upstream.TcpQueries);
        // A container name with the host's search domain is answered locally, never forwarded.
        var local = await UdpQueryAsync(dns, "n", Container(2), "db.corp.test", DnsRecordType.A);
        Assert.Equal(Container(3), Assert.Single(local.Answers).Address);
        Assert.Equal(1, upstream.UdpQueries);
    }

    [Fact]
    public async Task ContainersOnlyOnInternalNetworksGetNoForwarding()
    {
        await using var upstream = new FakeUpstream();
        await using var dns = Server("nameserver 127.0.0.1\n", upstream.Port);
        await dns.AddNetworkAsync("n", _gateway);
        dns.AddRecords("n", "inside-id", ["inside"], Container(2), null);
        dns.AddRecords("n", "db-id", ["db"], Container(3), null);
        dns.SetExternalAccess("inside-id", false);

        // Names on the network still resolve; anything else fails without a query leaving the host (Docker: SERVFAIL).
        Assert.Equal(Container(3), Assert.Single((await UdpQueryAsync(dns, "n", Container(2), "db", DnsRecordType.A)).Answers).Address);
        Assert.Equal(DnsResponseCode.ServerFailure, (await UdpQueryAsync(dns, "n", Container(2), "example.org", DnsRecordType.A)).Header.ResponseCode);
        Assert.Equal(0, upstream.UdpQueries);
        // Its neighbour with a way out is forwarded, and so is the container once it gets one.
        Assert.Equal(FakeUpstream.Answer, Assert.Single((await UdpQueryAsync(dns, "n", Container(3), "example.org", DnsRecordType.A)).Answers).Address);
        dns.SetExternalAccess("inside-id", true);
        Assert.Equal(FakeUpstream.Answer, Assert.Single((await UdpQueryAsync(dns, "n", Container(2), "example.org", DnsRecordType.A)).Answers).Address);
        Assert.Equal(2, upstream.UdpQueries);
    }

    [Fact]
    public async Task AContainersOwnDnsServersReplaceTheHostsForItsQueries()
    {
        await using var upstream = new FakeUpstream();
        await using var dns = Server("search corp.test\n", upstream.Port);
        await dns.AddNetworkAsync("n", _gateway);
        dns.AddRecords("n", "web-id", ["web"], Container(2), null);
        dns.AddRecords("n", "db-id", ["db"], Container(3), null);
        dns.SetExternalServers("web-id", ["127.0.0.1"]);
        Assert.Equal(FakeUpstream.Answer, Assert.Single((await UdpQueryAsync(dns, "n", Container(2), "example.org", DnsRecordType.A)).Answers).Address);
        Assert.Equal(DnsResponseCode.NameError, (await UdpQueryAsync(dns, "n", Container(3), "example.org", DnsRecordType.A)).Header.ResponseCode);
        Assert.Equal(1, upstream.UdpQueries);
    }

    [Fact]
    public async Task AnUpstreamThatDoesNotAnswerIsServfail()
    {
        await using var upstream = new FakeUpstream(silent: true);
        await using var dns = Server("nameserver 127.0.0.1\n", upstream.Port, TimeSpan.FromMilliseconds(300));
        await dns.AddNetworkAsync("n", _gateway);
        var reply = await UdpQueryAsync(dns, "n", Container(2), "slow.example", DnsRecordType.A);
        Assert.Equal(DnsResponseCode.ServerFailure, reply.Header.ResponseCode);
        Assert.Equal(1, upstream.UdpQueries);
    }

    [Fact]
    public async Task LargeAnswersAreTruncatedOverUdpAndCompleteOverTcp()
    {
        await using var dns = Server("");
        await dns.AddNetworkAsync("n", _gateway);
        for (var i = 0; i < 60; i++)
        {
            dns.AddRecords("n", $"replica-{i}", [$"replica{i}", "workers"], IPAddress.Parse($"10.98.0.{i + 2}"), null);
        }
        var udp = await UdpQueryAsync(dns, "n", Container(2), "workers", DnsRecordType.A);
        Assert.True(udp.Header.Truncated);
        Assert.Empty(udp.Answers);
        var tcp = await TcpQueryAsync(dns, "n", Container(2), "workers", DnsRecordType.A);
        Assert.False(tcp.Header.Truncated);
        Assert.Equal(60, tcp.Answers.Count);
        // With EDNS the client accepts more, up to what the server advertises.
        var edns = await UdpQueryAsync(dns, "n", Container(2), "workers", DnsRecordType.A, edns: 4096);
        Assert.False(edns.Header.Truncated);
        Assert.Equal(60, edns.Answers.Count);
        Assert.NotNull(edns.Opt);
    }

    [Fact]
    public async Task MalformedQueriesGetFormerrAndTheServerKeepsServing()
    {
        await using var dns = Server("");
        await dns.AddNetworkAsync("n", _gateway);
        dns.AddRecords("n", "db-id", ["db"], Container(3), null);
        using var client = new UdpClient(new IPEndPoint(Container(2), 0));
        var endpoint = dns.ListenerOf("n")!;
        byte[] loop = [0x12, 0x34, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xc0, 0x0c, 0x00, 0x01, 0x00, 0x01];
        await client.SendAsync(loop, endpoint);
        var reply = DnsMessage.Parse((await client.ReceiveAsync(new CancellationTokenSource(5000).Token)).Buffer);
        Assert.Equal(0x1234, reply.Header.Id);
        Assert.Equal(DnsResponseCode.FormatError, reply.Header.ResponseCode);
        // Too short to be a message: dropped silently; the next query is answered.
        await client.SendAsync(new byte[] { 1, 2, 3 }, endpoint);
        Assert.Single((await UdpQueryAsync(dns, "n", Container(2), "db", DnsRecordType.A)).Answers);
    }

    [Fact]
    public async Task RemovingANetworkClosesItsListener()
    {
        var dns = Server("");
        await dns.AddNetworkAsync("n", _gateway);
        var endpoint = dns.ListenerOf("n")!;
        await dns.AddNetworkAsync("n", _gateway); // idempotent
        await dns.RemoveNetworkAsync("n");
        Assert.Null(dns.ListenerOf("n"));
        // The port is free again at once.
        using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
            probe.Bind(endpoint);
        }
        await dns.AddNetworkAsync("n", _gateway);
        await dns.DisposeAsync();
        using var again = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        again.Bind(endpoint);
    }

    private static string Reverse(IPAddress address) => string.Join('.', address.GetAddressBytes().Reverse()) + ".in-addr.arpa";

    private static byte[] Query(string name, DnsRecordType type, ushort? edns = null) => new DnsMessage
    {
        Header = new DnsHeader { Id = (ushort)RandomNumberGenerator.GetInt32(65536), RecursionDesired = true },
        Questions = [new DnsQuestion(name, type)],
        Additionals = edns is { } size ? [DnsResourceRecord.Opt(size)] : [],
    }.ToBytes();

    private static async Task<DnsMessage> UdpQueryAsync(EmbeddedDns dns, string network, IPAddress from, string name, DnsRecordType type, ushort? edns = null)
    {
        using var client = new UdpClient(new IPEndPoint(from, 0));
        var query = Query(name, type, edns);
        await client.SendAsync(query, dns.ListenerOf(network)!);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var reply = DnsMessage.Parse((await client.ReceiveAsync(timeout.Token)).Buffer);
        Assert.Equal(DnsMessage.Parse(query).Header.Id, reply.Header.Id);
        Assert.True(reply.Header.IsResponse);
        return reply;
    }

    private static async Task<DnsMessage> TcpQueryAsync(EmbeddedDns dns, string network, IPAddress from, string name, DnsRecordType type)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(from, 0));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await socket.ConnectAsync(dns.ListenerOf(network)!, timeout.Token);
        await using var stream = new NetworkStream(socket);
        await DnsTcpFraming.WriteAsync(stream, Query(name, type), timeout.Token);
        return DnsMessage.Parse((await DnsTcpFraming.ReadAsync(stream, timeout.Token))!);
    }

    private static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
