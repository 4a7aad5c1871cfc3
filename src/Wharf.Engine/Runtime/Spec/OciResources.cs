namespace Wharf.Engine.Runtime.Spec;

/// <summary>Cgroup resource limits.</summary>
public sealed class OciResources
{
    /// <summary>Device cgroup rules, applied in order.</summary>
    public List<OciDeviceCgroup>? Devices { get; set; }

    /// <summary>Memory limits.</summary>
    public OciMemory? Memory { get; set; }

    /// <summary>CPU limits.</summary>
    public OciCpu? Cpu { get; set; }

    /// <summary>Process-count limit.</summary>
    public OciPids? Pids { get; set; }

    /// <summary>Block I/O weight.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("blockIO")]
    public OciBlockIo? BlockIo { get; set; }
}
