using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Wharf.Integration.Tests.Infrastructure;
using static Wharf.Integration.Tests.Infrastructure.HostProbe;

namespace Wharf.Integration.Tests;

/// <summary>
/// Container networking driven by the real docker CLI against a private daemon with its own bridge, subnets and nft
/// table: the default bridge, user-defined networks, connect/disconnect, isolation, published ports, clean-up and
/// reconciliation after a daemon crash. Only addresses of namespaces the tests created and loopback are contacted.
/// </summary>
public sealed class NetworkingTests(DaemonFixture fixture) : IClassFixture<DaemonFixture>
{
    private const string Sleeper = "trap 'exit 0' TERM; while true; do sleep 0.2; done";
    private readonly WharfDaemon _d = fixture.Daemon;
    private readonly string _tag = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));

    [Fact]
    public async Task DefaultBridgeContainerHasAnAddressAndReachesTheGateway()
    {
        var name = "nb-" + _tag;
        (await _d.DockerAsync("run", "-d", "--name", name, "busybox", "sh", "-c", Sleeper)).EnsureSuccess("run");
        try
        {
            var shown = (await _d.DockerAsync("inspect", "-f",
                "{{.HostConfig.NetworkMode}} {{.NetworkSettings.IPAddress}} {{.NetworkSettings.Gateway}} {{.NetworkSettings.MacAddress}} {{.NetworkSettings.Networks.bridge.IPAddress}}",
                name)).EnsureSuccess("inspect").Stdout.Trim().Split(' ');
            Assert.Equal("bridge", shown[0]);
            var ip = shown[1];
            Assert.StartsWith(_d.Network.BridgeSubnet[..^4], ip);
            Assert.Equal(_d.Network.Gateway, shown[2]);
            Assert.Matches("^02:42:", shown[3]);
            Assert.Equal(ip, shown[4]);
            // The host reaches the container, and a second container reaches the gateway and the first one.
            (await ProcessRunner.RunAsync("/bin/busybox", ["ping", "-c", "1", "-W", "3", ip])).EnsureSuccess("host ping container");
            (await _d.DockerAsync("run", "--rm", "busybox", "sh", "-c", $"ping -c 1 -W 3 {_d.Network.Gateway} && ping -c 1 -W 3 {ip}"))
                .EnsureSuccess("container pings gateway and neighbour");
            var network = (await _d.DockerAsync("network", "inspect", "-f", "{{range .Containers}}{{.Name}}={{.IPv4Address}} {{end}}", "bridge")).Stdout;
            Assert.Contains($"{name}={ip}/24", network);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", name);
        }
    }

    [Fact]
    public async Task NoneHostAndContainerModes()
    {
        var none = (await _d.DockerAsync("run", "--rm", "--network", "none", "busybox", "sh", "-c", "ls /sys/class/net")).EnsureSuccess("none").Stdout;
        Assert.Equal("lo", none.Trim());
        var hostLinks = (await _d.DockerAsync("run", "--rm", "--network", "host", "busybox", "ls", "/sys/class/net")).EnsureSuccess("host").Stdout;
        Assert.Contains(_d.Network.Bridge, hostLinks);

        var owner = "own-" + _tag;
        var stopped = "stp-" + _tag;
        (await _d.DockerAsync("run", "-d", "--name", owner, "busybox", "sh", "-c", Sleeper)).EnsureSuccess("run owner");
        (await _d.DockerAsync("create", "--name", stopped, "busybox", "true")).EnsureSuccess("create stopped");
        try
        {
            var ip = (await _d.DockerAsync("inspect", "-f", "{{.NetworkSettings.IPAddress}}", owner)).Stdout.Trim();
            var joined = (await _d.DockerAsync("run", "--rm", "--network", "container:" + owner, "busybox", "ip", "-4", "-o", "addr", "show", "eth0"))
                .EnsureSuccess("container mode").Stdout;
            Assert.Contains(ip + "/24", joined);
            var refused = await _d.DockerAsync("run", "--rm", "--network", "container:" + stopped, "busybox", "true");
            Assert.NotEqual(0, refused.ExitCode);
            Assert.Contains("cannot join network of a non running container", refused.Stderr);
            var connect = await _d.DockerAsync("create", "--network", "container:" + owner, "-p", "80", "busybox", "true");
            Assert.NotEqual(0, connect.ExitCode);
            Assert.Contains("conflicting options: port publishing and the container type network mode", connect.Stderr);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", owner, stopped);
        }
    }

    [Fact]
    public async Task UserDefinedNetworksConnectDisconnectAndIsolation()
    {
        var (subnet1, gateway1) = FreeSubnet16();
        var (subnet2, gateway2) = FreeSubnet16(subnet1);
        var net1 = "n1-" + _tag;
        var net2 = "n2-" + _tag;
        var internalNet = "ni-" + _tag;
        var a = "a-" + _tag;
        var b = "b-" + _tag;
        var x = "x-" + _tag;
        try
        {
            (await _d.DockerAsync("network", "create", "--driver", "bridge", "--subnet", subnet1, "--gateway", gateway1, net1)).EnsureSuccess("create net1");
            (await _d.DockerAsync("network", "create", "--subnet", subnet2, "--gateway", gateway2, net2)).EnsureSuccess("create net2");
            (await _d.DockerAsync("network", "create", "--internal", internalNet)).EnsureSuccess("create internal");
            (await _d.DockerAsync("run", "-d", "--name", a, "--network", net1, "--network-alias", "alpha", "busybox", "sh", "-c", Sleeper)).EnsureSuccess("run a");
            (await _d.DockerAsync("run", "-d", "--name", x, "busybox", "sh", "-c", Sleeper)).EnsureSuccess("run x (default bridge)");
            var ipA = await IpOn(a, net1);
            Assert.StartsWith(gateway1[..gateway1.LastIndexOf('.', gateway1.LastIndexOf('.') - 1)], ipA);
            var ipX = await IpOn(x, "bridge");

            // Same network: reachable. Another network, or the default bridge: isolated.
            (await _d.DockerAsync("run", "--rm", "--name", b, "--network", net1, "busybox", "ping", "-c", "1", "-W", "3", ipA)).EnsureSuccess("same network ping");
            // By name and by alias through the embedded DNS on the network's gateway.
            (await _d.DockerAsync("run", "--rm", "--network", net1, "busybox", "sh", "-c", $"ping -c 1 -W 3 {a} && ping -c 1 -W 3 alpha"))
                .EnsureSuccess("ping by name and alias");
            Assert.NotEqual(0, (await _d.DockerAsync("run", "--rm", "--network", net2, "busybox", "ping", "-c", "1", "-W", "1", ipA)).ExitCode);
            Assert.NotEqual(0, (await _d.DockerAsync("run", "--rm", "busybox", "ping", "-c", "1", "-W", "1", ipA)).ExitCode);
            Assert.NotEqual(0, (await _d.DockerAsync("run", "--rm", "--network", internalNet, "busybox", "ping", "-c", "1", "-W", "1", ipX)).ExitCode);

            var members = (await _d.DockerAsync("network", "inspect", "-f", "{{range .Containers}}{{.Name}}={{.IPv4Address}} {{end}}", net1)).Stdout;
            Assert.Contains($"{a}={ipA}/16", members);

            // Connecting the default-bridge container to net1 makes it reachable there; it then reaches both networks.
            (await _d.DockerAsync("network", "connect", "--alias", "xray", net1, x)).EnsureSuccess("connect");
            var xOnNet1 = await IpOn(x, net1);
            Assert.NotEqual("", xOnNet1);
            (await _d.DockerAsync("run", "--rm", "--network", net1, "busybox", "sh", "-c", $"ping -c 1 -W 3 {xOnNet1} && ping -c 1 -W 3 xray"))
                .EnsureSuccess("ping connected container by address and alias");
            // From inside x's namespace (container mode joins it): both of its networks are reachable.
            (await _d.DockerAsync("run", "--rm", "--network", "container:" + x, "busybox", "sh", "-c", $"ping -c 1 -W 3 {ipA} && ping -c 1 -W 3 {_d.Network.Gateway}"))
                .EnsureSuccess("two-network container reaches both");
            // The connected container's own files follow: it resolves net1's members by name and its hosts file names its new address.
            (await _d.DockerAsync("exec", x, "sh", "-c", $"ping -c 1 -W 3 {a} && grep -q '^{xOnNet1}' /etc/hosts")).EnsureSuccess("connected container resolves by name");
            var again = await _d.DockerAsync("network", "connect", net1, x);
            Assert.NotEqual(0, again.ExitCode);
            Assert.Contains("already exists in network", again.Stderr);

            (await _d.DockerAsync("network", "disconnect", net1, x)).EnsureSuccess("disconnect");
            Assert.Equal("", await IpOn(x, net1));
            Assert.DoesNotContain(x, (await _d.DockerAsync("network", "inspect", "-f", "{{range .Containers}}{{.Name}} {{end}}", net1)).Stdout);

            // A stopped container can be connected; its address comes at start. An in-use network cannot be removed.
            (await _d.DockerAsync("create", "--name", b, "busybox", "sh", "-c", Sleeper)).EnsureSuccess("create b");
            (await _d.DockerAsync("network", "connect", "--ip", IncrementLast(gateway1, 50), net1, b)).EnsureSuccess("connect stopped");
            (await _d.DockerAsync("start", b)).EnsureSuccess("start b");
            Assert.Equal(IncrementLast(gateway1, 50), await IpOn(b, net1));
            var inUse = await _d.DockerAsync("network", "rm", net1);
            Assert.NotEqual(0, inUse.ExitCode);
            Assert.Contains("has active endpoints", inUse.Stderr);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", a, b, x);
            await _d.DockerAsync("network", "rm", net1, net2, internalNet);
        }
        var links = (await ProcessRunner.RunAsync("ip", ["-o", "link", "show", "type", "bridge"])).Stdout;
        foreach (var subnet in new[] { subnet1, subnet2 })
        {
            Assert.DoesNotContain(subnet[..subnet.IndexOf('/')], (await ProcessRunner.RunAsync("ip", ["-4", "-o", "addr"])).Stdout);
        }
        Assert.Contains(_d.Network.Bridge, links);
    }

    [Fact]
    public async Task PublishedPortsServeHttpFromTheHost()
    {
        var name = "web-" + _tag;
        var loopbackPort = FreePort();
        var allPort = FreePort();
        (await _d.DockerAsync("run", "-d", "--name", name, "-p", $"127.0.0.1:{loopbackPort}:80", "-p", $"{allPort}:80", "-p", "8080",
            "busybox", "sh", "-c", $"mkdir -p /www && echo hello-{_tag} > /www/index.html && exec httpd -f -p 80 -h /www")).EnsureSuccess("run web");
        try
        {
            Assert.Equal($"hello-{_tag}", await Fetch($"http://127.0.0.1:{loopbackPort}/index.html"));
            Assert.Equal($"hello-{_tag}", await Fetch($"http://127.0.0.1:{allPort}/index.html"));
            if (HostAddress() is { } address)
            {
                Assert.Equal($"hello-{_tag}", await Fetch($"http://{address}:{allPort}/index.html"));
                // Bound to 127.0.0.1 only: not published on the other addresses.
                Assert.Null(await TryFetch($"http://{address}:{loopbackPort}/index.html", attempts: 1));
            }

            var port80 = (await _d.DockerAsync("port", name, "80")).EnsureSuccess("port 80").Stdout;
            Assert.Contains($"127.0.0.1:{loopbackPort}", port80);
            Assert.Contains($"0.0.0.0:{allPort}", port80);
            var ephemeral = (await _d.DockerAsync("port", name, "8080/tcp")).EnsureSuccess("port 8080").Stdout.Trim();
            var hostPort = int.Parse(ephemeral[(ephemeral.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(hostPort, 32768, 60999);
            var all = (await _d.DockerAsync("port", name)).EnsureSuccess("port").Stdout;
            Assert.Contains($"80/tcp -> 127.0.0.1:{loopbackPort}", all);
            Assert.Contains($"8080/tcp -> 0.0.0.0:{hostPort}", all);
            var ps = (await _d.DockerAsync("ps", "--filter", "name=" + name, "--format", "{{.Ports}}")).Stdout;
            Assert.Contains($"0.0.0.0:{allPort}->80/tcp", ps);
            Assert.Contains($"127.0.0.1:{loopbackPort}->80/tcp", ps);
            var rules = (await ProcessRunner.RunAsync("nft", ["list", "table", "inet", _d.Network.NftTable])).Stdout;
            Assert.Contains($"dport {allPort} dnat", rules);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", name);
        }
        var after = (await ProcessRunner.RunAsync("nft", ["list", "table", "inet", _d.Network.NftTable])).Stdout;
        Assert.DoesNotContain($"dport {allPort} ", after);
        Assert.Null(await TryFetch($"http://127.0.0.1:{allPort}/index.html", attempts: 1));
    }

    [Fact]
    public async Task PublishAllUsesExposedPorts()
    {
        var name = "pa-" + _tag;
        (await _d.DockerAsync("run", "-d", "--name", name, "--expose", "7000", "--expose", "7001/udp", "-P", "busybox", "sh", "-c", Sleeper)).EnsureSuccess("run -P");
        try
        {
            var all = (await _d.DockerAsync("port", name)).EnsureSuccess("port").Stdout;
            Assert.Matches(@"7000/tcp -> 0\.0\.0\.0:\d+", all);
            Assert.Matches(@"7001/udp -> 0\.0\.0\.0:\d+", all);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", name);
        }
    }

    [Fact]
    public async Task HostPortAlreadyBoundFailsCleanly()
    {
        using var listener = new TcpListener(IPAddress.Any, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var name = "cf-" + _tag;
        var before = await BridgePorts();
        var run = await _d.DockerAsync("run", "-d", "--name", name, "-p", $"{port}:80", "busybox", "sh", "-c", Sleeper);
        try
        {
            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains($"Bind for 0.0.0.0:{port} failed: port is already allocated", run.Stderr);
            Assert.Equal("false", (await _d.DockerAsync("inspect", "-f", "{{.State.Running}}", name)).Stdout.Trim());
            Assert.Equal(before, await BridgePorts());
            var id = (await _d.DockerAsync("inspect", "-f", "{{.Id}}", name)).Stdout.Trim();
            Assert.False(File.Exists(Path.Combine(_d.ExecRoot, "netns", id)));
            var rules = (await ProcessRunner.RunAsync("nft", ["list", "table", "inet", _d.Network.NftTable])).Stdout;
            Assert.DoesNotContain($"dport {port} ", rules);

            // Two containers asking for one port: the second is refused while the first runs.
            listener.Stop();
            (await _d.DockerAsync("start", name)).EnsureSuccess("start once the port is free");
            var second = await _d.DockerAsync("run", "-d", "-p", $"{port}:80", "busybox", "true");
            Assert.NotEqual(0, second.ExitCode);
            Assert.Contains("port is already allocated", second.Stderr);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", name);
        }
    }

    [Fact]
    public async Task RemovingAContainerLeavesNoVethNamespaceOrRule()
    {
        var name = "cl-" + _tag;
        var port = FreePort();
        var before = await BridgePorts();
        (await _d.DockerAsync("run", "-d", "--name", name, "-p", $"127.0.0.1:{port}:80", "busybox", "sh", "-c", Sleeper)).EnsureSuccess("run");
        var id = (await _d.DockerAsync("inspect", "-f", "{{.Id}}", name)).Stdout.Trim();
        Assert.Equal(before + 1, await BridgePorts());
        Assert.True(File.Exists(Path.Combine(_d.ExecRoot, "netns", id)));
        (await _d.DockerAsync("stop", "-t", "1", name)).EnsureSuccess("stop");
        // Docker keeps the address only while running.
        Assert.Equal("", (await _d.DockerAsync("inspect", "-f", "{{.NetworkSettings.IPAddress}}", name)).Stdout.Trim());
        Assert.Equal(before, await BridgePorts());
        Assert.False(File.Exists(Path.Combine(_d.ExecRoot, "netns", id)));
        (await _d.DockerAsync("rm", name)).EnsureSuccess("rm");
        Assert.DoesNotContain($"dport {port} ", (await ProcessRunner.RunAsync("nft", ["list", "table", "inet", _d.Network.NftTable])).Stdout);
    }

    [Fact]
    public async Task RestartedDaemonReconcilesNetworking()
    {
        await using var d = await WharfDaemon.StartAsync();
        await d.ImportBusyboxAsync();
        var port = FreePort();
        (await d.DockerAsync("run", "-d", "--name", "keeper", "-p", $"127.0.0.1:{port}:80",
            "busybox", "sh", "-c", "mkdir -p /www && echo kept > /www/index.html && exec httpd -f -p 80 -h /www")).EnsureSuccess("run keeper");
        var gonePort = FreePort();
        (await d.DockerAsync("run", "-d", "--name", "goner", "-p", $"127.0.0.1:{gonePort}:80", "busybox", "sh", "-c", Sleeper)).EnsureSuccess("run goner");
        var goner = (await d.DockerAsync("inspect", "-f", "{{.Id}}", "goner")).Stdout.Trim();
        Assert.Equal("kept", await Fetch($"http://127.0.0.1:{port}/index.html"));

        await d.KillHardAsync();
        // The goner dies while no daemon watches: its veth, namespace and rules must go at the next start.
        (await ProcessRunner.RunAsync("runc", ["--root", Path.Combine(d.ExecRoot, "runc"), "kill", goner, "KILL"])).EnsureSuccess("runc kill");
        await Task.Delay(1000);
        await d.StartProcessAsync();

        Assert.Equal("kept", await Fetch($"http://127.0.0.1:{port}/index.html"));
        var rules = (await ProcessRunner.RunAsync("nft", ["list", "table", "inet", d.Network.NftTable])).Stdout;
        Assert.Contains($"dport {port} dnat", rules);
        Assert.DoesNotContain($"dport {gonePort} ", rules);
        Assert.False(File.Exists(Path.Combine(d.ExecRoot, "netns", goner)));
        var attached = (await ProcessRunner.RunAsync("ip", ["-o", "link", "show", "master", d.Network.Bridge])).Stdout;
        Assert.Single(attached.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        // Its address is free again, and the reserved host port of the keeper still refuses a second user.
        var clash = await d.DockerAsync("run", "--rm", "-p", $"127.0.0.1:{port}:80", "busybox", "true");
        Assert.Contains("port is already allocated", clash.Stderr);
    }

    private async Task<int> BridgePorts() =>
        (await ProcessRunner.RunAsync("ip", ["-o", "link", "show", "master", _d.Network.Bridge])).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;

    private async Task<string> IpOn(string container, string network) =>
        (await _d.DockerAsync("inspect", "-f", $"{{{{with index .NetworkSettings.Networks \"{network}\"}}}}{{{{.IPAddress}}}}{{{{end}}}}", container)).Stdout.Trim();





    private static (string Subnet, string Gateway) FreeSubnet16(string? not = null)
    {
        var routes = (File.Exists("/proc/net/route") ? File.ReadAllText("/proc/net/route") : "").ToUpperInvariant();
        while (true)
        {
            var b = RandomNumberGenerator.GetInt32(96, 128);
            var subnet = $"10.{b}.0.0/16";
            if (subnet != not && !routes.Contains($"{b:X2}0A\t", StringComparison.Ordinal))
            {
                return (subnet, $"10.{b}.0.1");
            }
        }
    }

    private static string IncrementLast(string address, int by)
    {
        var last = address.LastIndexOf('.');
        return address[..(last + 1)] + (int.Parse(address[(last + 1)..], System.Globalization.CultureInfo.InvariantCulture) + by).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
