namespace Wharf.Engine.Runtime.Spec;

/// <summary>CPU cgroup limits.</summary>
public sealed class OciCpu
{
    /// <summary>Relative weight.</summary>
    public ulong? Shares { get; set; }

    /// <summary>CFS quota in microseconds per period.</summary>
    public long? Quota { get; set; }

    /// <summary>CFS period in microseconds.</summary>
    public ulong? Period { get; set; }

    /// <summary>CPUs the container may run on (cpuset list).</summary>
    public string? Cpus { get; set; }

    /// <summary>Memory nodes the container may use.</summary>
    public string? Mems { get; set; }
}
