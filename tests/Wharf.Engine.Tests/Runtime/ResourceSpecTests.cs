using Wharf.Core.Errors;
using Wharf.Engine.Runtime.Spec;

namespace Wharf.Engine.Tests.Runtime;

public sealed class ResourceSpecTests
{
    private const string Id = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static OciSpec Build(Func<ContainerSpecRequest, ContainerSpecRequest>? tweak = null)
    {
        var request = new ContainerSpecRequest { Id = Id, RootfsPath = "/tmp/rootfs", Args = ["sh"] };
        if (tweak != null)
            request = tweak(request);
        return new OciSpecBuilder(new EngineOptions { CgroupParent = "wharf" }, _ => ulong.MaxValue, false).Build(request);
    }

    [Fact]
    public void MemoryCpuPidsAndBlkioMapToLinuxResources()
    {
        var r = Build(x => x with
        {
            Memory = 64L << 20,
            MemorySwap = 128L << 20,
            MemoryReservation = 32L << 20,
            MemorySwappiness = 10,
            OomKillDisable = true,
            CpuPeriod = 50_000,
            CpuQuota = 25_000,
            CpusetCpus = "0",
            CpusetMems = "0",
            PidsLimit = -1,
            BlkioWeight = 300,
        }).Linux!.Resources!;
        Assert.Equal(64L << 20, r.Memory!.Limit);
        Assert.Equal(128L << 20, r.Memory.Swap);
        Assert.Equal(32L << 20, r.Memory.Reservation);
        Assert.Equal(10UL, r.Memory.Swappiness);
        Assert.True(r.Memory.DisableOOMKiller);
        Assert.Equal(50_000UL, r.Cpu!.Period);
        Assert.Equal(25_000, r.Cpu.Quota);
        Assert.Equal("0", r.Cpu.Cpus);
        Assert.Equal(-1, r.Pids!.Limit);
        Assert.Equal((ushort)300, r.BlockIo!.Weight);
    }

    [Fact]
    public void UnsetLimitsStayOutOfTheSpec()
    {
        var r = Build().Linux!.Resources!;
        Assert.Null(r.Memory);
        Assert.Null(r.Cpu);
        Assert.Null(r.Pids);
        Assert.Null(r.BlockIo);
    }

    [Fact]
    public void NanoCpusUseDockersPeriod()
    {
        var cpu = OciSpecBuilder.LimitResources(new ContainerSpecRequest { Id = Id, RootfsPath = "/", Args = ["sh"], NanoCpus = 250_000_000 }).Cpu!;
        Assert.Equal(100_000UL, cpu.Period);
        Assert.Equal(25_000, cpu.Quota);
    }

    [Fact]
    public void DefaultSeccompProfileIsAppliedUnlessPrivilegedOrUnconfined()
    {
        var seccomp = Build().Linux!.Seccomp!;
        Assert.Equal("SCMP_ACT_ERRNO", seccomp.DefaultAction);
        Assert.Equal(1U, seccomp.DefaultErrnoRet);
        var allowed = seccomp.Syscalls!.Where(s => s.Action == "SCMP_ACT_ALLOW" && s.Args == null).SelectMany(s => s.Names).ToHashSet();
        Assert.Contains("read", allowed);
        Assert.Contains("chroot", allowed);
        Assert.DoesNotContain("mount", allowed);
        Assert.DoesNotContain("unshare", allowed);
        Assert.DoesNotContain("reboot", allowed);
        Assert.Contains(seccomp.Syscalls!, s => s.Names.Contains("clone3") && s.Action == "SCMP_ACT_ERRNO" && s.ErrnoRet == 38);

        Assert.Null(Build(x => x with { Privileged = true }).Linux!.Seccomp);
        Assert.Null(Build(x => x with { SeccompProfile = "unconfined" }).Linux!.Seccomp);
    }

    [Fact]
    public void CapAddSysAdminUnlocksTheSyscallsItGuards()
    {
        var seccomp = Build(x => x with { CapAdd = ["SYS_ADMIN"] }).Linux!.Seccomp!;
        var allowed = seccomp.Syscalls!.Where(s => s.Action == "SCMP_ACT_ALLOW").SelectMany(s => s.Names).ToHashSet();
        Assert.Contains("mount", allowed);
        Assert.Contains("unshare", allowed);
        Assert.DoesNotContain(seccomp.Syscalls!, s => s.Names.Contains("clone3") && s.Action == "SCMP_ACT_ERRNO");
    }

    [Fact]
    public void PrivilegedGetsHostDevicesAndAllowAll()
    {
        var linux = Build(x => x with { Privileged = true }).Linux!;
        Assert.Contains(linux.Devices!, d => d.Path == "/dev/null" && d.Type == "c" && d.Major == 1 && d.Minor == 3);
        var rule = Assert.Single(linux.Resources!.Devices!);
        Assert.True(rule.Allow);
        Assert.Null(linux.MaskedPaths);
    }

    [Fact]
    public void DeviceMappingCreatesTheNodeAndAllowsIt()
    {
        var linux = Build(x => x with { Devices = [new SpecDevice("/dev/null", "/dev/mynull", "rw")], DeviceCgroupRules = ["c 1:5 rwm"] }).Linux!;
        var device = Assert.Single(linux.Devices!);
        Assert.Equal(("/dev/mynull", "c", 1L, 3L), (device.Path, device.Type, device.Major, device.Minor));
        Assert.Contains(linux.Resources!.Devices!, r => r.Allow && r.Major == 1 && r.Minor == 3 && r.Access == "rw");
        Assert.Contains(linux.Resources!.Devices!, r => r.Allow && r.Major == 1 && r.Minor == 5 && r.Access == "rwm");
    }

    [Fact]
    public void MissingDeviceIsDockersError()
    {
        var e = Assert.Throws<InvalidArgumentException>(() => Build(x => x with { Devices = [new SpecDevice("/dev/nope-nope")] }));
        Assert.Equal("error gathering device information while adding custom device \"/dev/nope-nope\": no such file or directory", e.Message);
    }

    [Theory]
    [InlineData("c 1:3 rwm", "c", 1L, 3L, "rwm")]
    [InlineData("a *:* m", "a", null, null, "m")]
    [InlineData("b 8:* r", "b", 8L, null, "r")]
    public void DeviceCgroupRulesParse(string rule, string type, long? major, long? minor, string access)
    {
        var r = OciSpecBuilder.ParseDeviceCgroupRule(rule);
        Assert.Equal((type, major, minor, access), (r.Type, r.Major, r.Minor, r.Access));
    }

    [Fact]
    public void BadDeviceCgroupRuleIsRefused() =>
        Assert.Throws<InvalidArgumentException>(() => OciSpecBuilder.ParseDeviceCgroupRule("x 1:3 rwm"));

    [Fact]
    public void NamespaceModes()
    {
        var host = Build(x => x with { PidMode = "host", IpcMode = "host", UtsMode = "host" });
        Assert.DoesNotContain(host.Linux!.Namespaces, n => n.Type is "pid" or "ipc" or "uts");
        Assert.Null(host.Hostname);
        var joined = Build(x => x with { PidNamespacePath = "/proc/42/ns/pid", IpcNamespacePath = "/proc/42/ns/ipc" });
        Assert.Contains(joined.Linux!.Namespaces, n => n.Type == "pid" && n.Path == "/proc/42/ns/pid");
        Assert.Contains(joined.Linux!.Namespaces, n => n.Type == "ipc" && n.Path == "/proc/42/ns/ipc");
        Assert.DoesNotContain(Build(x => x with { IpcMode = "none" }).Mounts, m => m.Destination == "/dev/shm");
    }
}
