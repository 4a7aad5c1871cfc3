namespace Wharf.Engine.Runtime.Cgroups;

/// <summary>Which resource limits this host's cgroups support (Docker's <c>sysinfo</c>): decides warnings and discarded settings.</summary>
public sealed record CgroupSysInfo
{
    /// <summary>cgroup v2.</summary>
    public bool Unified { get; init; }

    /// <summary>Memory limits.</summary>
    public bool MemoryLimit { get; init; }

    /// <summary>Swap limits (v1 <c>memory.memsw.*</c>, v2 <c>memory.swap.max</c>).</summary>
    public bool SwapLimit { get; init; }

    /// <summary>Soft limits.</summary>
    public bool MemoryReservation { get; init; }

    /// <summary>Disabling the OOM killer (v1 only).</summary>
    public bool OomKillDisable { get; init; }

    /// <summary>Swappiness (v1 only).</summary>
    public bool MemorySwappiness { get; init; }

    /// <summary>CPU shares / weight.</summary>
    public bool CpuShares { get; init; }

    /// <summary>CFS quota and period.</summary>
    public bool CpuCfs { get; init; }

    /// <summary>cpuset.</summary>
    public bool Cpuset { get; init; }

    /// <summary>Block I/O weight.</summary>
    public bool BlkioWeight { get; init; }

    /// <summary>pids controller.</summary>
    public bool PidsLimit { get; init; }

    /// <summary>CPUs the cpuset allows at the top (<c>0-1</c>).</summary>
    public string CpusAvailable { get; init; } = "";

    /// <summary>Memory nodes available (<c>0</c>).</summary>
    public string MemsAvailable { get; init; } = "";

    /// <summary>Probes the host.</summary>
    public static CgroupSysInfo Detect() => Detect(CgroupLayout.Detect());

    /// <summary>Probes the hierarchies of <paramref name="layout"/>.</summary>
    public static CgroupSysInfo Detect(CgroupLayout layout)
    {
        if (layout.Unified)
        {
            var root = layout.UnifiedMount;
            var controllers = Read(Path.Combine(root, "cgroup.controllers")).Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            var cpus = Read(Path.Combine(root, "cpuset.cpus.effective")).Trim();
            var mems = Read(Path.Combine(root, "cpuset.mems.effective")).Trim();
            return new CgroupSysInfo
            {
                Unified = true,
                MemoryLimit = controllers.Contains("memory"),
                SwapLimit = controllers.Contains("memory") && HasChildFile(root, "memory.swap.max"),
                MemoryReservation = controllers.Contains("memory"),
                CpuShares = controllers.Contains("cpu"),
                CpuCfs = controllers.Contains("cpu"),
                Cpuset = controllers.Contains("cpuset"),
                BlkioWeight = controllers.Contains("io") && (HasChildFile(root, "io.bfq.weight") || HasChildFile(root, "io.weight")),
                PidsLimit = controllers.Contains("pids"),
                CpusAvailable = cpus.Length > 0 ? cpus : AllCpus(),
                MemsAvailable = mems.Length > 0 ? mems : "0",
            };
        }
        string? Mount(string c) => layout.ControllerMount(c);
        bool Has(string c, string file) => Mount(c) is { } m && File.Exists(Path.Combine(m, file));
        var cpusetMount = Mount("cpuset");
        return new CgroupSysInfo
        {
            MemoryLimit = Has("memory", "memory.limit_in_bytes"),
            SwapLimit = Has("memory", "memory.memsw.limit_in_bytes"),
            MemoryReservation = Has("memory", "memory.soft_limit_in_bytes"),
            OomKillDisable = Has("memory", "memory.oom_control"),
            MemorySwappiness = Has("memory", "memory.swappiness"),
            CpuShares = Has("cpu", "cpu.shares"),
            CpuCfs = Has("cpu", "cpu.cfs_quota_us"),
            Cpuset = Has("cpuset", "cpuset.cpus"),
            BlkioWeight = Has("blkio", "blkio.weight") || Has("blkio", "blkio.bfq.weight"),
            PidsLimit = Mount("pids") != null,
            CpusAvailable = cpusetMount != null && Read(Path.Combine(cpusetMount, "cpuset.cpus")).Trim() is { Length: > 0 } c ? c : AllCpus(),
            MemsAvailable = cpusetMount != null && Read(Path.Combine(cpusetMount, "cpuset.mems")).Trim() is { Length: > 0 } m ? m : "0",
        };
    }

    private static bool HasChildFile(string root, string file)
    {
        try
        {
            return Directory.EnumerateDirectories(root).Any(d => File.Exists(Path.Combine(d, file)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string AllCpus() => Environment.ProcessorCount <= 1 ? "0" : $"0-{Environment.ProcessorCount - 1}";

    private static string Read(string path)
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
}
