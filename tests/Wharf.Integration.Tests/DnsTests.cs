using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Wharf.Integration.Tests.Infrastructure;

namespace Wharf.Integration.Tests;

/// <summary>
/// Name resolution driven by the real docker CLI against a private daemon: the embedded DNS on user-defined networks
/// (names, aliases, short IDs, forwarding to a container's --dns servers), legacy --link on the default bridge,
/// --add-host (host-gateway) and the --dns* flags in the container's files. Names the containers forward go only to a
/// resolver this test runs on a loopback address, never to the host's.
/// </summary>
public sealed class DnsTests(DaemonFixture fixture) : IClassFixture<DaemonFixture>
{
    private const string Sleeper = "trap 'exit 0' TERM; while true; do sleep 0.2; done";
    private readonly WharfDaemon _d = fixture.Daemon;
    private readonly string _tag = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));

    [Fact]
    public async Task ContainersOnAUserNetworkResolveEachOtherByNameAliasAndShortId()
    {
        var net = "dn-" + _tag;
        var db = "db-" + _tag;
        try
        {
            (await _d.DockerAsync("network", "create", "--driver", "bridge", net)).EnsureSuccess("network create");
            (await _d.DockerAsync("run", "-d", "--name", db, "--network", net, "--network-alias", "store-" + _tag, "busybox", "sh", "-c", Sleeper))
                .EnsureSuccess("run db");
            var shortId = (await _d.DockerAsync("inspect", "-f", "{{.Id}}", db)).EnsureSuccess("inspect").Stdout.Trim()[..12];
            var ip = (await _d.DockerAsync("inspect", "-f", $"{{{{(index .NetworkSettings.Networks \"{net}\").IPAddress}}}}", db)).Stdout.Trim();
            var gateway = (await _d.DockerAsync("network", "inspect", "-f", "{{range .IPAM.Config}}{{.Gateway}}{{end}}", net)).Stdout.Trim();
            Assert.NotEqual("", ip);

            var output = (await _d.DockerAsync("run", "--rm", "--network", net, "busybox", "sh", "-c",
                $"cat /etc/resolv.conf && ping -c 1 -W 3 {db} && ping -c 1 -W 3 store-{_tag} && ping -c 1 -W 3 {shortId} && ping -c 1 -W 3 {db.ToUpperInvariant()} && nslookup {ip}"))
                .EnsureSuccess("resolve by name, alias, short ID, upper case and PTR").Stdout;
            Assert.Contains($"nameserver {gateway}\n", output);
            Assert.Contains("options ndots:0", output);
            Assert.Contains($"({ip})", output);
            Assert.Contains($"{db}.{net}", output);
            // The own address and host name are in /etc/hosts.
            var hosts = (await _d.DockerAsync("exec", db, "cat", "/etc/hosts")).EnsureSuccess("hosts").Stdout;
            Assert.Contains($"{ip}\t{shortId}\n", hosts);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", db);
            await _d.DockerAsync("network", "rm", net);
        }
    }

    [Fact]
    public async Task UnknownNamesGoToTheContainersDnsServersAndFailCleanly()
    {
        var net = "du-" + _tag;
        await using var upstream = new LoopbackResolver();
        try
        {
            (await _d.DockerAsync("network", "create", net)).EnsureSuccess("network create");
            var found = (await _d.DockerAsync("run", "--rm", "--network", net, "--dns", upstream.Address, "busybox", "sh", "-c",
                "cat /etc/resolv.conf && nslookup known.test")).EnsureSuccess("forwarded lookup").Stdout;
            Assert.Contains(LoopbackResolver.Answer, found);
            Assert.Contains($"# ExtServers: [{upstream.Address}]", found);
            Assert.True(upstream.Queries >= 1);
            var missing = await _d.DockerAsync("run", "--rm", "--network", net, "--dns", upstream.Address, "busybox", "nslookup", "nothing.invalid");
            Assert.NotEqual(0, missing.ExitCode);
            Assert.Contains("NXDOMAIN", missing.Stdout + missing.Stderr);
        }
        finally
        {
            await _d.DockerAsync("network", "rm", net);
        }
    }

    [Fact]
    public async Task LinkOnTheDefaultBridgeResolvesTheAliasThroughHosts()
    {
        var db = "ldb-" + _tag;
        var web = "lweb-" + _tag;
        try
        {
            (await _d.DockerAsync("run", "-d", "--name", db, "busybox", "sh", "-c", Sleeper)).EnsureSuccess("run db");
            var ip = (await _d.DockerAsync("inspect", "-f", "{{.NetworkSettings.IPAddress}}", db)).Stdout.Trim();
            var output = (await _d.DockerAsync("run", "--name", web, "--link", db + ":database", "busybox", "sh", "-c", "cat /etc/hosts && ping -c 1 -W 3 database"))
                .EnsureSuccess("run with link").Stdout;
            Assert.Matches($"{Regex(ip)}\tdatabase [0-9a-f]{{12}} {db}\n", output);
            var links = (await _d.DockerAsync("inspect", "-f", "{{.HostConfig.Links}}", web)).Stdout.Trim();
            Assert.Equal($"[/{db}:/{web}/database]", links);

            var missing = await _d.DockerAsync("run", "--rm", "--link", "nope-" + _tag + ":x", "busybox", "true");
            Assert.NotEqual(0, missing.ExitCode);
            Assert.Contains($"could not get container for nope-{_tag}", missing.Stderr);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", web, db);
        }
    }

    [Fact]
    public async Task AddHostAndDnsFlagsAppearInTheContainersFiles()
    {
        var name = "df-" + _tag;
        try
        {
            var output = (await _d.DockerAsync("run", "--name", name, "--add-host", "x-" + _tag + ":1.2.3.4", "--add-host", "gw-" + _tag + ":host-gateway",
                    "--dns", "127.0.0.1", "--dns-search", "example.test", "--dns-option", "ndots:2", "--hostname", "web", "--domainname", "example.test",
                    "busybox", "sh", "-c", "cat /etc/hosts; echo ---; cat /etc/resolv.conf; echo ---; hostname"))
                .EnsureSuccess("run").Stdout;
            var parts = output.Split("---\n");
            Assert.Contains($"1.2.3.4\tx-{_tag}\n", parts[0]);
            Assert.Contains($"{_d.Network.Gateway}\tgw-{_tag}\n", parts[0]);
            Assert.Matches("\\n10\\.[0-9.]+\\tweb\\.example\\.test web\\n", parts[0]);
            Assert.Contains("nameserver 127.0.0.1\n", parts[1]);
            Assert.Contains("search example.test\n", parts[1]);
            Assert.Contains("options ndots:2\n", parts[1]);
            Assert.Equal("web", parts[2].Trim());
            var shown = (await _d.DockerAsync("inspect", "-f", "{{.HostConfig.Dns}} {{.HostConfig.DnsSearch}} {{.HostConfig.DnsOptions}} {{.HostConfig.ExtraHosts}}", name)).Stdout.Trim();
            Assert.Equal($"[127.0.0.1] [example.test] [ndots:2] [x-{_tag}:1.2.3.4 gw-{_tag}:host-gateway]", shown);

            var bad = await _d.DockerAsync("run", "--rm", "--add-host", "y:not-an-ip", "busybox", "true");
            Assert.NotEqual(0, bad.ExitCode);
            Assert.Contains("invalid IP address in add-host: \"not-an-ip\"", bad.Stderr);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", name);
        }
    }

    [Fact]
    public async Task WharfCliPassesTheSameFlags()
    {
        var output = (await _d.WharfAsync("run", "--rm", "--add-host", "h-" + _tag + ":5.6.7.8", "--dns", "127.0.0.2", "--dns-search", "corp.test",
            "busybox", "sh", "-c", "cat /etc/hosts /etc/resolv.conf")).EnsureSuccess("wharf run").Stdout;
        Assert.Contains($"5.6.7.8\th-{_tag}\n", output);
        Assert.Contains("nameserver 127.0.0.2\n", output);
        Assert.Contains("search corp.test\n", output);
        var bad = await _d.WharfAsync("run", "--rm", "--dns", "1.2.3", "busybox", "true");
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("IP address is not correctly formatted: 1.2.3", bad.Stderr);
    }

    private static string Regex(string literal) => System.Text.RegularExpressions.Regex.Escape(literal);

    /// <summary>
    /// A resolver on a random 127.53.x.y, port 53 (the daemon forwards to port 53 of a container's --dns servers):
    /// A queries for <c>*.invalid</c> get NXDOMAIN, other A queries <see cref="Answer"/>, other types an empty answer.
    /// </summary>
    private sealed class LoopbackResolver : IAsyncDisposable
    {
        public const string Answer = "192.0.2.77";
        private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;
        private int _queries;

        public LoopbackResolver()
        {
            Address = $"127.53.{RandomNumberGenerator.GetInt32(0, 256)}.{RandomNumberGenerator.GetInt32(1, 255)}";
            _socket.Bind(new IPEndPoint(IPAddress.Parse(Address), 53));
            _loop = Task.Run(ServeAsync);
        }

        public string Address { get; }

        public int Queries => Volatile.Read(ref _queries);

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _socket.Dispose();
            await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
            _stop.Dispose();
        }

        private async Task ServeAsync()
        {
            var buffer = new byte[4096];
            while (!_stop.IsCancellationRequested)
            {
                var received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), _stop.Token);
                Interlocked.Increment(ref _queries);
                var reply = Reply(buffer.AsSpan(0, received.ReceivedBytes));
                if (reply is not null)
                {
                    await _socket.SendToAsync(reply, SocketFlags.None, received.RemoteEndPoint, _stop.Token);
                }
            }
        }

        private static byte[]? Reply(ReadOnlySpan<byte> query)
        {
            if (query.Length < 17)
            {
                return null;
            }
            // The question: labels up to the zero octet, then type and class.
            var end = 12;
            var name = new List<string>();
            while (end < query.Length && query[end] != 0)
            {
                name.Add(System.Text.Encoding.ASCII.GetString(query.Slice(end + 1, query[end])));
                end += query[end] + 1;
            }
            end += 5;
            if (end > query.Length)
            {
                return null;
            }
            var type = BinaryPrimitives.ReadUInt16BigEndian(query[(end - 4)..]);
            var nxdomain = name.Count > 0 && name[^1].Equals("invalid", StringComparison.OrdinalIgnoreCase);
            var answer = !nxdomain && type == 1;
            var reply = new List<byte>(query[..end].ToArray());
            reply[2] = (byte)(0x80 | (query[2] & 0x01));
            reply[3] = (byte)(0x80 | (nxdomain ? 3 : 0));
            reply[6] = 0;
            reply[7] = (byte)(answer ? 1 : 0);
            reply[8] = reply[9] = reply[10] = reply[11] = 0;
            if (answer)
            {
                reply.AddRange([0xc0, 0x0c, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x3c, 0x00, 0x04]);
                reply.AddRange(IPAddress.Parse(Answer).GetAddressBytes());
            }
            return [.. reply];
        }
    }
}
