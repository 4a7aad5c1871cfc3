using Wharf.Core.Errors;
using Wharf.Engine.Containers;
using Wharf.Engine.Runtime.Cgroups;

namespace Wharf.Engine.Tests.Containers;

public sealed class ResourceValidatorTests
{
    private static readonly CgroupSysInfo s_full = new()
    {
        MemoryLimit = true,
        SwapLimit = true,
        MemoryReservation = true,
        OomKillDisable = true,
        MemorySwappiness = true,
        CpuShares = true,
        CpuCfs = true,
        Cpuset = true,
        BlkioWeight = true,
        PidsLimit = true,
        CpusAvailable = "0-1",
        MemsAvailable = "0",
    };

    private static ContainerHostConfig Create(ContainerResources r, List<string>? warnings = null, CgroupSysInfo? sys = null) =>
        ResourceValidator.ValidateCreate(new ContainerHostConfig { NetworkMode = "none", Resources = r }, sys ?? s_full, 2, warnings ?? []);

    private static string Error(ContainerResources r, CgroupSysInfo? sys = null) =>
        Assert.Throws<InvalidArgumentException>(() => Create(r, null, sys)).Message;

    [Fact]
    public void MemoryRules()
    {
        Assert.Equal("Minimum memory limit allowed is 6MB", Error(new() { Memory = 1 << 20 }));
        Assert.Equal("Minimum memoryswap limit should be larger than memory limit, see usage", Error(new() { Memory = 64 << 20, MemorySwap = 32 << 20 }));
        Assert.Equal("You should always set the Memory limit when using Memoryswap limit, see usage", Error(new() { MemorySwap = 64 << 20 }));
        Assert.Equal("Minimum memory reservation allowed is 6MB", Error(new() { MemoryReservation = 1 << 20 }));
        Assert.Equal("Minimum memory limit can not be less than memory reservation limit, see usage", Error(new() { Memory = 32 << 20, MemoryReservation = 64 << 20 }));
        Assert.Equal("Invalid value: 101, valid memory swappiness range is 0-100", Error(new() { MemorySwappiness = 101 }));
    }

    [Fact]
    public void SwapDefaultsToTwiceTheMemory()
    {
        Assert.Equal(64L << 20, Create(new() { Memory = 32 << 20 }).Resources.MemorySwap);
        Assert.Equal(-1, Create(new() { Memory = 32 << 20, MemorySwap = -1 }).Resources.MemorySwap);
    }

    [Fact]
    public void CpuRules()
    {
        Assert.Equal("Range of CPUs is from 0.01 to 2.00, as there are only 2 CPUs available", Error(new() { NanoCpus = 3_000_000_000 }));
        Assert.Equal("Conflicting options: Nano CPUs and CPU Period cannot both be set", Error(new() { NanoCpus = 1_000_000_000, CpuPeriod = 100_000 }));
        Assert.Equal("Conflicting options: Nano CPUs and CPU Quota cannot both be set", Error(new() { NanoCpus = 1_000_000_000, CpuQuota = 50_000 }));
        Assert.Equal("CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)", Error(new() { CpuPeriod = 10 }));
        Assert.Equal("CPU cfs quota can not be less than 1ms (i.e. 1000)", Error(new() { CpuQuota = 10 }));
        Assert.Equal("Requested CPUs are not available - requested 0-3, available: 0-1", Error(new() { CpusetCpus = "0-3" }));
        Assert.Equal("Invalid value x for cpuset cpus", Error(new() { CpusetCpus = "x" }));
    }

    [Fact]
    public void UnsupportedSettingsAreDiscardedWithDockersWarnings()
    {
        var warnings = new List<string>();
        var sys = s_full with { BlkioWeight = false, SwapLimit = false, OomKillDisable = false };
        var r = Create(new() { BlkioWeight = 500, Memory = 32 << 20, OomKillDisable = true }, warnings, sys).Resources;
        Assert.Equal(0, r.BlkioWeight);
        Assert.Equal(-1, r.MemorySwap);
        Assert.False(r.OomKillDisable);
        Assert.Equal(
        [
            "Your kernel does not support swap limit capabilities or the cgroup is not mounted. Memory limited without swap.",
            "Your kernel does not support OomKillDisable. OomKillDisable discarded.",
            "Your kernel does not support Block I/O weight or the cgroup is not mounted. Weight discarded.",
        ], warnings);
        Assert.Equal("Range of blkio weight is from 10 to 1000", Error(new() { BlkioWeight = 5 }));
    }

    [Fact]
    public void ModesSecurityOptsAndSysctls()
    {
        static string Fails(ContainerHostConfig h) =>
            Assert.Throws<InvalidArgumentException>(() => ResourceValidator.ValidateCreate(h, s_full, 2, [])).Message;
        var h = new ContainerHostConfig { NetworkMode = "none" };
        Assert.Equal("invalid IPC mode: bogus", Fails(h with { IpcMode = "bogus" }));
        Assert.Equal("invalid PID mode: container:", Fails(h with { PidMode = "container:" }));
        Assert.Equal("invalid --security-opt 1: \"bogus\"", Fails(h with { SecurityOpt = ["bogus"] }));
        Assert.Equal("invalid --security-opt 2: \"foo=bar\"", Fails(h with { SecurityOpt = ["foo=bar"] }));
        Assert.Equal("sysctl 'kernel.panic' is not whitelisted", Fails(h with { Sysctls = new Dictionary<string, string> { ["kernel.panic"] = "1" } }));
        Assert.Equal("sysctl \"net.ipv4.ip_forward\" not allowed in host network namespace",
            Fails(h with { NetworkMode = "host", Sysctls = new Dictionary<string, string> { ["net.ipv4.ip_forward"] = "1" } }));
        Assert.Equal("Invalid value 2000, range for oom score adj is [-1000, 1000]", Fails(h with { OomScoreAdj = 2000 }));
        ResourceValidator.ValidateCreate(h with
        {
            IpcMode = "container:abc",
            PidMode = "host",
            SecurityOpt = ["no-new-privileges", "seccomp=unconfined", "label=disable"],
            Sysctls = new Dictionary<string, string> { ["kernel.shmmax"] = "1", ["net.core.somaxconn"] = "1" }
        }, s_full, 2, []);
        Assert.Equal((true, "unconfined"), ResourceValidator.ParseSecurityOpt(["no-new-privileges=true", "seccomp:unconfined"]));
    }
}
