using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Wharf.Integration.Tests.Infrastructure;
using static Wharf.Integration.Tests.Infrastructure.HostProbe;

namespace Wharf.Integration.Tests;

/// <summary>
/// Issue 4's remaining gaps against a private daemon with the real docker CLI: internal networks (no DNS forwarding,
/// no port mappings), published ports reached across networks, volume mount/unmount events, label columns in table
/// formats, and daemon start-up checks of the network settings. Only loopback and the tests' own containers are contacted.
/// </summary>
public sealed class NetworkGapsTests(DaemonFixture fixture) : IClassFixture<DaemonFixture>
{
    private const string Sleeper = "trap 'exit 0' TERM; while true; do sleep 0.2; done";
    private readonly WharfDaemon _d = fixture.Daemon;
    private readonly string _tag = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));

    [Fact]
    public async Task InternalNetworksResolveTheirContainersButForwardNothing()
    {
        await using var upstream = FakeResolver.Start();
        var outside = "out-" + _tag;
        var inside = "in-" + _tag;
        var db = "db-" + _tag;
        try
        {
            (await _d.DockerAsync("network", "create", outside)).EnsureSuccess("create outside");
            (await _d.DockerAsync("network", "create", "--internal", inside)).EnsureSuccess("create internal");
            (await _d.DockerAsync("run", "-d", "--name", db, "--network", inside, "busybox", "sh", "-c", Sleeper)).EnsureSuccess("run db");
            var dbIp = (await _d.DockerAsync("inspect", "-f", $"{{{{(index .NetworkSettings.Networks \"{inside}\").IPAddress}}}}", db)).Stdout.Trim();

            // --dns sends unknown names to the fake resolver on a loopback address (forwarded from the host's namespace).
            var onOutside = await _d.DockerAsync("run", "--rm", "--network", outside, "--dns", upstream.Address, "busybox", "nslookup", "wharf.test");
            Assert.True(onOutside.ExitCode == 0, onOutside.ToString());
            Assert.Contains(FakeResolver.Answer, onOutside.Stdout);
            var forwarded = upstream.Queries;
            Assert.True(forwarded > 0);

            var onInside = await _d.DockerAsync("run", "--rm", "--network", inside, "--dns", upstream.Address, "busybox", "sh", "-c",
                $"nslookup {db} && ! nslookup wharf.test");
            Assert.True(onInside.ExitCode == 0, onInside.ToString());
            Assert.Contains(dbIp, onInside.Stdout);
            Assert.DoesNotContain(FakeResolver.Answer, onInside.Stdout);
            Assert.Equal(forwarded, upstream.Queries);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", db);
            await _d.DockerAsync("network", "rm", outside, inside);
        }
    }

    [Fact]
    public async Task PortsPublishedOnAnInternalNetworkAreNotMapped()
    {
        var inside = "pin-" + _tag;
        var outside = "pout-" + _tag;
        var web = "pweb-" + _tag;
        var port = FreePort();
        try
        {
            (await _d.DockerAsync("network", "create", "--internal", inside)).EnsureSuccess("create internal");
            (await _d.DockerAsync("run", "-d", "--name", web, "--network", inside, "-p", $"127.0.0.1:{port}:80", "busybox", "sh", "-c",
                "mkdir -p /www && echo inside > /www/index.html && exec httpd -f -p 80 -h /www")).EnsureSuccess("run web");
            var ip = (await _d.DockerAsync("inspect", "-f", $"{{{{(index .NetworkSettings.Networks \"{inside}\").IPAddress}}}}", web)).Stdout.Trim();
            // The server is up (the host reaches the internal network's containers directly), but no host port leads there.
            Assert.Equal("inside", await Fetch($"http://{ip}/index.html"));
            Assert.Null(await TryFetch($"http://127.0.0.1:{port}/index.html", attempts: 1));
            Assert.Equal("", (await _d.DockerAsync("port", web)).Stdout.Trim());
            var rules = (await ProcessRunner.RunAsync("nft", ["list", "table", "inet", _d.Network.NftTable])).Stdout;
            Assert.DoesNotContain($"dport {port} ", rules);

            // Connected to a network with a way out, the ports are mapped there; disconnected again, they go.
            (await _d.DockerAsync("network", "create", outside)).EnsureSuccess("create outside");
            (await _d.DockerAsync("network", "connect", outside, web)).EnsureSuccess("connect outside");
            Assert.Equal("inside", await Fetch($"http://127.0.0.1:{port}/index.html"));
            Assert.Contains($"80/tcp -> 127.0.0.1:{port}", (await _d.DockerAsync("port", web)).Stdout);
            (await _d.DockerAsync("network", "disconnect", outside, web)).EnsureSuccess("disconnect outside");
            Assert.Null(await TryFetch($"http://127.0.0.1:{port}/index.html", attempts: 1));
            Assert.DoesNotContain($"dport {port} ", (await ProcessRunner.RunAsync("nft", ["list", "table", "inet", _d.Network.NftTable])).Stdout);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", web);
            await _d.DockerAsync("network", "rm", inside, outside);
        }
    }

    [Fact]
    public async Task PublishedPortsAreReachableFromOtherNetworks()
    {
        var netA = "ha-" + _tag;
        var netB = "hb-" + _tag;
        var web = "hweb-" + _tag;
        var port = FreePort();
        try
        {
            (await _d.DockerAsync("network", "create", netA)).EnsureSuccess("create A");
            (await _d.DockerAsync("network", "create", netB)).EnsureSuccess("create B");
            (await _d.DockerAsync("run", "-d", "--name", web, "--network", netB, "-p", $"{port}:80", "busybox", "sh", "-c",
                $"mkdir -p /www && echo hairpin-{_tag} > /www/index.html && exec httpd -f -p 80 -h /www")).EnsureSuccess("run web");
            var webIp = (await _d.DockerAsync("inspect", "-f", $"{{{{(index .NetworkSettings.Networks \"{netB}\").IPAddress}}}}", web)).Stdout.Trim();
            var gatewayA = (await _d.DockerAsync("network", "inspect", "-f", "{{(index .IPAM.Config 0).Gateway}}", netA)).Stdout.Trim();
            Assert.Equal($"hairpin-{_tag}", await Fetch($"http://127.0.0.1:{port}/index.html"));

            // From network A through a host address (A's gateway, and the host's own address when it has one): reachable.
            var targets = new List<string> { gatewayA };
            if (HostAddress() is { } hostAddress)
            {
                targets.Add(hostAddress);
            }
            foreach (var target in targets)
            {
                var fetched = await _d.DockerAsync("run", "--rm", "--network", netA, "busybox", "sh", "-c", HttpGet(target, port));
                Assert.True(fetched.ExitCode == 0, $"via {target}: {fetched}");
                Assert.EndsWith($"\nhairpin-{_tag}", fetched.Stdout.Trim());
            }
            // The container's own address stays isolated from network A.
            var direct = await _d.DockerAsync("run", "--rm", "--network", netA, "busybox", "sh", "-c", HttpGet(webIp, 80));
            Assert.NotEqual(0, direct.ExitCode);
            Assert.DoesNotContain("hairpin", direct.Stdout);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", web);
            await _d.DockerAsync("network", "rm", netA, netB);
        }
    }

    [Fact]
    public async Task VolumeMountAndUnmountEventsCarryDockersAttributes()
    {
        var volume = "evvol-" + _tag;
        var name = "evc-" + _tag;
        var since = Unix(DateTimeOffset.UtcNow.AddSeconds(-1));
        try
        {
            (await _d.DockerAsync("run", "-d", "--name", name, "-v", $"{volume}:/data:ro", "-v", "/tmp/" + volume + ":/bind", "busybox", "sh", "-c", Sleeper))
                .EnsureSuccess("run");
            var id = (await _d.DockerAsync("inspect", "-f", "{{.Id}}", name)).Stdout.Trim();
            (await _d.DockerAsync("stop", "-t", "1", name)).EnsureSuccess("stop");
            var until = Unix(DateTimeOffset.UtcNow.AddMilliseconds(500));
            await Task.Delay(600);
            var events = await _d.DockerAsync("events", "--since", since, "--until", until, "--filter", "type=volume", "--filter", "volume=" + volume, "--format",
                "{{.Action}}|{{.Actor.ID}}|{{json .Actor.Attributes}}");
            Assert.True(events.ExitCode == 0, events.ToString());
            var lines = events.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(
            [
                $"create|{volume}|{{\"driver\":\"local\"}}",
                $"mount|{volume}|{{\"container\":\"{id}\",\"destination\":\"/data\",\"driver\":\"local\",\"propagation\":\"\",\"read/write\":\"false\"}}",
                $"unmount|{volume}|{{\"container\":\"{id}\",\"driver\":\"local\"}}",
            ], lines);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", name);
            await _d.DockerAsync("volume", "rm", volume);
            if (Directory.Exists("/tmp/" + volume))
            {
                Directory.Delete("/tmp/" + volume, recursive: true);
            }
        }
    }

    [Fact]
    public async Task LabelColumnsInTableFormatsMatchTheDockerCli()
    {
        var name = "lab-" + _tag;
        var volume = "labv-" + _tag;
        var network = "labn-" + _tag;
        try
        {
            (await _d.DockerAsync("create", "--name", name, "--label", "com.example.my-key_x=c1", "--label", "b=2", "busybox", "true")).EnsureSuccess("create");
            (await _d.DockerAsync("volume", "create", "--label", "com.example.my-key_x=v1", volume)).EnsureSuccess("volume create");
            (await _d.DockerAsync("network", "create", "--label", "com.example.my-key_x=n1", network)).EnsureSuccess("network create");
            const string format = "table {{.Label \"com.example.my-key_x\"}}\\t{{.Labels}}\\t{{.Label \"b\"}}";
            foreach (var (command, filter) in new[]
                     {
                         (new[] { "ps", "-a" }, "name=" + name),
                         (new[] { "volume", "ls" }, "name=" + volume),
                         (new[] { "network", "ls" }, "name=" + network),
                     })
            {
                string[] args = [.. command, "--filter", filter, "--format", format];
                var docker = (await _d.DockerAsync(args)).EnsureSuccess("docker " + string.Join(' ', command));
                var wharf = (await _d.WharfAsync(args)).EnsureSuccess("wharf " + string.Join(' ', command));
                Assert.StartsWith("my key x", docker.Stdout);
                Assert.Equal(docker.Stdout, wharf.Stdout);
            }
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", name);
            await _d.DockerAsync("volume", "rm", volume);
            await _d.DockerAsync("network", "rm", network);
        }
    }

    [Fact]
    public async Task PortConflictsAtStartAreServerErrorsAsInDocker()
    {
        using var listener = new TcpListener(IPAddress.Any, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var name = "pc-" + _tag;
        try
        {
            (await _d.DockerAsync("create", "--name", name, "-p", $"{port}:80", "busybox", "sh", "-c", Sleeper)).EnsureSuccess("create");
            var start = await ProcessRunner.RunAsync("curl", ["-s", "-w", "\n%{http_code}", "-X", "POST", "--unix-socket", _d.SocketPath, $"http://localhost/containers/{name}/start"]);
            var lines = start.Stdout.Trim().Split('\n');
            Assert.Equal("500", lines[^1]);
            Assert.Contains($"driver failed programming external connectivity on endpoint {name} (", lines[0]);
            Assert.Contains($"Bind for 0.0.0.0:{port} failed: port is already allocated", lines[0]);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", name);
        }
    }

    [Fact]
    public async Task AConnectWhosePortsCannotBePublishedIsUndone()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var inside = "uin-" + _tag;
        var outside = "uout-" + _tag;
        var name = "uc-" + _tag;
        try
        {
            (await _d.DockerAsync("network", "create", "--internal", inside)).EnsureSuccess("create internal");
            (await _d.DockerAsync("network", "create", outside)).EnsureSuccess("create outside");
            // On an internal network nothing is mapped, so the start succeeds although the host port is taken.
            (await _d.DockerAsync("run", "-d", "--name", name, "--network", inside, "-p", $"127.0.0.1:{port}:80", "busybox", "sh", "-c", Sleeper)).EnsureSuccess("run");
            var links = (await _d.DockerAsync("exec", name, "ls", "/sys/class/net")).Stdout;

            var connect = await _d.DockerAsync("network", "connect", outside, name);
            Assert.NotEqual(0, connect.ExitCode);
            Assert.Contains($"Bind for 127.0.0.1:{port} failed: port is already allocated", connect.Stderr);

            // Nothing half-done: not a member of the network, no interface, no address, no rule, and still running.
            Assert.Equal(inside, (await _d.DockerAsync("inspect", "-f", "{{range $k, $v := .NetworkSettings.Networks}}{{$k}}{{end}}", name)).Stdout.Trim());
            Assert.Equal("{}", (await _d.DockerAsync("network", "inspect", "-f", "{{json .Containers}}", outside)).Stdout.Trim());
            Assert.Equal(links, (await _d.DockerAsync("exec", name, "ls", "/sys/class/net")).Stdout);
            Assert.DoesNotContain($"dport {port} ", (await ProcessRunner.RunAsync("nft", ["list", "table", "inet", _d.Network.NftTable])).Stdout);
            Assert.Equal("true", (await _d.DockerAsync("inspect", "-f", "{{.State.Running}}", name)).Stdout.Trim());

            // Once the port is free the same connect works.
            listener.Stop();
            (await _d.DockerAsync("network", "connect", outside, name)).EnsureSuccess("connect again");
            Assert.Contains($"80/tcp -> 127.0.0.1:{port}", (await _d.DockerAsync("port", name)).Stdout);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", name);
            await _d.DockerAsync("network", "rm", inside, outside);
        }
    }

    [Theory]
    [InlineData("--bip", "10.77.0.0/24", "invalid bridge IP (--bip) 10.77.0.0/24")]
    [InlineData("--bip", "10.77.0.1/31", "invalid bridge IP (--bip) 10.77.0.1/31")]
    [InlineData("--bip", "not-an-address", "invalid bridge IP (--bip) not-an-address")]
    [InlineData("--bridge", "this-name-is-far-too-long", "invalid bridge name (--bridge)")]
    [InlineData("--bridge", "lo", "cannot use lo as the default bridge (--bridge)")]
    [InlineData("--nft-table", "1bad", "invalid nftables table name \"1bad\"")]
    [InlineData("--default-address-pool", "base=10.77.0.0/16,size=8", "invalid default-address-pools entry")]
    public async Task BadNetworkSettingsFailTheDaemonStart(string flag, string value, string message)
    {
        var root = Path.Combine("/tmp", "wharf-it-bad-" + _tag + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2)));
        try
        {
            var run = Path.Combine(root, "run");
            var result = await ProcessRunner.RunAsync(BuildOutput.Wharfd,
                [
                    "--host", "unix://" + Path.Combine(run, "wharf.sock"), "--data-root", Path.Combine(root, "data"), "--exec-root", run,
                    "--pidfile", Path.Combine(run, "wharfd.pid"), "--cgroup-parent", "wharf-it-bad", .. _d.Network.Flags, flag, value,
                ],
                timeout: TimeSpan.FromSeconds(30));
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("failed to start daemon: " + message, result.Stderr);
            Assert.False(File.Exists(Path.Combine(run, "wharf.sock")));
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    // busybox's wget crashes with -T and ignores timeout(1) while connecting; nc -w bounds the attempt.
    private static string HttpGet(string host, int port) =>
        $"printf 'GET /index.html HTTP/1.0\\r\\n\\r\\n' | nc -w 3 {host} {port}";

    private static string Unix(DateTimeOffset time) =>
        time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + "." + (time.UtcTicks % TimeSpan.TicksPerSecond * 100).ToString("D9", CultureInfo.InvariantCulture);




}
