namespace Wharf.Engine.Runtime.Cgroups;

/// <summary>One sample of a container's cgroup counters, in Docker's units (nanoseconds, bytes).</summary>
public sealed record CgroupStats
{
    /// <summary>Total CPU time consumed (ns).</summary>
    public ulong CpuTotal { get; init; }

    /// <summary>Per-CPU time (ns); v1 only.</summary>
    public IReadOnlyList<ulong>? PerCpu { get; init; }

    /// <summary>Time in kernel mode (ns).</summary>
    public ulong CpuKernel { get; init; }

    /// <summary>Time in user mode (ns).</summary>
    public ulong CpuUser { get; init; }

    /// <summary>CFS periods elapsed.</summary>
    public ulong ThrottlePeriods { get; init; }

    /// <summary>Periods in which the group was throttled.</summary>
    public ulong ThrottledPeriods { get; init; }

    /// <summary>Total throttled time (ns).</summary>
    public ulong ThrottledTime { get; init; }

    /// <summary>Memory usage (bytes).</summary>
    public ulong MemoryUsage { get; init; }

    /// <summary>Peak usage (v1).</summary>
    public ulong MemoryMaxUsage { get; init; }

    /// <summary>Times the limit was hit (v1).</summary>
    public ulong MemoryFailcnt { get; init; }

    /// <summary>Limit; <see cref="ulong.MaxValue"/>-ish values mean none.</summary>
    public ulong MemoryLimit { get; init; }

    /// <summary><c>memory.stat</c> counters.</summary>
    public IReadOnlyDictionary<string, ulong> MemoryStat { get; init; } = new Dictionary<string, ulong>();

    /// <summary>Bytes per device and operation.</summary>
    public IReadOnlyList<BlkioEntry> IoServiceBytes { get; init; } = [];

    /// <summary>Operations per device and operation.</summary>
    public IReadOnlyList<BlkioEntry> IoServiced { get; init; } = [];

    /// <summary>Tasks in the group.</summary>
    public ulong PidsCurrent { get; init; }

    /// <summary>Task limit; 0 = none.</summary>
    public ulong PidsLimit { get; init; }
}
