using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Docker's <c>HostConfig</c> (create body and inspect), including the <c>Resources</c> fields Docker inlines.</summary>
public sealed class HostConfig
{
    /// <summary><c>-v</c> binds, <c>src:dst[:opts]</c>.</summary>
    [JsonPropertyName("Binds")] public List<string>? Binds { get; set; }
    /// <summary>CLI-side cid file (stored only).</summary>
    [JsonPropertyName("ContainerIDFile")] public string ContainerIdFile { get; set; } = "";
    /// <summary>Log driver.</summary>
    [JsonPropertyName("LogConfig")] public LogConfig LogConfig { get; set; } = new();
    /// <summary>Network mode: <c>default</c>, <c>bridge</c>, <c>none</c>, <c>host</c>, <c>container:&lt;id&gt;</c> or a network name.</summary>
    [JsonPropertyName("NetworkMode")] public string NetworkMode { get; set; } = "";
    /// <summary>Published ports, <c>"80/tcp": [{HostIp, HostPort}]</c>.</summary>
    [JsonPropertyName("PortBindings")] public Dictionary<string, List<PortBinding>?> PortBindings { get; set; } = [];
    /// <summary>Restart policy.</summary>
    [JsonPropertyName("RestartPolicy")] public RestartPolicy RestartPolicy { get; set; } = new();
    /// <summary><c>--rm</c>.</summary>
    [JsonPropertyName("AutoRemove")] public bool AutoRemove { get; set; }
    /// <summary>Volume driver.</summary>
    [JsonPropertyName("VolumeDriver")] public string VolumeDriver { get; set; } = "";
    /// <summary><c>--volumes-from</c>.</summary>
    [JsonPropertyName("VolumesFrom")] public List<string>? VolumesFrom { get; set; }
    /// <summary>Initial console <c>[height, width]</c>.</summary>
    [JsonPropertyName("ConsoleSize")] public int[] ConsoleSize { get; set; } = [0, 0];
    /// <summary>OCI annotations.</summary>
    [JsonPropertyName("Annotations")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Dictionary<string, string>? Annotations { get; set; }
    /// <summary><c>--cap-add</c>.</summary>
    [JsonPropertyName("CapAdd")] public List<string>? CapAdd { get; set; }
    /// <summary><c>--cap-drop</c>.</summary>
    [JsonPropertyName("CapDrop")] public List<string>? CapDrop { get; set; }
    /// <summary>Cgroup namespace mode.</summary>
    [JsonPropertyName("CgroupnsMode")] public string CgroupnsMode { get; set; } = "";
    /// <summary>DNS servers.</summary>
    [JsonPropertyName("Dns")] public List<string>? Dns { get; set; }
    /// <summary>DNS options.</summary>
    [JsonPropertyName("DnsOptions")] public List<string>? DnsOptions { get; set; }
    /// <summary>DNS search domains.</summary>
    [JsonPropertyName("DnsSearch")] public List<string>? DnsSearch { get; set; }
    /// <summary><c>--add-host</c>.</summary>
    [JsonPropertyName("ExtraHosts")] public List<string>? ExtraHosts { get; set; }
    /// <summary><c>--group-add</c>.</summary>
    [JsonPropertyName("GroupAdd")] public List<string>? GroupAdd { get; set; }
    /// <summary>IPC mode.</summary>
    [JsonPropertyName("IpcMode")] public string IpcMode { get; set; } = "";
    /// <summary>Cgroup to join.</summary>
    [JsonPropertyName("Cgroup")] public string Cgroup { get; set; } = "";
    /// <summary>Legacy links.</summary>
    [JsonPropertyName("Links")] public List<string>? Links { get; set; }
    /// <summary>OOM score adjustment.</summary>
    [JsonPropertyName("OomScoreAdj")] public int OomScoreAdj { get; set; }
    /// <summary>PID mode.</summary>
    [JsonPropertyName("PidMode")] public string PidMode { get; set; } = "";
    /// <summary><c>--privileged</c>.</summary>
    [JsonPropertyName("Privileged")] public bool Privileged { get; set; }
    /// <summary><c>-P</c>.</summary>
    [JsonPropertyName("PublishAllPorts")] public bool PublishAllPorts { get; set; }
    /// <summary><c>--read-only</c>.</summary>
    [JsonPropertyName("ReadonlyRootfs")] public bool ReadonlyRootfs { get; set; }
    /// <summary><c>--security-opt</c>.</summary>
    [JsonPropertyName("SecurityOpt")] public List<string>? SecurityOpt { get; set; }
    /// <summary>Storage driver options.</summary>
    [JsonPropertyName("StorageOpt")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Dictionary<string, string>? StorageOpt { get; set; }
    /// <summary><c>--tmpfs</c>, path to options.</summary>
    [JsonPropertyName("Tmpfs")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Dictionary<string, string>? Tmpfs { get; set; }
    /// <summary>UTS mode.</summary>
    [JsonPropertyName("UTSMode")] public string UtsMode { get; set; } = "";
    /// <summary>User namespace mode.</summary>
    [JsonPropertyName("UsernsMode")] public string UsernsMode { get; set; } = "";
    /// <summary><c>/dev/shm</c> size in bytes.</summary>
    [JsonPropertyName("ShmSize")] public long ShmSize { get; set; }
    /// <summary><c>--sysctl</c>.</summary>
    [JsonPropertyName("Sysctls")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Dictionary<string, string>? Sysctls { get; set; }
    /// <summary>OCI runtime name.</summary>
    [JsonPropertyName("Runtime")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Runtime { get; set; }
    /// <summary>Windows isolation (empty).</summary>
    [JsonPropertyName("Isolation")] public string Isolation { get; set; } = "";
    /// <summary>Relative CPU weight.</summary>
    [JsonPropertyName("CpuShares")] public long CpuShares { get; set; }
    /// <summary>Memory limit in bytes.</summary>
    [JsonPropertyName("Memory")] public long Memory { get; set; }
    /// <summary>CPU quota in 1e-9 CPUs.</summary>
    [JsonPropertyName("NanoCpus")] public long NanoCpus { get; set; }
    /// <summary>Cgroup parent.</summary>
    [JsonPropertyName("CgroupParent")] public string CgroupParent { get; set; } = "";
    /// <summary>Block IO weight.</summary>
    [JsonPropertyName("BlkioWeight")] public int BlkioWeight { get; set; }
    /// <summary>CFS period.</summary>
    [JsonPropertyName("CpuPeriod")] public long CpuPeriod { get; set; }
    /// <summary>CFS quota.</summary>
    [JsonPropertyName("CpuQuota")] public long CpuQuota { get; set; }
    /// <summary>RT period.</summary>
    [JsonPropertyName("CpuRealtimePeriod")] public long CpuRealtimePeriod { get; set; }
    /// <summary>RT runtime.</summary>
    [JsonPropertyName("CpuRealtimeRuntime")] public long CpuRealtimeRuntime { get; set; }
    /// <summary>Allowed CPUs.</summary>
    [JsonPropertyName("CpusetCpus")] public string CpusetCpus { get; set; } = "";
    /// <summary>Allowed memory nodes.</summary>
    [JsonPropertyName("CpusetMems")] public string CpusetMems { get; set; } = "";
    /// <summary>Devices.</summary>
    [JsonPropertyName("Devices")] public List<DeviceMapping>? Devices { get; set; }
    /// <summary>Device cgroup rules.</summary>
    [JsonPropertyName("DeviceCgroupRules")] public List<string>? DeviceCgroupRules { get; set; }
    /// <summary>Soft memory limit.</summary>
    [JsonPropertyName("MemoryReservation")] public long MemoryReservation { get; set; }
    /// <summary>Memory + swap limit, -1 = unlimited.</summary>
    [JsonPropertyName("MemorySwap")] public long MemorySwap { get; set; }
    /// <summary>Swappiness, null = inherit.</summary>
    [JsonPropertyName("MemorySwappiness")] public long? MemorySwappiness { get; set; }
    /// <summary>Disable the OOM killer.</summary>
    [JsonPropertyName("OomKillDisable")] public bool? OomKillDisable { get; set; }
    /// <summary>PIDs limit, null = unlimited.</summary>
    [JsonPropertyName("PidsLimit")] public long? PidsLimit { get; set; }
    /// <summary>Ulimits.</summary>
    [JsonPropertyName("Ulimits")] public List<Ulimit>? Ulimits { get; set; }
    /// <summary>Windows CPU count.</summary>
    [JsonPropertyName("CpuCount")] public long CpuCount { get; set; }
    /// <summary>Windows CPU percent.</summary>
    [JsonPropertyName("CpuPercent")] public long CpuPercent { get; set; }
    /// <summary>Windows IOPS limit.</summary>
    [JsonPropertyName("IOMaximumIOps")] public long IoMaximumIOps { get; set; }
    /// <summary>Windows bandwidth limit.</summary>
    [JsonPropertyName("IOMaximumBandwidth")] public long IoMaximumBandwidth { get; set; }
    /// <summary><c>--mount</c> mounts.</summary>
    [JsonPropertyName("Mounts")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<Mount>? Mounts { get; set; }
    /// <summary>Paths masked in the container.</summary>
    [JsonPropertyName("MaskedPaths")] public List<string>? MaskedPaths { get; set; }
    /// <summary>Paths read-only in the container.</summary>
    [JsonPropertyName("ReadonlyPaths")] public List<string>? ReadonlyPaths { get; set; }
    /// <summary><c>--init</c>.</summary>
    [JsonPropertyName("Init")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? Init { get; set; }
}
