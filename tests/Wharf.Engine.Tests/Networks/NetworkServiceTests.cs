using Wharf.Core.Errors;
using Wharf.Engine.Metadata;
using Wharf.Engine.Networks;
using Wharf.Engine.Networks.Ipam;
using Wharf.Engine.Networks.Linux;
using Wharf.Engine.Networks.Ports;

namespace Wharf.Engine.Tests.Networks;

public sealed class NetworkServiceTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "wharf-net-" + Guid.NewGuid().ToString("N"));
    private readonly MetadataDatabase _database;
    private readonly FakeNetworkHost _host = new();
    private readonly NetworkService _service;

    public NetworkServiceTests()
    {
        _database = new MetadataDatabase(Path.Combine(_dir, "wharf.db"), NetworkSchema.Migrations);
        _service = new NetworkService(new NetworkStore(_database), _host, new NetworkOptions { BridgeName = "wtest0", NftTable = "wtest" });
        _host.HostRoutes.Add(Ipv4Subnet.Parse("172.17.0.0/16"));
        _service.InitializeAsync().GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _service.Dispose();
        _database.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private static Dictionary<string, IReadOnlyList<string>> Filter(string key, params string[] values) => new() { [key] = values };

    [Fact]
    public async Task PredefinedNetworksExistOnceWithDockerShape()
    {
        await _service.InitializeAsync();
        var all = _service.List();
        Assert.Equal(["bridge", "host", "none"], all.Select(n => n.Name).Order());
        var bridge = all.Single(n => n.Name == "bridge");
        Assert.Equal("bridge", bridge.Driver);
        Assert.Equal("wtest0", bridge.BridgeName);
        Assert.Equal(64, bridge.Id.Length);
        // 172.17/16 is a host route here, so the default bridge takes the next pool.
        Assert.Equal(new IpamConfig("172.18.0.0/16", "172.18.0.1"), Assert.Single(bridge.Ipam));
        Assert.Equal("wtest0", bridge.Options["com.docker.network.bridge.name"]);
        Assert.Equal("null", all.Single(n => n.Name == "none").Driver);
        Assert.Empty(all.Single(n => n.Name == "host").Ipam);
        // The default bridge is created on first use only.
        Assert.DoesNotContain(_host.Calls, c => c.StartsWith("bridge wtest0", StringComparison.Ordinal));
        Assert.Empty(_host.Rulesets);
        await _service.AttachAsync("bridge", "c1", "/ns/c1");
        Assert.Contains("bridge wtest0 172.18.0.1/16", _host.Calls);
        Assert.Equal("wtest", _host.Rulesets[^1].Table);
        Assert.Equal("wtest0", Assert.Single(_host.Rulesets[^1].Bridges).Bridge);
    }

    [Fact]
    public async Task RestartRecreatesBridgesInUse()
    {
        await _service.AttachAsync("bridge", "c1", "/ns/c1");
        var user = await _service.CreateAsync(new NetworkCreateOptions { Name = "u" });
        var fresh = new FakeNetworkHost();
        using var service = new NetworkService(new NetworkStore(_database), fresh, new NetworkOptions { BridgeName = "wtest0", NftTable = "wtest" });
        await service.InitializeAsync();
        Assert.Contains("bridge wtest0 172.18.0.1/16", fresh.Calls);
        Assert.Contains(user.BridgeName!, fresh.Interfaces);
        Assert.Equal(2, fresh.Rulesets[^1].Bridges.Count);
    }

    [Fact]
    public async Task DefaultBridgeFromBip()
    {
        using var db = new MetadataDatabase(Path.Combine(_dir, "bip.db"), NetworkSchema.Migrations);
        using var service = new NetworkService(new NetworkStore(db), new FakeNetworkHost(), new NetworkOptions { BridgeIp = "10.44.0.9/24" });
        await service.InitializeAsync();
        Assert.Equal(new IpamConfig("10.44.0.0/24", "10.44.0.9"), service.Resolve("bridge").Ipam[0]);
    }

    [Fact]
    public async Task RestartWithAnotherBipMovesAnUnusedDefaultBridge()
    {
        using var db = new MetadataDatabase(Path.Combine(_dir, "rebip.db"), NetworkSchema.Migrations);
        string id;
        using (var first = new NetworkService(new NetworkStore(db), new FakeNetworkHost(), new NetworkOptions { BridgeIp = "10.44.0.9/24" }))
        {
            await first.InitializeAsync();
            id = first.Resolve("bridge").Id;
        }
        var host = new FakeNetworkHost();
        host.Interfaces.Add("wharf0");
        using (var second = new NetworkService(new NetworkStore(db), host, new NetworkOptions { BridgeIp = "10.45.0.1/16" }))
        {
            await second.InitializeAsync();
            var bridge = second.Resolve("bridge");
            Assert.Equal((id, new IpamConfig("10.45.0.0/16", "10.45.0.1")), (bridge.Id, bridge.Ipam[0]));
            Assert.Contains("delete-bridge wharf0", host.Calls);
            // In use: a later change waits until the containers are gone.
            await second.AttachAsync("bridge", "c1", "/ns/c1");
        }
        using var third = new NetworkService(new NetworkStore(db), new FakeNetworkHost(), new NetworkOptions { BridgeIp = "10.46.0.1/16" });
        await third.InitializeAsync();
        Assert.Equal(new IpamConfig("10.45.0.0/16", "10.45.0.1"), third.Resolve("bridge").Ipam[0]);
    }

    [Fact]
    public async Task CreateUserNetwork()
    {
        var network = await _service.CreateAsync(new NetworkCreateOptions
        {
            Name = "mynet",
            Labels = new Dictionary<string, string> { ["a"] = "1" },
            Options = new Dictionary<string, string> { ["foo"] = "bar" },
            Internal = true,
            Attachable = true,
        });
        Assert.Equal("bridge", network.Driver);
        Assert.Equal("br-" + network.Id[..12], network.BridgeName);
        Assert.Equal(new IpamConfig("172.19.0.0/16", "172.19.0.1"), Assert.Single(network.Ipam));
        Assert.Equal(new Dictionary<string, string> { ["foo"] = "bar" }, network.Options);
        Assert.Contains(network.BridgeName!, _host.Interfaces);
        var stored = _service.Resolve("mynet");
        Assert.True(stored.Internal && stored.Attachable && !stored.Predefined);
        Assert.Equal("1", stored.Labels["a"]);
        Assert.Contains(_host.Rulesets[^1].Bridges, b => b.Bridge == network.BridgeName && b.Internal);
    }

    [Fact]
    public async Task CreateWithSubnetGatewayRangeAndBridgeName()
    {
        var network = await _service.CreateAsync(new NetworkCreateOptions
        {
            Name = "n1",
            Ipam = [new IpamConfig("10.30.0.0/16", "10.30.0.254", "10.30.1.0/24")],
            Options = new Dictionary<string, string> { ["com.docker.network.bridge.name"] = "wtestbr1" },
        });
        Assert.Equal("wtestbr1", network.BridgeName);
        Assert.Contains("bridge wtestbr1 10.30.0.254/16", _host.Calls);
        Assert.Equal(new IpamConfig("10.30.0.0/16", "10.30.0.254", "10.30.1.0/24"), network.Ipam[0]);
    }

    [Fact]
    public async Task DuplicateNameIsConflict()
    {
        await _service.CreateAsync(new NetworkCreateOptions { Name = "dup" });
        var e = await Assert.ThrowsAsync<ConflictException>(() => _service.CreateAsync(new NetworkCreateOptions { Name = "dup" }));
        Assert.Equal("network with name dup already exists", e.Message);
        await Assert.ThrowsAsync<ConflictException>(() => _service.CreateAsync(new NetworkCreateOptions { Name = "bridge" }));
    }

    [Fact]
    public async Task OverlappingSubnetCreatesNothing()
    {
        await _service.CreateAsync(new NetworkCreateOptions { Name = "a", Ipam = [new IpamConfig("10.40.0.0/16")] });
        var calls = _host.Calls.Count;
        var e = await Assert.ThrowsAsync<ForbiddenException>(() =>
            _service.CreateAsync(new NetworkCreateOptions { Name = "second", Ipam = [new IpamConfig("10.40.3.0/24")] }));
        Assert.Equal("Pool overlaps with other one on this address space", e.Message);
        Assert.Equal(calls, _host.Calls.Count);
        Assert.Throws<NotFoundException>(() => _service.Resolve("second"));
    }

    [Fact]
    public async Task FirewallFailureRollsBack()
    {
        _host.FailFirewall = new InvalidOperationException("nft broke");
        await Assert.ThrowsAsync<InvalidOperationException>(() => _service.CreateAsync(new NetworkCreateOptions { Name = "x" }));
        Assert.Throws<NotFoundException>(() => _service.Resolve("x"));
        Assert.Empty(_host.Interfaces);
    }

    [Theory]
    [InlineData("host", typeof(ForbiddenException))]
    [InlineData("null", typeof(ForbiddenException))]
    [InlineData("overlay", typeof(NotFoundException))]
    public async Task UnsupportedDrivers(string driver, Type error)
    {
        var e = await Assert.ThrowsAnyAsync<WharfException>(() => _service.CreateAsync(new NetworkCreateOptions { Name = "d", Driver = driver }));
        Assert.IsType(error, e);
    }

    [Fact]
    public async Task ResolveByIdPrefixAndName()
    {
        var network = await _service.CreateAsync(new NetworkCreateOptions { Name = "r" });
        Assert.Equal(network.Id, _service.Resolve(network.Id[..5]).Id);
        Assert.Equal(network.Id, _service.Resolve("r").Id);
        var e = Assert.Throws<NotFoundException>(() => _service.Resolve("nope"));
        Assert.Equal("network nope not found", e.Message);
    }

    [Fact]
    public async Task RemoveDeletesBridge()
    {
        var network = await _service.CreateAsync(new NetworkCreateOptions { Name = "gone" });
        await _service.RemoveAsync("gone");
        Assert.DoesNotContain(network.BridgeName!, _host.Interfaces);
        Assert.Throws<NotFoundException>(() => _service.Resolve("gone"));
        // Nothing left in use: the table goes away instead of staying empty.
        Assert.Equal("delete-table wtest", _host.Calls[^1]);
    }

    [Theory]
    [InlineData("bridge")]
    [InlineData("host")]
    [InlineData("none")]
    public async Task PredefinedCannotBeRemoved(string name)
    {
        var e = await Assert.ThrowsAsync<ForbiddenException>(() => _service.RemoveAsync(name));
        Assert.Equal($"{name} is a pre-defined network and cannot be removed", e.Message);
    }

    [Fact]
    public async Task RemoveInUseIsForbidden()
    {
        var network = await _service.CreateAsync(new NetworkCreateOptions { Name = "busy" });
        await _service.AttachAsync("busy", "c1", "/ns/c1");
        var e = await Assert.ThrowsAsync<ForbiddenException>(() => _service.RemoveAsync("busy"));
        Assert.Equal($"error while removing network: network busy id {network.Id} has active endpoints", e.Message);
        await _service.DetachAsync("busy", "c1");
        await _service.RemoveAsync("busy");
    }

    [Fact]
    public async Task ListFilters()
    {
        var a = await _service.CreateAsync(new NetworkCreateOptions { Name = "front", Labels = new Dictionary<string, string> { ["tier"] = "web" } });
        await _service.CreateAsync(new NetworkCreateOptions { Name = "back" });
        await _service.AttachAsync("back", "c1", "/ns/c1");
        Assert.Equal(["front"], _service.List(Filter("label", "tier=web")).Select(n => n.Name));
        Assert.Equal(["front"], _service.List(Filter("name", "fro")).Select(n => n.Name));
        Assert.Equal(["front"], _service.List(Filter("id", a.Id[..6])).Select(n => n.Name));
        Assert.Equal(["back", "front"], _service.List(Filter("type", "custom")).Select(n => n.Name).Order());
        Assert.Equal(["bridge", "host", "none"], _service.List(Filter("type", "builtin")).Select(n => n.Name).Order());
        Assert.Equal(["front"], _service.List(Filter("dangling", "true")).Select(n => n.Name));
        Assert.Equal(["back", "bridge", "host", "none"], _service.List(Filter("dangling", "false")).Select(n => n.Name).Order());
        Assert.Equal(["none"], _service.List(Filter("driver", "null")).Select(n => n.Name));
        Assert.Throws<InvalidArgumentException>(() => _service.List(Filter("type", "weird")));
        Assert.Throws<InvalidArgumentException>(() => _service.List(Filter("dangling", "maybe")));
        Assert.Throws<InvalidArgumentException>(() => _service.List(Filter("colour", "red")));
    }

    [Fact]
    public async Task PruneRemovesUnusedCustomNetworks()
    {
        await _service.CreateAsync(new NetworkCreateOptions { Name = "p1", Labels = new Dictionary<string, string> { ["keep"] = "no" } });
        await _service.CreateAsync(new NetworkCreateOptions { Name = "p2", Labels = new Dictionary<string, string> { ["keep"] = "yes" } });
        await _service.CreateAsync(new NetworkCreateOptions { Name = "p3" });
        await _service.AttachAsync("p3", "c1", "/ns/c1");
        Assert.Equal(["p1"], await _service.PruneAsync(Filter("label!", "keep=yes")));
        Assert.Equal(["p2"], await _service.PruneAsync());
        Assert.Equal(["bridge", "host", "none", "p3"], _service.List().Select(n => n.Name).Order());
    }

    [Fact]
    public async Task AttachAllocatesAddressesAndRoutes()
    {
        await _service.CreateAsync(new NetworkCreateOptions { Name = "n", Ipam = [new IpamConfig("10.50.0.0/24")] });
        await _service.CreateAsync(new NetworkCreateOptions { Name = "i", Ipam = [new IpamConfig("10.51.0.0/24")], Internal = true });
        var first = await _service.AttachAsync("n", "c1", "/ns/c1", ["web"]);
        Assert.Equal("10.50.0.2", first.IPAddress);
        Assert.Equal("10.50.0.2/24", first.IPv4Cidr);
        Assert.Equal("10.50.0.1", first.Gateway);
        Assert.Equal("02:42:0a:32:00:02", first.MacAddress);
        Assert.Equal("eth0", first.InterfaceName);
        Assert.Equal(["web"], first.Aliases);
        Assert.StartsWith("veth", first.HostInterface);
        Assert.Contains($"connect {first.HostInterface} br-{_service.Resolve("n").Id[..12]} eth0 10.50.0.2/24 10.50.0.1", _host.Calls);

        var second = await _service.AttachAsync("n", "c2", "/ns/c2", null, "10.50.0.9");
        Assert.Equal("10.50.0.9", second.IPAddress);
        var e = await Assert.ThrowsAsync<ForbiddenException>(() => _service.AttachAsync("n", "c3", "/ns/c3", null, "10.50.0.9"));
        Assert.Equal("Address already in use", e.Message);

        // A second network: next interface, no second default route.
        var other = await _service.AttachAsync("bridge", "c1", "/ns/c1");
        Assert.Equal("eth1", other.InterfaceName);
        Assert.EndsWith(" -", _host.Calls[^1]);
        // Internal network first: no default route.
        var inside = await _service.AttachAsync("i", "c4", "/ns/c4");
        Assert.EndsWith(" -", _host.Calls[^1]);
        Assert.Equal("10.51.0.1", inside.Gateway);

        await Assert.ThrowsAsync<ForbiddenException>(() => _service.AttachAsync("n", "c1", "/ns/c1"));
        await Assert.ThrowsAsync<InvalidArgumentException>(() => _service.AttachAsync("bridge", "c9", "/ns/c9", null, "172.18.0.50"));

        await _service.DetachAsync("n", "c1");
        Assert.DoesNotContain(first.HostInterface, _host.Interfaces);
        Assert.Equal("10.50.0.2", (await _service.AttachAsync("n", "c5", "/ns/c5")).IPAddress);
        await Assert.ThrowsAsync<ForbiddenException>(() => _service.DetachAsync("n", "c1"));
    }

    [Fact]
    public async Task AttachToHostAndNoneRecordsOnlyAnEndpoint()
    {
        var endpoint = await _service.AttachAsync("host", "c1", "/ns/c1");
        Assert.Equal("", endpoint.IPAddress);
        Assert.Equal("", endpoint.HostInterface);
        Assert.DoesNotContain(_host.Calls, c => c.StartsWith("connect", StringComparison.Ordinal));
        await _service.DetachAsync("host", "c1");
    }

    [Fact]
    public async Task FailedConnectFreesTheAddress()
    {
        _host.FailConnect = new InvalidOperationException("ip failed");
        await Assert.ThrowsAsync<InvalidOperationException>(() => _service.AttachAsync("bridge", "c1", "/ns/c1"));
        Assert.Empty(_service.EndpointsOfContainer("c1"));
        _host.FailConnect = null;
        Assert.Equal("172.18.0.2", (await _service.AttachAsync("bridge", "c1", "/ns/c1")).IPAddress);
    }

    [Fact]
    public async Task ReconcileDropsEndpointsOfVanishedContainers()
    {
        var gone = await _service.AttachAsync("bridge", "gone", "/ns/gone");
        await _service.AttachAsync("bridge", "alive", "/ns/alive");
        Assert.Equal(1, await _service.ReconcileEndpointsAsync(new HashSet<string> { "alive" }));
        Assert.Contains($"disconnect {gone.HostInterface}", _host.Calls);
        Assert.Equal(["alive"], _service.Endpoints(_service.Resolve("bridge").Id).Select(e => e.ContainerId));
    }

    [Fact]
    public async Task StateSurvivesReopen()
    {
        var network = await _service.CreateAsync(new NetworkCreateOptions { Name = "persist", Ipam = [new IpamConfig("10.60.0.0/16", null, "10.60.4.0/24")] });
        await _service.AttachAsync("persist", "c1", "/ns/c1", ["db"]);
        using var service = new NetworkService(new NetworkStore(_database), _host, new NetworkOptions { BridgeName = "wtest0", NftTable = "wtest" });
        await service.InitializeAsync();
        var again = service.Resolve("persist");
        Assert.Equal(network.Id, again.Id);
        Assert.Equal(network.Created, again.Created);
        Assert.Equal(network.Ipam, again.Ipam);
        var endpoint = Assert.Single(service.Endpoints(network.Id));
        Assert.Equal("10.60.4.0", endpoint.IPAddress);
        Assert.Equal(["db"], endpoint.Aliases);
        Assert.Equal(4, service.List().Count);
    }

    [Fact]
    public async Task TeardownRemovesBridgesVethsAndTable()
    {
        var network = await _service.CreateAsync(new NetworkCreateOptions { Name = "t" });
        var endpoint = await _service.AttachAsync("t", "c1", "/ns/c1");
        await _service.TeardownAsync();
        Assert.DoesNotContain(network.BridgeName!, _host.Interfaces);
        Assert.DoesNotContain("wtest0", _host.Interfaces);
        Assert.DoesNotContain(endpoint.HostInterface, _host.Interfaces);
        Assert.Contains("delete-table wtest", _host.Calls);
        Assert.NotNull(_service.Resolve("t"));
    }

    [Fact]
    public async Task NamespaceLifecycleDetachesEverything()
    {
        var path = await _service.CreateNamespaceAsync("c1");
        Assert.Equal(Path.Combine(_service.Options.NamespaceDirectory, "c1"), path);
        await _service.CreateAsync(new NetworkCreateOptions { Name = "m" });
        var a = await _service.AttachAsync("bridge", "c1", path);
        var b = await _service.AttachAsync("m", "c1", path);
        await _service.DeleteNamespaceAsync("c1");
        Assert.Empty(_service.EndpointsOfContainer("c1"));
        Assert.DoesNotContain(a.HostInterface, _host.Interfaces);
        Assert.DoesNotContain(b.HostInterface, _host.Interfaces);
        Assert.Equal($"delete-netns {path}", _host.Calls[^1]);
    }

    [Fact]
    public async Task PublishedPortsGoIntoTheRulesetAndHoldTheirHostPorts()
    {
        var tcp = FreePort();
        var udp = FreePort();
        await _service.PublishAsync("c1", [new PortRequest("tcp", 80, "", tcp, tcp)], "172.18.0.2");
        var published = await _service.PublishAsync("c2", [new PortRequest("udp", 53, "127.0.0.1", udp, udp), new PortRequest("tcp", 81, "", 0, 0)], "172.18.0.3");
        Assert.InRange(published[1].HostPort, PortPlanner.EphemeralStart, PortPlanner.EphemeralEnd);
        Assert.Equal(3, _host.Rulesets[^1].Ports.Count);
        Assert.Contains($"tcp dport {tcp} dnat ip to 172.18.0.2:80", _host.Rulesets[^1].Render());
        // The host port is bound while published: another container and any other process are refused.
        var clash = await Assert.ThrowsAsync<Core.Errors.ConflictException>(() => _service.PublishAsync("c3", [new PortRequest("tcp", 80, "127.0.0.1", tcp, tcp)], "172.18.0.4"));
        Assert.Equal($"Bind for 127.0.0.1:{tcp} failed: port is already allocated", clash.Message);
        Assert.Throws<System.Net.Sockets.SocketException>(() => new System.Net.Sockets.TcpListener(System.Net.IPAddress.Any, tcp).Start());
        await _service.UnpublishAsync("c1");
        Assert.Equal(2, _host.Rulesets[^1].Ports.Count);
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Any, tcp))
        {
            listener.Start();
            // Now some other process holds it: publishing it fails and leaves nothing behind.
            await Assert.ThrowsAsync<Core.Errors.ConflictException>(() => _service.PublishAsync("c4", [new PortRequest("tcp", 80, "", tcp, tcp)], "172.18.0.5"));
        }
        Assert.Empty(_service.PublishedPorts("c4"));
        _host.FailFirewall = new InvalidOperationException("nft");
        await Assert.ThrowsAsync<InvalidOperationException>(() => _service.PublishAsync("c3", [new PortRequest("tcp", 1, "", tcp, tcp)], "172.18.0.4"));
        Assert.Equal(2, _service.PublishedPorts().Count);
        _host.FailFirewall = null;
        await _service.UnpublishAsync("c2");
        Assert.Empty(_service.PublishedPorts());
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
