using System.Text.Json;
using Wharf.Core.Errors;
using Wharf.Engine.Runtime;
using Wharf.Engine.Runtime.Spec;

namespace Wharf.Engine.Tests.Runtime;

public sealed class OciSpecBuilderTests
{
    private const string Id = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static OciSpec Build(Func<ContainerSpecRequest, ContainerSpecRequest>? tweak = null, Func<int, ulong>? hard = null, bool v2 = false)
    {
        var request = new ContainerSpecRequest { Id = Id, RootfsPath = "/tmp/rootfs", Args = ["sh"] };
        if (tweak != null)
            request = tweak(request);
        return new OciSpecBuilder(new EngineOptions { CgroupParent = "wharf" }, hard ?? (_ => 1024), v2).Build(request);
    }

    [Fact]
    public void DefaultCapabilitiesAreDockersFourteenWithoutInheritable()
    {
        var caps = Build().Process!.Capabilities!;
        Assert.Equal(14, caps.Bounding!.Count);
        Assert.Equal(Capabilities.Default, caps.Bounding);
        Assert.Equal(caps.Bounding, caps.Effective);
        Assert.Equal(caps.Bounding, caps.Permitted);
        Assert.Null(caps.Inheritable);
        Assert.Null(caps.Ambient);
        Assert.DoesNotContain("CAP_SYS_ADMIN", caps.Bounding);
    }

    [Fact]
    public void CapAddAndDropFollowDockerRules()
    {
        var caps = Build(r => r with { CapAdd = ["net_admin", "CAP_SYS_PTRACE"], CapDrop = ["chown"] }).Process!.Capabilities!.Bounding!;
        Assert.Contains("CAP_NET_ADMIN", caps);
        Assert.Contains("CAP_SYS_PTRACE", caps);
        Assert.DoesNotContain("CAP_CHOWN", caps);

        var only = Build(r => r with { CapAdd = ["kill"], CapDrop = ["ALL"] }).Process!.Capabilities!.Bounding!;
        Assert.Equal(["CAP_KILL"], only);

        var all = Build(r => r with { CapAdd = ["all"], CapDrop = ["NET_RAW"] }).Process!.Capabilities!.Bounding!;
        Assert.Contains("CAP_SYS_ADMIN", all);
        Assert.DoesNotContain("CAP_NET_RAW", all);

        var e = Assert.Throws<InvalidArgumentException>(() => Build(r => r with { CapAdd = ["foo"] }));
        Assert.Equal("unknown capability: \"CAP_FOO\"", e.Message);
    }

    [Fact]
    public void MaskedAndReadonlyPathsUnlessPrivileged()
    {
        var linux = Build().Linux!;
        Assert.Contains("/proc/kcore", linux.MaskedPaths!);
        Assert.Contains("/proc/keys", linux.MaskedPaths!);
        Assert.Contains("/sys/firmware", linux.MaskedPaths!);
        Assert.Equal(["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"], linux.ReadonlyPaths);

        var privileged = Build(r => r with { Privileged = true });
        Assert.Null(privileged.Linux!.MaskedPaths);
        Assert.Null(privileged.Linux.ReadonlyPaths);
        Assert.Contains("CAP_SYS_ADMIN", privileged.Process!.Capabilities!.Bounding!);
        Assert.True(privileged.Linux.Resources!.Devices!.Single().Allow);
        Assert.Contains("rw", privileged.Mounts.Single(m => m.Destination == "/sys").Options!);
    }

    [Fact]
    public void DefaultMountsDevicesAndNamespaces()
    {
        var spec = Build();
        Assert.Equal(["/proc", "/dev", "/dev/pts", "/sys", "/sys/fs/cgroup", "/dev/mqueue", "/dev/shm"], spec.Mounts.Select(m => m.Destination));
        Assert.Contains("size=65536k", spec.Mounts[1].Options!);
        Assert.Contains("ptmxmode=0666", spec.Mounts[2].Options!);
        Assert.Contains("gid=5", spec.Mounts[2].Options!);
        Assert.Contains("ro", spec.Mounts[3].Options!);
        Assert.Contains("size=67108864", spec.Mounts[6].Options!);
        Assert.Equal(["mount", "network", "uts", "pid", "ipc"], spec.Linux!.Namespaces.Select(n => n.Type));
        Assert.Equal("wharf/" + Id, spec.Linux.CgroupsPath);
        Assert.Equal(Id[..12], spec.Hostname);
        var devices = spec.Linux.Resources!.Devices!;
        Assert.False(devices[0].Allow);
        Assert.Null(devices[0].Type);
        Assert.Contains(devices, d => d.Allow && d.Major == 1 && d.Minor == 3);
        Assert.Contains(devices, d => !d.Allow && d.Major == 10 && d.Minor == 229);
        Assert.False(spec.Process!.NoNewPrivileges);
        Assert.Equal(0, spec.Process.OomScoreAdj);
        Assert.Null(spec.Process.Rlimits);

        Assert.Contains(Build(v2: true).Linux!.Namespaces, n => n.Type == "cgroup");
    }

    [Fact]
    public void HostNetworkSharesNetAndUtsNamespaces()
    {
        var spec = Build(r => r with { NetworkMode = "host" });
        Assert.DoesNotContain(spec.Linux!.Namespaces, n => n.Type is "network" or "uts");
        Assert.Null(spec.Hostname);
        Assert.Null(spec.Linux.Sysctl);

        var joined = Build(r => r with { NetworkMode = "bridge", NetworkNamespacePath = "/run/netns/x" });
        Assert.Equal("/run/netns/x", joined.Linux!.Namespaces.Single(n => n.Type == "network").Path);
    }

    [Fact]
    public void UlimitsAreClampedToTheDaemonsHardLimit()
    {
        var rl = Build(r => r with { Ulimits = [new Ulimit("nofile", 4096, 1_000_000), new Ulimit("nproc", 10, 20)] }, hard: res => res == 7 ? 2048UL : ulong.MaxValue).Process!.Rlimits!;
        var nofile = rl.Single(x => x.Type == "RLIMIT_NOFILE");
        Assert.Equal(2048UL, nofile.Hard);
        Assert.Equal(2048UL, nofile.Soft);
        var nproc = rl.Single(x => x.Type == "RLIMIT_NPROC");
        Assert.Equal(20UL, nproc.Hard);
        Assert.Equal(10UL, nproc.Soft);
        Assert.Throws<InvalidArgumentException>(() => Build(r => r with { Ulimits = [new Ulimit("bogus", 1, 1)] }));
    }

    [Fact]
    public void EnvironmentFollowsDockerOrder()
    {
        var env = Build(r => r with { Tty = true, Env = ["FOO=bar", "PATH=/x"], User = new ResolvedUser(1000, 1000, [], "/home/u") }).Process!.Env;
        Assert.Equal(["PATH=/x", "HOSTNAME=" + Id[..12], "TERM=xterm", "FOO=bar", "HOME=/home/u"], env);
        var plain = Build().Process!.Env;
        Assert.Equal("PATH=" + OciSpecBuilder.DefaultPath, plain[0]);
        Assert.Equal("HOME=/root", plain[^1]);
    }

    [Fact]
    public void UserAndGroupsAreNumeric()
    {
        var user = Build(r => r with { User = new ResolvedUser(1000, 100, [10, 20], "/") }).Process!.User;
        Assert.Equal(1000u, user.Uid);
        Assert.Equal(100u, user.Gid);
        Assert.Equal([10u, 20u], user.AdditionalGids);
    }

    [Fact]
    public void BindMountsGetRbindRprivateAndReplaceDefaults()
    {
        var spec = Build(r => r with
        {
            Mounts =
            [
                new SpecMount("/host/hosts", "/etc/hosts"),
                new SpecMount("/host/resolv", "/etc/resolv.conf", Options: ["ro"]),
                new SpecMount("tmpfs", "/dev/shm", "tmpfs", ["size=1m"]),
            ],
        });
        var hosts = spec.Mounts.Single(m => m.Destination == "/etc/hosts");
        Assert.Equal(["rbind", "rprivate"], hosts.Options);
        Assert.Equal(["rbind", "ro", "rprivate"], spec.Mounts.Single(m => m.Destination == "/etc/resolv.conf").Options);
        Assert.Equal(["size=1m"], spec.Mounts.Single(m => m.Destination == "/dev/shm").Options);
    }

    [Fact]
    public void InitPrefixesArgsAndBindsTheBinary()
    {
        var spec = Build(r => r with { Init = true, InitPath = "/usr/bin/catatonit", Args = ["sleep", "1"] });
        Assert.Equal(["/sbin/docker-init", "--", "sleep", "1"], spec.Process!.Args);
        var m = spec.Mounts.Single(x => x.Destination == "/sbin/docker-init");
        Assert.Equal("/usr/bin/catatonit", m.Source);
        Assert.Contains("ro", m.Options!);
    }

    [Fact]
    public void LimitsMapToResources()
    {
        var r = Build(x => x with { Memory = 32 << 20, PidsLimit = 100, NanoCpus = 1_500_000_000, CpuShares = 512 }).Linux!.Resources!;
        Assert.Equal(32L << 20, r.Memory!.Limit);
        Assert.Equal(100, r.Pids!.Limit);
        Assert.Equal(150_000, r.Cpu!.Quota);
        Assert.Equal(512UL, r.Cpu.Shares);
    }

    [Fact]
    public void SerializesCamelCaseWithoutNulls()
    {
        var json = JsonSerializer.Serialize(Build(), OciSpecJsonContext.Default.OciSpec);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal("sh", root.GetProperty("process").GetProperty("args")[0].GetString());
        Assert.Equal("/tmp/rootfs", root.GetProperty("root").GetProperty("path").GetString());
        Assert.True(root.GetProperty("linux").TryGetProperty("maskedPaths", out _));
        Assert.True(root.GetProperty("linux").TryGetProperty("cgroupsPath", out _));
        Assert.False(root.TryGetProperty("annotations", out _));
        Assert.DoesNotContain("null", json);
    }

    [Fact]
    public void EmptyArgsAreRejected()
    {
        Assert.Throws<InvalidArgumentException>(() => Build(r => r with { Args = [] }));
    }
}
