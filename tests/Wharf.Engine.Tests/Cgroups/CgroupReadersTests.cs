using Wharf.Engine.Runtime.Cgroups;

namespace Wharf.Engine.Tests.Cgroups;

public sealed class CgroupReadersTests
{
    private const string ContainerPath = "/wharf/abc";

    [Fact]
    public void V2PathsAndStats()
    {
        using var fx = new CgroupFixture();
        var mount = Path.Combine(fx.Root, "sys/fs/cgroup");
        var dir = Path.Combine(mount, "wharf/abc");
        fx.Write("sys/fs/cgroup/wharf/abc/cpu.stat", "usage_usec 2500\nuser_usec 1500\nsystem_usec 1000\nnr_periods 10\nnr_throttled 2\nthrottled_usec 300\n");
        fx.Write("sys/fs/cgroup/wharf/abc/memory.current", "10485760\n");
        fx.Write("sys/fs/cgroup/wharf/abc/memory.max", "max\n");
        fx.Write("sys/fs/cgroup/wharf/abc/memory.stat", "anon 4096\nfile 8192\ninactive_file 4096\n");
        fx.Write("sys/fs/cgroup/wharf/abc/io.stat", "8:0 rbytes=1024 wbytes=2048 rios=3 wios=4 dbytes=0 dios=0\n253:1 rbytes=10 wbytes=20 rios=1 wios=2\n");
        fx.Write("sys/fs/cgroup/wharf/abc/pids.current", "3\n");
        fx.Write("sys/fs/cgroup/wharf/abc/pids.max", "50\n");
        fx.Write("proc/77/cgroup", "0::" + ContainerPath + "\n");

        var layout = new CgroupLayout(true, mount, [], Path.Combine(fx.Root, "proc"));
        var dirs = layout.ForProcess(77)!;
        Assert.True(dirs.Unified);
        Assert.Equal(dir, dirs.For("memory"));

        var s = CgroupStatsReader.Read(dirs);
        Assert.Equal(2_500_000UL, s.CpuTotal);
        Assert.Equal(1_500_000UL, s.CpuUser);
        Assert.Equal(1_000_000UL, s.CpuKernel);
        Assert.Equal((10UL, 2UL, 300_000UL), (s.ThrottlePeriods, s.ThrottledPeriods, s.ThrottledTime));
        Assert.Equal(10485760UL, s.MemoryUsage);
        Assert.Equal(ulong.MaxValue, s.MemoryLimit);
        Assert.Equal(4096UL, s.MemoryStat["inactive_file"]);
        Assert.Equal(4, s.IoServiceBytes.Count);
        Assert.Contains(new BlkioEntry(8, 0, "read", 1024), s.IoServiceBytes);
        Assert.Contains(new BlkioEntry(253, 1, "write", 20), s.IoServiceBytes);
        Assert.Contains(new BlkioEntry(8, 0, "write", 4), s.IoServiced);
        Assert.Equal((3UL, 50UL), (s.PidsCurrent, s.PidsLimit));
    }

    [Fact]
    public void V1PathsFollowTheMountTableAndStatsReadEveryController()
    {
        using var fx = new CgroupFixture();
        var cg = Path.Combine(fx.Root, "cg");
        string[] mountInfo =
        [
            $"30 25 0:26 / {cg}/memory rw,nosuid,nodev,noexec,relatime shared:9 - cgroup cgroup rw,memory",
            $"31 25 0:27 / {cg}/cpu,cpuacct rw,nosuid shared:10 - cgroup cgroup rw,cpu,cpuacct",
            $"32 25 0:28 / {cg}/blkio rw shared:11 - cgroup cgroup rw,blkio",
            $"33 25 0:29 /nested {cg}/pids rw shared:12 - cgroup cgroup rw,pids",
            $"34 25 0:30 / {cg}/unified rw shared:13 - cgroup2 cgroup2 rw,nsdelegate",
            "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw",
        ];
        var layout = CgroupLayout.FromMountInfo(false, "/sys/fs/cgroup", mountInfo, Path.Combine(fx.Root, "proc"));
        Assert.Equal($"{cg}/cpu,cpuacct", layout.ControllerMount("cpuacct"));
        fx.Write("proc/5/cgroup", "12:pids:/nested/wharf/abc\n4:memory:/wharf/abc\n3:cpu,cpuacct:/wharf/abc\n2:blkio:/wharf/abc\n1:name=systemd:/x\n0::/\n");
        var dirs = layout.ForProcess(5)!;
        Assert.False(dirs.Unified);
        Assert.Equal($"{cg}/pids/wharf/abc", dirs.For("pids"));
        Assert.Equal($"{cg}/cpu,cpuacct/wharf/abc", dirs.For("cpu"));

        fx.Write("cg/cpu,cpuacct/wharf/abc/cpuacct.usage", "123456789\n");
        fx.Write("cg/cpu,cpuacct/wharf/abc/cpuacct.usage_percpu", "100000000 23456789 \n");
        fx.Write("cg/cpu,cpuacct/wharf/abc/cpuacct.stat", "user 7\nsystem 3\n");
        fx.Write("cg/cpu,cpuacct/wharf/abc/cpu.stat", "nr_periods 5\nnr_throttled 1\nthrottled_time 999\n");
        fx.Write("cg/memory/wharf/abc/memory.usage_in_bytes", "2097152\n");
        fx.Write("cg/memory/wharf/abc/memory.max_usage_in_bytes", "3145728\n");
        fx.Write("cg/memory/wharf/abc/memory.failcnt", "2\n");
        fx.Write("cg/memory/wharf/abc/memory.limit_in_bytes", "33554432\n");
        fx.Write("cg/memory/wharf/abc/memory.stat", "cache 4096\ntotal_inactive_file 1024\n");
        fx.Write("cg/blkio/wharf/abc/blkio.throttle.io_service_bytes_recursive", "8:0 Read 4096\n8:0 Write 8192\n8:0 Sync 0\nTotal 12288\n");
        fx.Write("cg/pids/wharf/abc/pids.current", "2\n");
        fx.Write("cg/pids/wharf/abc/pids.max", "max\n");

        var s = CgroupStatsReader.Read(dirs);
        Assert.Equal(123456789UL, s.CpuTotal);
        Assert.Equal([100000000UL, 23456789UL], s.PerCpu);
        Assert.Equal((70_000_000UL, 30_000_000UL), (s.CpuUser, s.CpuKernel));
        Assert.Equal((5UL, 1UL, 999UL), (s.ThrottlePeriods, s.ThrottledPeriods, s.ThrottledTime));
        Assert.Equal((2097152UL, 3145728UL, 2UL, 33554432UL), (s.MemoryUsage, s.MemoryMaxUsage, s.MemoryFailcnt, s.MemoryLimit));
        Assert.Equal(1024UL, s.MemoryStat["total_inactive_file"]);
        Assert.Equal([new BlkioEntry(8, 0, "Read", 4096), new BlkioEntry(8, 0, "Write", 8192), new BlkioEntry(8, 0, "Sync", 0)], s.IoServiceBytes);
        Assert.Equal((2UL, ulong.MaxValue), (s.PidsCurrent, s.PidsLimit));
    }

    [Fact]
    public void MissingProcessGivesNull()
    {
        using var fx = new CgroupFixture();
        Assert.Null(new CgroupLayout(true, fx.Root, [], fx.Root).ForProcess(12345));
    }

    [Fact]
    public void HostCountersAndNetDev()
    {
        using var fx = new CgroupFixture();
        var stat = fx.Write("stat", "cpu  100 5 50 1000 10 1 2 3 4 5\ncpu0 50 2 25 500 5 0 1 1 2 2\n");
        Assert.Equal((100UL + 5 + 50 + 1000 + 10 + 1 + 2 + 3) * 10_000_000UL, CgroupStatsReader.SystemCpuUsage(stat));
        var meminfo = fx.Write("meminfo", "MemTotal:        2000000 kB\nMemFree:  10 kB\n");
        Assert.Equal(2_048_000_000UL, CgroupStatsReader.HostMemory(meminfo));
        var net = NetworkCounters.ParseNetDev(
        [
            "Inter-|   Receive                                                |  Transmit",
            " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed",
            "    lo:     100       1    0    0    0     0          0         0      100       1    0    0    0     0       0          0",
            "  eth0:    1500      10    1    2    0     0          0         0     3000      20    3    4    0     0       0          0",
        ]);
        var eth0 = Assert.Single(net).Value;
        Assert.Equal((1500UL, 10UL, 1UL, 2UL, 3000UL, 20UL, 3UL, 4UL),
            (eth0.RxBytes, eth0.RxPackets, eth0.RxErrors, eth0.RxDropped, eth0.TxBytes, eth0.TxPackets, eth0.TxErrors, eth0.TxDropped));
    }

    [Fact]
    public void SysInfoV2ReadsControllers()
    {
        using var fx = new CgroupFixture();
        fx.Write("cgroup.controllers", "cpuset cpu io memory pids\n");
        fx.Write("cpuset.cpus.effective", "0-3\n");
        fx.Write("cpuset.mems.effective", "0\n");
        fx.Write("system.slice/memory.swap.max", "max\n");
        var info = CgroupSysInfo.Detect(new CgroupLayout(true, fx.Root, []));
        Assert.True(info.Unified && info.MemoryLimit && info.SwapLimit && info.CpuCfs && info.Cpuset && info.PidsLimit);
        Assert.False(info.OomKillDisable);
        Assert.False(info.BlkioWeight);
        Assert.Equal("0-3", info.CpusAvailable);
    }

    [Fact]
    public void SysInfoV1ProbesControllerFiles()
    {
        using var fx = new CgroupFixture();
        var cg = Path.Combine(fx.Root, "cg");
        fx.Write("cg/memory/memory.limit_in_bytes", "");
        fx.Write("cg/memory/memory.oom_control", "");
        fx.Write("cg/cpu/cpu.shares", "");
        fx.Write("cg/cpuset/cpuset.cpus", "0-1\n");
        fx.Write("cg/cpuset/cpuset.mems", "0\n");
        var layout = CgroupLayout.FromMountInfo(false, "/sys/fs/cgroup",
        [
            $"1 0 0:1 / {cg}/memory rw - cgroup cgroup rw,memory",
            $"2 0 0:2 / {cg}/cpu rw - cgroup cgroup rw,cpu",
            $"3 0 0:3 / {cg}/cpuset rw - cgroup cgroup rw,cpuset",
        ]);
        var info = CgroupSysInfo.Detect(layout);
        Assert.True(info.MemoryLimit && info.OomKillDisable && info.CpuShares && info.Cpuset);
        Assert.False(info.SwapLimit || info.CpuCfs || info.BlkioWeight || info.PidsLimit);
        Assert.Equal("0-1", info.CpusAvailable);
    }

    [Theory]
    [InlineData("0-3,5", new[] { 0, 1, 2, 3, 5 })]
    [InlineData("7", new[] { 7 })]
    [InlineData("", new int[0])]
    public void CpuSetParses(string list, int[] expected) => Assert.Equal(expected, CpuSet.Parse(list)!.ToArray());

    [Fact]
    public void BadCpuSetIsNull() => Assert.Null(CpuSet.Parse("3-1"));
}
