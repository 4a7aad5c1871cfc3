using System.Globalization;

namespace Wharf.Engine.Runtime.Cgroups;

/// <summary>Reads <see cref="CgroupStats"/> from a container's cgroup v1 controller directories or its v2 directory.</summary>
public static class CgroupStatsReader
{
    /// <summary>Linux's USER_HZ: the unit of <c>cpuacct.stat</c> and <c>/proc/stat</c>.</summary>
    public const ulong ClockTicks = 100;

    /// <summary>A sample from <paramref name="dirs"/>.</summary>
    public static CgroupStats Read(CgroupDirectories dirs) => dirs.Unified ? ReadV2(dirs.UnifiedDirectory ?? "") : ReadV1(dirs);

    /// <summary>cgroup v1: cpuacct, cpu, memory, blkio and pids files.</summary>
    public static CgroupStats ReadV1(CgroupDirectories dirs)
    {
        var cpuacct = dirs.For("cpuacct") ?? "";
        var cpu = dirs.For("cpu") ?? "";
        var memory = dirs.For("memory") ?? "";
        var blkio = dirs.For("blkio") ?? "";
        var pids = dirs.For("pids") ?? "";
        var acctStat = KeyValues(Path.Combine(cpuacct, "cpuacct.stat"));
        var cpuStat = KeyValues(Path.Combine(cpu, "cpu.stat"));
        var bytes = BlkioV1(Path.Combine(blkio, "blkio.io_service_bytes_recursive"));
        if (bytes.Count == 0)
            bytes = BlkioV1(Path.Combine(blkio, "blkio.throttle.io_service_bytes_recursive"));
        var serviced = BlkioV1(Path.Combine(blkio, "blkio.io_serviced_recursive"));
        if (serviced.Count == 0)
            serviced = BlkioV1(Path.Combine(blkio, "blkio.throttle.io_serviced_recursive"));
        return new CgroupStats
        {
            CpuTotal = Number(Path.Combine(cpuacct, "cpuacct.usage")),
            PerCpu = Text(Path.Combine(cpuacct, "cpuacct.usage_percpu")).Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToList(),
            CpuUser = Get(acctStat, "user") * (1_000_000_000 / ClockTicks),
            CpuKernel = Get(acctStat, "system") * (1_000_000_000 / ClockTicks),
            ThrottlePeriods = Get(cpuStat, "nr_periods"),
            ThrottledPeriods = Get(cpuStat, "nr_throttled"),
            ThrottledTime = Get(cpuStat, "throttled_time"),
            MemoryUsage = Number(Path.Combine(memory, "memory.usage_in_bytes")),
            MemoryMaxUsage = Number(Path.Combine(memory, "memory.max_usage_in_bytes")),
            MemoryFailcnt = Number(Path.Combine(memory, "memory.failcnt")),
            MemoryLimit = Number(Path.Combine(memory, "memory.limit_in_bytes")),
            MemoryStat = KeyValues(Path.Combine(memory, "memory.stat")),
            IoServiceBytes = bytes,
            IoServiced = serviced,
            PidsCurrent = Number(Path.Combine(pids, "pids.current")),
            PidsLimit = Number(Path.Combine(pids, "pids.max")),
        };
    }

    /// <summary>cgroup v2: cpu.stat, memory.current/max/stat, io.stat, pids.current/max.</summary>
    public static CgroupStats ReadV2(string dir)
    {
        var cpuStat = KeyValues(Path.Combine(dir, "cpu.stat"));
        var (bytes, serviced) = IoStatV2(Path.Combine(dir, "io.stat"));
        return new CgroupStats
        {
            CpuTotal = Get(cpuStat, "usage_usec") * 1000,
            CpuUser = Get(cpuStat, "user_usec") * 1000,
            CpuKernel = Get(cpuStat, "system_usec") * 1000,
            ThrottlePeriods = Get(cpuStat, "nr_periods"),
            ThrottledPeriods = Get(cpuStat, "nr_throttled"),
            ThrottledTime = Get(cpuStat, "throttled_usec") * 1000,
            MemoryUsage = Number(Path.Combine(dir, "memory.current")),
            MemoryLimit = Number(Path.Combine(dir, "memory.max")),
            MemoryStat = KeyValues(Path.Combine(dir, "memory.stat")),
            IoServiceBytes = bytes,
            IoServiced = serviced,
            PidsCurrent = Number(Path.Combine(dir, "pids.current")),
            PidsLimit = Number(Path.Combine(dir, "pids.max")),
        };
    }

    /// <summary>v1 blkio lines <c>8:0 Read 4096</c>; the trailing <c>Total 4096</c> line is skipped.</summary>
    public static List<BlkioEntry> BlkioV1(string path)
    {
        var list = new List<BlkioEntry>();
        foreach (var line in Lines(path))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length != 3)
                continue;
            var dev = f[0].Split(':');
            if (dev.Length != 2)
                continue;
            list.Add(new BlkioEntry(Parse(dev[0]), Parse(dev[1]), f[1], Parse(f[2])));
        }
        return list;
    }

    /// <summary>v2 <c>io.stat</c> lines <c>8:0 rbytes=1 wbytes=2 rios=3 wios=4 dbytes=0 dios=0</c>.</summary>
    public static (List<BlkioEntry> Bytes, List<BlkioEntry> Ios) IoStatV2(string path)
    {
        var bytes = new List<BlkioEntry>();
        var ios = new List<BlkioEntry>();
        foreach (var line in Lines(path))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 2)
                continue;
            var dev = f[0].Split(':');
            if (dev.Length != 2)
                continue;
            var (major, minor) = (Parse(dev[0]), Parse(dev[1]));
            foreach (var kv in f.Skip(1))
            {
                var eq = kv.IndexOf('=');
                if (eq < 0)
                    continue;
                var value = Parse(kv[(eq + 1)..]);
                switch (kv[..eq])
                {
                    case "rbytes": bytes.Add(new BlkioEntry(major, minor, "read", value)); break;
                    case "wbytes": bytes.Add(new BlkioEntry(major, minor, "write", value)); break;
                    case "rios": ios.Add(new BlkioEntry(major, minor, "read", value)); break;
                    case "wios": ios.Add(new BlkioEntry(major, minor, "write", value)); break;
                }
            }
        }
        return (bytes, ios);
    }

    /// <summary>Host CPU time in nanoseconds, the sum of the <c>cpu</c> line of <c>/proc/stat</c> (Docker's <c>system_cpu_usage</c>).</summary>
    public static ulong SystemCpuUsage(string procStat = "/proc/stat")
    {
        foreach (var line in Lines(procStat))
        {
            if (!line.StartsWith("cpu ", StringComparison.Ordinal))
                continue;
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            ulong total = 0;
            // user nice system idle iowait irq softirq steal (guest time is already in user).
            for (var i = 1; i < Math.Min(f.Length, 9); i++)
                total += Parse(f[i]);
            return total * (1_000_000_000 / ClockTicks);
        }
        return 0;
    }

    /// <summary>Total host memory from <c>/proc/meminfo</c> (bytes).</summary>
    public static ulong HostMemory(string meminfo = "/proc/meminfo")
    {
        foreach (var line in Lines(meminfo))
        {
            if (line.StartsWith("MemTotal:", StringComparison.Ordinal))
                return Parse(line["MemTotal:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim()) * 1024;
        }
        return 0;
    }

    /// <summary><c>key value</c> lines as a dictionary (memory.stat, cpu.stat).</summary>
    public static Dictionary<string, ulong> KeyValues(string path)
    {
        var result = new Dictionary<string, ulong>(StringComparer.Ordinal);
        foreach (var line in Lines(path))
        {
            var space = line.IndexOf(' ');
            if (space > 0)
                result[line[..space]] = Parse(line[(space + 1)..].Trim());
        }
        return result;
    }

    private static ulong Get(Dictionary<string, ulong> d, string key) => d.TryGetValue(key, out var v) ? v : 0;

    private static ulong Number(string path) => Parse(Text(path).Trim());

    /// <summary>A counter; <c>max</c> (v2's "no limit") and garbage read as 0 except <c>max</c> which is <see cref="ulong.MaxValue"/>.</summary>
    private static ulong Parse(string s)
    {
        if (s == "max")
            return ulong.MaxValue;
        return ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;
    }

    private static string Text(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static IEnumerable<string> Lines(string path) => Text(path).Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
