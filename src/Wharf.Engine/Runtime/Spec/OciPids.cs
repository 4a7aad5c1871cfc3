namespace Wharf.Engine.Runtime.Spec;

/// <summary>Pids cgroup limit.</summary>
public sealed class OciPids
{
    /// <summary>Maximum number of tasks; 0 or -1 = unlimited.</summary>
    public long Limit { get; set; }
}
