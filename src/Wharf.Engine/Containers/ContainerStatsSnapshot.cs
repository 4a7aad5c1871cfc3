using Wharf.Engine.Runtime.Cgroups;

namespace Wharf.Engine.Containers;

/// <summary>One stats sample of a container: its cgroup counters (null when not running), the host CPU clock and network counters.</summary>
public sealed record ContainerStatsSnapshot
{
    /// <summary>Container ID.</summary>
    public required string Id { get; init; }

    /// <summary>Name with the leading <c>/</c>.</summary>
    public required string Name { get; init; }

    /// <summary>When it was read.</summary>
    public DateTimeOffset Read { get; init; }

    /// <summary>Cgroup counters; null when the container does not run.</summary>
    public CgroupStats? Cgroup { get; init; }

    /// <summary>Host CPU time (ns), Docker's <c>system_cpu_usage</c>.</summary>
    public ulong SystemCpuUsage { get; init; }

    /// <summary>Online CPUs of the host.</summary>
    public uint OnlineCpus { get; init; }

    /// <summary>Host memory (bytes): the limit shown when the container has none.</summary>
    public ulong HostMemory { get; init; }

    /// <summary>Per-interface counters of the container's network namespace; null when it has none of its own.</summary>
    public IReadOnlyDictionary<string, NetworkCounters>? Networks { get; init; }
}
