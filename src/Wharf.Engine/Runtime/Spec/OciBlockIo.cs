namespace Wharf.Engine.Runtime.Spec;

/// <summary>Block I/O cgroup settings.</summary>
public sealed class OciBlockIo
{
    /// <summary>Relative weight (10-1000).</summary>
    public ushort? Weight { get; set; }
}
