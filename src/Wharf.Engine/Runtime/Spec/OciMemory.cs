namespace Wharf.Engine.Runtime.Spec;

/// <summary>Memory cgroup limits in bytes.</summary>
public sealed class OciMemory
{
    /// <summary>Hard limit.</summary>
    public long? Limit { get; set; }

    /// <summary>Soft limit.</summary>
    public long? Reservation { get; set; }

    /// <summary>Memory plus swap limit.</summary>
    public long? Swap { get; set; }

    /// <summary>Swappiness (0-100).</summary>
    public ulong? Swappiness { get; set; }

    /// <summary>Disables the OOM killer.</summary>
    public bool? DisableOOMKiller { get; set; }
}
