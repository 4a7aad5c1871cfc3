using System.Diagnostics;
using System.Security.Cryptography;
using Wharf.Engine.Metadata;
using Wharf.Engine.Networks;
using Wharf.Engine.Networks.Ipam;
using Wharf.Engine.Networks.Linux;

namespace Wharf.Engine.Tests.Networks;

/// <summary>Root tests against the real kernel: every name is unique per run and everything is removed in finally.</summary>
public sealed class LinuxNetworkingTests
{
    private readonly IpNetworkHost _host = new();
    private readonly string _tag = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));

    [Fact]
    public async Task BridgeNamespacesVethsPingAndFirewall()
    {
        var dir = Path.Combine(Path.GetTempPath(), "wharf-netns-" + _tag);
        var bridge = "wtb" + _tag;
        var table = "wharft" + _tag;
        var subnet = FreeSubnet();
        string Address(int host) => Ipv4Address.Format(subnet.Network + (uint)host);
        var ns1 = Path.Combine(dir, "a");
        var ns2 = Path.Combine(dir, "b");
        try
        {
            await _host.EnsureBridgeAsync(bridge, [$"{Address(1)}/24"], 1500);
            await _host.EnsureBridgeAsync(bridge, [$"{Address(1)}/24"], 1500); // idempotent
            Assert.True(_host.InterfaceExists(bridge));
            await Assert.ThrowsAsync<Core.Errors.ConflictException>(() => _host.EnsureBridgeAsync("lo", ["10.213.0.1/24"], 1500));
            await _host.CreateNamespaceAsync(ns1);
            await _host.CreateNamespaceAsync(ns2);
            await _host.ConnectAsync(Veth(bridge, "wtv" + _tag + "a", ns1, Address(2)));
            await _host.ConnectAsync(Veth(bridge, "wtv" + _tag + "b", ns2, Address(3)));
            // A namespace-side failure (unreachable gateway) leaves no veth behind.
            await Assert.ThrowsAsync<NetworkHostException>(() => _host.ConnectAsync(Veth(bridge, "wtv" + _tag + "c", ns2, Address(4)) with { InterfaceName = "eth1", Gateway = "192.0.2.1" }));
            Assert.False(_host.InterfaceExists("wtv" + _tag + "c"));
            Assert.Contains($"inet {Address(2)}/24", await Run("nsenter", $"--net={ns1}", "ip", "-4", "addr", "show", "eth0"));
            Assert.Contains($"default via {Address(1)}", await Run("nsenter", $"--net={ns1}", "ip", "route"));
            await Run("nsenter", $"--net={ns1}", "/bin/busybox", "ping", "-c", "1", "-W", "3", Address(3));
            await Run("nsenter", $"--net={ns2}", "/bin/busybox", "ping", "-c", "1", "-W", "3", Address(2));

            var hostPort = RandomNumberGenerator.GetInt32(40000, 50000);
            var ruleset = new NftRuleset(table, [new FirewallBridge(bridge, [subnet.ToString()], false)],
                [new PublishedPort("tcp", Address(1), hostPort, Address(2), 80)]);
            await _host.ApplyFirewallAsync(ruleset);
            await _host.ApplyFirewallAsync(ruleset); // replacing is atomic and repeatable
            var listed = await Run("nft", "list", "table", "inet", table);
            Assert.Contains($"ip saddr {subnet} oifname != \"{bridge}\" masquerade", listed);
            Assert.Contains($"dnat ip to {Address(2)}:80", listed);

            // The published port works for traffic the host itself sends to one of its addresses.
            Directory.CreateDirectory(Path.Combine(dir, "www"));
            await File.WriteAllTextAsync(Path.Combine(dir, "www", "index.html"), "hello " + _tag);
            var httpd = Process.Start(new ProcessStartInfo("nsenter") { ArgumentList = { $"--net={ns1}", "/bin/busybox", "httpd", "-f", "-p", "80", "-h", Path.Combine(dir, "www") } })!;
            try
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
                string? body = null;
                for (var attempt = 0; attempt < 20 && body is null; attempt++)
                {
                    try
                    {
                        body = await http.GetStringAsync($"http://{Address(1)}:{hostPort}/index.html");
                    }
                    catch (HttpRequestException) when (attempt < 19)
                    {
                        await Task.Delay(100);
                    }
                }
                Assert.Equal("hello " + _tag, body);
            }
            finally
            {
                httpd.Kill();
                await httpd.WaitForExitAsync();
                httpd.Dispose();
            }

            await _host.DisconnectAsync("wtv" + _tag + "b");
            Assert.False(_host.InterfaceExists("wtv" + _tag + "b"));
            await Assert.ThrowsAsync<ProcessFailed>(() => Run("nsenter", $"--net={ns1}", "/bin/busybox", "ping", "-c", "1", "-W", "1", Address(3)));
        }
        finally
        {
            await _host.DeleteFirewallAsync(table);
            await _host.DisconnectAsync("wtv" + _tag + "a");
            await _host.DisconnectAsync("wtv" + _tag + "b");
            await _host.DeleteNamespaceAsync(ns1);
            await _host.DeleteNamespaceAsync(ns2);
            await _host.DeleteBridgeAsync(bridge);
            Directory.Delete(dir, recursive: true);
        }
        Assert.False(_host.InterfaceExists(bridge));
        Assert.DoesNotContain(ns1, File.ReadAllText("/proc/self/mountinfo"));
        Assert.DoesNotContain(table, await Run("nft", "list", "tables"));
    }

    [Fact]
    public async Task ServiceCreatesAttachesAndRemovesOnTheHost()
    {
        var dir = Path.Combine(Path.GetTempPath(), "wharf-netsvc-" + _tag);
        var table = "wharft" + _tag;
        var bridge = "wtn" + _tag;
        var subnet = FreeSubnet();
        var options = new NetworkOptions { BridgeName = "wtd" + _tag, NftTable = table, VethPrefix = "wtv", NamespaceDirectory = Path.Combine(dir, "netns") };
        var database = new MetadataDatabase(Path.Combine(dir, "wharf.db"), NetworkSchema.Migrations);
        var service = new NetworkService(new NetworkStore(database), _host, options);
        var ns1 = Path.Combine(options.NamespaceDirectory, "c1");
        var ns2 = Path.Combine(options.NamespaceDirectory, "c2");
        try
        {
            await service.CreateAsync(new NetworkCreateOptions
            {
                Name = "it",
                Ipam = [new IpamConfig(subnet.ToString())],
                Options = new Dictionary<string, string> { [NetworkDrivers.BridgeNameOption] = bridge },
            });
            Assert.True(_host.InterfaceExists(bridge));
            await _host.CreateNamespaceAsync(ns1);
            await _host.CreateNamespaceAsync(ns2);
            var e1 = await service.AttachAsync("it", "c1", ns1);
            var e2 = await service.AttachAsync("it", "c2", ns2);
            await Run("nsenter", $"--net={ns1}", "/bin/busybox", "ping", "-c", "1", "-W", "3", e2.IPAddress);
            Assert.Contains(e1.MacAddress, await Run("nsenter", $"--net={ns1}", "ip", "link", "show", "eth0"));
            await Assert.ThrowsAsync<Core.Errors.ForbiddenException>(() => service.RemoveAsync("it"));
            await service.DetachAsync("it", "c1");
            await service.DetachAsync("it", "c2");
            Assert.False(_host.InterfaceExists(e1.HostInterface));
            await service.RemoveAsync("it");
            Assert.False(_host.InterfaceExists(bridge));
        }
        finally
        {
            foreach (var endpoint in service.Store.Endpoints())
            {
                await _host.DisconnectAsync(endpoint.HostInterface);
            }
            await _host.DeleteBridgeAsync(bridge);
            await _host.DeleteFirewallAsync(table);
            await _host.DeleteNamespaceAsync(ns1);
            await _host.DeleteNamespaceAsync(ns2);
            service.Dispose();
            database.Dispose();
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task FirewallIsolatesBridgesFromEachOther()
    {
        var dir = Path.Combine(Path.GetTempPath(), "wharf-netiso-" + _tag);
        var (b1, b2, table) = ("wti" + _tag + "a", "wti" + _tag + "b", "wharfi" + _tag);
        var s1 = FreeSubnet();
        var s2 = FreeSubnet(s1);
        string At(Ipv4Subnet s, int host) => Ipv4Address.Format(s.Network + (uint)host);
        var (ns1, ns2) = (Path.Combine(dir, "a"), Path.Combine(dir, "b"));
        try
        {
            await _host.EnableForwardingAsync();
            await _host.EnsureBridgeAsync(b1, [$"{At(s1, 1)}/24"], 1500);
            await _host.EnsureBridgeAsync(b2, [$"{At(s2, 1)}/24"], 1500);
            await _host.CreateNamespaceAsync(ns1);
            await _host.CreateNamespaceAsync(ns2);
            await _host.ConnectAsync(Veth(b1, "wtw" + _tag + "a", ns1, At(s1, 2)));
            await _host.ConnectAsync(Veth(b2, "wtw" + _tag + "b", ns2, At(s2, 2)));
            // Routed between the bridges by the host while no rule forbids it…
            await Run("nsenter", $"--net={ns1}", "/bin/busybox", "ping", "-c", "1", "-W", "3", At(s2, 2));
            await _host.ApplyFirewallAsync(new NftRuleset(table,
                [new FirewallBridge(b1, [s1.ToString()], false), new FirewallBridge(b2, [s2.ToString()], false)], []));
            // …and cut off once the ruleset isolates them; each still reaches its own gateway.
            await Assert.ThrowsAsync<ProcessFailed>(() => Run("nsenter", $"--net={ns1}", "/bin/busybox", "ping", "-c", "1", "-W", "1", At(s2, 2)));
            await Run("nsenter", $"--net={ns1}", "/bin/busybox", "ping", "-c", "1", "-W", "3", At(s1, 1));
        }
        finally
        {
            await _host.DeleteFirewallAsync(table);
            await _host.DisconnectAsync("wtw" + _tag + "a");
            await _host.DisconnectAsync("wtw" + _tag + "b");
            await _host.DeleteNamespaceAsync(ns1);
            await _host.DeleteNamespaceAsync(ns2);
            await _host.DeleteBridgeAsync(b1);
            await _host.DeleteBridgeAsync(b2);
            Directory.Delete(dir, recursive: true);
        }
    }

    private static VethRequest Veth(string bridge, string hostInterface, string ns, string address) => new()
    {
        Bridge = bridge,
        HostInterface = hostInterface,
        NamespacePath = ns,
        Address = address + "/24",
        MacAddress = AddressAllocator.MacFor(Ipv4Address.Parse(address)),
        Gateway = Ipv4Address.Format((Ipv4Address.Parse(address) & 0xFFFFFF00u) + 1),
    };

    /// <summary>A random 10.213.x.0/24 that no host route covers.</summary>
    private static Ipv4Subnet FreeSubnet(params Ipv4Subnet[] taken)
    {
        var routes = HostRoutes.Read().Concat(taken).ToList();
        while (true)
        {
            var candidate = Ipv4Subnet.Parse($"10.213.{RandomNumberGenerator.GetInt32(1, 255)}.0/24");
            if (!routes.Any(r => r.Overlaps(candidate)))
            {
                return candidate;
            }
        }
    }

    private static async Task<string> Run(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new ProcessFailed($"{program} {string.Join(' ', args)}: exit {process.ExitCode}: {await stderr}{await stdout}");
        }
        return await stdout;
    }

    private sealed class ProcessFailed(string message) : Exception(message);
}
