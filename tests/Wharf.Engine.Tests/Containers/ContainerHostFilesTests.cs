using Wharf.Engine.Containers;

namespace Wharf.Engine.Tests.Containers;

public sealed class ContainerHostFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("wharf-hostfiles-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void HostsHasLocalhostAndOwnName()
    {
        var hosts = ContainerHostFiles.BuildHosts("abc123", "");
        Assert.StartsWith("127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n", hosts);
        Assert.Contains("\nff02::2\tip6-allrouters\n", hosts);
        Assert.EndsWith("127.0.0.1\tabc123\n", hosts);
        Assert.EndsWith("127.0.0.1\tweb.example.com web\n", ContainerHostFiles.BuildHosts("web", "example.com"));
    }

    [Fact]
    public void ResolvConfDropsLoopbackNameservers()
    {
        var text = ContainerHostFiles.FilterResolvConf(["search corp", "nameserver 127.0.0.53", "nameserver 10.0.0.2", "options ndots:2"]);
        Assert.Equal("search corp\nnameserver 10.0.0.2\noptions ndots:2\n", text);
    }

    [Fact]
    public void ResolvConfFallsBackToPublicResolvers()
    {
        var text = ContainerHostFiles.FilterResolvConf(["nameserver 127.0.0.1", "nameserver ::1"]);
        Assert.Equal("nameserver 8.8.8.8\nnameserver 8.8.4.4\n", text);
    }

    [Fact]
    public void WriteUsesHostFilesInHostMode()
    {
        var hostHosts = Path.Combine(_dir, "host-hosts");
        var hostResolv = Path.Combine(_dir, "host-resolv");
        File.WriteAllText(hostHosts, "10.1.1.1 myhost\n");
        File.WriteAllText(hostResolv, "nameserver 127.0.0.1\n");
        var files = new ContainerHostFiles { HostHostsPath = hostHosts, HostResolvConfPath = hostResolv, SystemdResolvConfPath = Path.Combine(_dir, "none") };
        var target = Directory.CreateDirectory(Path.Combine(_dir, "c")).FullName;

        var paths = files.Write(target, "box", "", "host");
        Assert.Equal("10.1.1.1 myhost\n", File.ReadAllText(paths.Hosts));
        Assert.Equal("nameserver 127.0.0.1\n", File.ReadAllText(paths.ResolvConf));
        Assert.Equal("box\n", File.ReadAllText(paths.Hostname));

        paths = files.Write(target, "box", "", "none");
        Assert.EndsWith("127.0.0.1\tbox\n", File.ReadAllText(paths.Hosts));
        Assert.Equal("nameserver 8.8.8.8\nnameserver 8.8.4.4\n", File.ReadAllText(paths.ResolvConf));
    }

    [Fact]
    public void SystemdStubIsReplacedByUpstreamList()
    {
        var hostResolv = Path.Combine(_dir, "host-resolv");
        var systemd = Path.Combine(_dir, "systemd-resolv");
        File.WriteAllText(hostResolv, "nameserver 127.0.0.53\n");
        File.WriteAllText(systemd, "nameserver 192.168.1.1\n");
        var files = new ContainerHostFiles { HostResolvConfPath = hostResolv, SystemdResolvConfPath = systemd };
        Assert.Equal("nameserver 192.168.1.1\n", files.BuildResolvConf(hostNetwork: false));
    }
}
