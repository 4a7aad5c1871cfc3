using Wharf.Engine.Runtime.Spec;

namespace Wharf.Engine.Containers;

/// <summary>Docker's <c>HostConfig.Resources</c>: the cgroup limits and rlimits of a container; <c>update</c> changes them on a live container.</summary>
public sealed record ContainerResources
{
    /// <summary><c>--memory</c> in bytes; 0 = unlimited.</summary>
    public long Memory { get; init; }

    /// <summary><c>--memory-swap</c> (memory + swap) in bytes; 0 = unset, -1 = unlimited swap.</summary>
    public long MemorySwap { get; init; }

    /// <summary><c>--memory-reservation</c> (soft limit) in bytes.</summary>
    public long MemoryReservation { get; init; }

    /// <summary><c>--memory-swappiness</c>; null or -1 = inherit.</summary>
    public long? MemorySwappiness { get; init; }

    /// <summary><c>--oom-kill-disable</c>.</summary>
    public bool? OomKillDisable { get; init; }

    /// <summary><c>--cpus</c> in units of 1e-9 CPUs.</summary>
    public long NanoCpus { get; init; }

    /// <summary><c>--cpu-shares</c> (relative weight).</summary>
    public long CpuShares { get; init; }

    /// <summary><c>--cpu-period</c> in microseconds.</summary>
    public long CpuPeriod { get; init; }

    /// <summary><c>--cpu-quota</c> in microseconds per period.</summary>
    public long CpuQuota { get; init; }

    /// <summary><c>--cpuset-cpus</c>, e.g. <c>0-1</c>.</summary>
    public string CpusetCpus { get; init; } = "";

    /// <summary><c>--cpuset-mems</c>.</summary>
    public string CpusetMems { get; init; } = "";

    /// <summary><c>--pids-limit</c>; null, 0 or -1 = unlimited.</summary>
    public long? PidsLimit { get; init; }

    /// <summary><c>--blkio-weight</c> (10-1000); 0 = unset.</summary>
    public int BlkioWeight { get; init; }

    /// <summary><c>--ulimit</c>.</summary>
    public IReadOnlyList<Ulimit>? Ulimits { get; init; }

    /// <summary><c>--device</c>.</summary>
    public IReadOnlyList<ContainerDevice>? Devices { get; init; }

    /// <summary><c>--device-cgroup-rule</c>, e.g. <c>c 1:3 rwm</c>.</summary>
    public IReadOnlyList<string>? DeviceCgroupRules { get; init; }
}
