using Wharf.Core.Errors;
using Wharf.Engine.Containers;

namespace Wharf.Engine.Tests.Networks.Dns;

/// <summary>hosts and resolv.conf by Docker's rules for each kind of network and the --dns*/--add-host/--link overrides.</summary>
public sealed class ContainerNetworkFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("wharf-netfiles-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private ContainerHostFiles Files(string hostResolvConf)
    {
        var path = Path.Combine(_dir, "host-resolv.conf");
        File.WriteAllText(path, hostResolvConf);
        return new ContainerHostFiles { HostResolvConfPath = path, SystemdResolvConfPath = Path.Combine(_dir, "absent") };
    }

    [Fact]
    public void UserDefinedNetworksUseTheEmbeddedServerWithTheHostsSearchAndOptions()
    {
        var files = Files("nameserver 10.0.0.2\nsearch corp.test lab.test\noptions edns0\n");
        var text = files.BuildResolvConf(new ContainerNetworkFiles { Hostname = "h", NetworkMode = "mynet", EmbeddedDnsServer = "172.30.0.1" });
        Assert.Equal("nameserver 172.30.0.1\nsearch corp.test lab.test\noptions edns0 ndots:0\n", text);
    }

    [Fact]
    public void EmbeddedServerKeepsAGivenNdotsAndNotesExternalServers()
    {
        var files = Files("nameserver 10.0.0.2\n");
        var text = files.BuildResolvConf(new ContainerNetworkFiles
        {
            Hostname = "h",
            EmbeddedDnsServer = "172.30.0.1",
            Dns = ["1.1.1.1"],
            DnsSearch = ["example.test"],
            DnsOptions = ["ndots:3"],
        });
        Assert.Equal("nameserver 172.30.0.1\nsearch example.test\noptions ndots:3\n\n# ExtServers: [1.1.1.1]\n", text);
    }

    [Fact]
    public void DefaultBridgeDropsLoopbackServersAndAppliesOverrides()
    {
        var files = Files("nameserver 127.0.0.53\nnameserver 10.0.0.2\nsearch corp.test\noptions rotate\n");
        Assert.Equal("nameserver 10.0.0.2\nsearch corp.test\noptions rotate\n",
            files.BuildResolvConf(new ContainerNetworkFiles { Hostname = "h", NetworkMode = "bridge" }));
        Assert.Equal("nameserver 127.0.0.1\nsearch example.test\noptions rotate\n",
            files.BuildResolvConf(new ContainerNetworkFiles { Hostname = "h", NetworkMode = "bridge", Dns = ["127.0.0.1"], DnsSearch = ["example.test"] }));
        // "." as the only search domain means none.
        Assert.Equal("nameserver 10.0.0.2\noptions timeout:1\n",
            files.BuildResolvConf(new ContainerNetworkFiles { Hostname = "h", NetworkMode = "bridge", DnsSearch = ["."], DnsOptions = ["timeout:1"] }));
        Assert.Equal("nameserver 8.8.8.8\nnameserver 8.8.4.4\n",
            Files("nameserver 127.0.0.1\n").BuildResolvConf(new ContainerNetworkFiles { Hostname = "h", NetworkMode = "bridge" }));
    }

    [Fact]
    public void HostsListsExtraHostsLinksThenOwnAddresses()
    {
        var hosts = ContainerHostFiles.BuildHosts(new ContainerNetworkFiles
        {
            Hostname = "web",
            Domainname = "example.test",
            Addresses = ["172.17.0.5", "172.30.0.4"],
            ExtraHosts = [new HostsEntry("1.2.3.4", ["x"]), new HostsEntry("172.17.0.2", ["database", "0123456789ab", "db"])],
        });
        Assert.EndsWith(
            "ff02::2\tip6-allrouters\n1.2.3.4\tx\n172.17.0.2\tdatabase 0123456789ab db\n172.17.0.5\tweb.example.test web\n172.30.0.4\tweb.example.test web\n",
            hosts);
        Assert.StartsWith("127.0.0.1\tlocalhost\n", hosts);
    }

    [Fact]
    public void ExtraHostsMapHostGatewayAndRejectBadValues()
    {
        var entries = ContainerHostFiles.ExtraHostEntries(["x:1.2.3.4", "gw:host-gateway", "v6:::1", "eq=10.0.0.1"], "172.17.0.1");
        Assert.Equal(["1.2.3.4\tx", "172.17.0.1\tgw", "::1\tv6", "10.0.0.1\teq"], entries.Select(e => e.ToString()));
        Assert.Equal(["1.2.3.4\tx"], ContainerHostFiles.ExtraHostEntries(["x:1.2.3.4", "gw:host-gateway"], null).Select(e => e.ToString()));
        Assert.Equal("invalid IP address in add-host: \"nope\"", Assert.Throws<InvalidArgumentException>(() => ExtraHostSyntax.Parse("x:nope")).Message);
        Assert.Equal("bad format for add-host: \"x\"", Assert.Throws<InvalidArgumentException>(() => ExtraHostSyntax.Parse("x")).Message);
        Assert.Equal("1.2.3 is not an ip address", Assert.Throws<InvalidArgumentException>(() => ExtraHostSyntax.CheckNameservers(["1.2.3"])).Message);
    }

    [Fact]
    public void LinksParseLikeDockers()
    {
        Assert.Equal(("db", "database"), ExtraHostSyntax.ParseLink("db:database"));
        Assert.Equal(("db", "db"), ExtraHostSyntax.ParseLink("db"));
        Assert.Equal(("db", "database"), ExtraHostSyntax.ParseLink("/db:/web/database"));
        Assert.Throws<InvalidArgumentException>(() => ExtraHostSyntax.ParseLink("a:b:c"));
        Assert.Throws<InvalidArgumentException>(() => ExtraHostSyntax.ParseLink(":x"));
    }

    [Fact]
    public void UpdateRewritesInPlaceSoBindMountsSeeIt()
    {
        var files = Files("nameserver 10.0.0.2\n");
        var target = Directory.CreateDirectory(Path.Combine(_dir, "c")).FullName;
        var paths = files.Write(target, new ContainerNetworkFiles { Hostname = "box" });
        var inode = Inode(paths.Hosts);
        files.Update(paths.Hosts, paths.ResolvConf, new ContainerNetworkFiles { Hostname = "box", Addresses = ["172.30.0.9"], EmbeddedDnsServer = "172.30.0.1" });
        Assert.Equal(inode, Inode(paths.Hosts));
        Assert.EndsWith("172.30.0.9\tbox\n", File.ReadAllText(paths.Hosts));
        Assert.StartsWith("nameserver 172.30.0.1\n", File.ReadAllText(paths.ResolvConf));
    }

    private static string Inode(string path)
    {
        var info = new System.Diagnostics.ProcessStartInfo("stat", ["-c", "%i", path]) { RedirectStandardOutput = true };
        using var process = System.Diagnostics.Process.Start(info)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text.Trim();
    }
}
