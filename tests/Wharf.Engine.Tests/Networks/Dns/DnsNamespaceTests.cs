using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Wharf.Engine.Networks.Dns;
using Wharf.Engine.Networks.Ipam;
using Wharf.Engine.Networks.Linux;

namespace Wharf.Engine.Tests.Networks.Dns;

/// <summary>
/// Root test against the real kernel: the server listens on port 53 of a test bridge's gateway and busybox nslookup
/// asks it from inside network namespaces attached to that bridge, as containers do. Everything is unique per run and
/// removed in finally.
/// </summary>
public sealed class DnsNamespaceTests
{
    private readonly IpNetworkHost _host = new();
    private readonly string _tag = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));

    [Fact]
    public async Task BusyboxNslookupInANamespaceResolvesContainersAndForwardsTheRest()
    {
        var dir = Directory.CreateTempSubdirectory("wharf-dnsns-").FullName;
        var bridge = "wdb" + _tag;
        var subnet = FreeSubnet();
        string At(int host) => Ipv4Address.Format(subnet.Network + (uint)host);
        var (ns1, ns2) = (Path.Combine(dir, "web"), Path.Combine(dir, "db"));
        var (veth1, veth2) = ("wdv" + _tag + "a", "wdv" + _tag + "b");
        var resolvConf = Path.Combine(dir, "host-resolv.conf");
        await using var upstream = new FakeUpstream();
        await File.WriteAllTextAsync(resolvConf, "nameserver 127.0.0.1\n");
        var dns = new EmbeddedDns(new EmbeddedDnsOptions { ResolvConfPath = resolvConf, UpstreamPort = upstream.Port });
        try
        {
            // The listener comes up before the bridge has its address (IP_FREEBIND).
            await dns.AddNetworkAsync("net", IPAddress.Parse(At(1)), "testnet");
            await _host.EnsureBridgeAsync(bridge, [$"{At(1)}/24"], 1500);
            await _host.CreateNamespaceAsync(ns1);
            await _host.CreateNamespaceAsync(ns2);
            await _host.ConnectAsync(Veth(bridge, veth1, ns1, At(2), At(1)));
            await _host.ConnectAsync(Veth(bridge, veth2, ns2, At(3), At(1)));
            dns.AddRecords("net", "web-id", ["web", "0123456789ab"], IPAddress.Parse(At(2)), null);
            dns.AddRecords("net", "db-id", ["db", "database"], IPAddress.Parse(At(3)), null);

            var byName = await Run("nsenter", $"--net={ns1}", "/bin/busybox", "nslookup", "database", At(1));
            Assert.Contains(At(3), byName);
            var byShortId = await Run("nsenter", $"--net={ns2}", "/bin/busybox", "nslookup", "0123456789AB", At(1));
            Assert.Contains(At(2), byShortId);
            var reverse = await Run("nsenter", $"--net={ns2}", "/bin/busybox", "nslookup", At(2), At(1));
            Assert.Contains("web.testnet", reverse);
            var forwarded = await Run("nsenter", $"--net={ns1}", "/bin/busybox", "nslookup", "example.org", At(1));
            Assert.Contains(FakeUpstream.Answer.ToString(), forwarded);
            Assert.True(upstream.UdpQueries >= 1);

            dns.RemoveRecords("net", "db-id");
            await File.WriteAllTextAsync(resolvConf, "# no upstream\n");
            File.SetLastWriteTimeUtc(resolvConf, DateTime.UtcNow.AddMinutes(1));
            await Task.Delay(1100); // the host file is re-read at most once a second
            var failure = await Assert.ThrowsAsync<ProcessFailedException>(() => Run("nsenter", $"--net={ns1}", "/bin/busybox", "nslookup", "db", At(1)));
            Assert.Contains("NXDOMAIN", failure.Message);
        }
        finally
        {
            await dns.DisposeAsync();
            await _host.DisconnectAsync(veth1);
            await _host.DisconnectAsync(veth2);
            await _host.DeleteNamespaceAsync(ns1);
            await _host.DeleteNamespaceAsync(ns2);
            await _host.DeleteBridgeAsync(bridge);
            Directory.Delete(dir, recursive: true);
        }
        Assert.False(_host.InterfaceExists(bridge));
    }

    private static VethRequest Veth(string bridge, string hostInterface, string ns, string address, string gateway) => new()
    {
        Bridge = bridge,
        HostInterface = hostInterface,
        NamespacePath = ns,
        Address = address + "/24",
        MacAddress = AddressAllocator.MacFor(Ipv4Address.Parse(address)),
        Gateway = gateway,
    };

    /// <summary>A random 10.214.x.0/24 that no host route covers.</summary>
    private static Ipv4Subnet FreeSubnet()
    {
        var routes = HostRoutes.Read();
        while (true)
        {
            var candidate = Ipv4Subnet.Parse($"10.214.{RandomNumberGenerator.GetInt32(1, 255)}.0/24");
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
            throw new ProcessFailedException($"{program} {string.Join(' ', args)}: exit {process.ExitCode}: {await stderr}{await stdout}");
        }
        return await stdout;
    }

    private sealed class ProcessFailedException(string message) : Exception(message);
}
