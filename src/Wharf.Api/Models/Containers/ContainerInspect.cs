using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Answer of <c>GET /containers/{id}/json</c>.</summary>
public sealed class ContainerInspect
{
    /// <summary>Full ID.</summary>
    [JsonPropertyName("Id")] public string Id { get; set; } = "";
    /// <summary>Creation time, RFC 3339.</summary>
    [JsonPropertyName("Created")] public string Created { get; set; } = Json.DockerTime.Zero;
    /// <summary>Executable.</summary>
    [JsonPropertyName("Path")] public string Path { get; set; } = "";
    /// <summary>Arguments; never null.</summary>
    [JsonPropertyName("Args")] public List<string> Args { get; set; } = [];
    /// <summary>State.</summary>
    [JsonPropertyName("State")] public ContainerStateInfo State { get; set; } = new();
    /// <summary>Image ID, <c>sha256:…</c>.</summary>
    [JsonPropertyName("Image")] public string Image { get; set; } = "";
    /// <summary>resolv.conf on the host.</summary>
    [JsonPropertyName("ResolvConfPath")] public string ResolvConfPath { get; set; } = "";
    /// <summary>hostname file on the host.</summary>
    [JsonPropertyName("HostnamePath")] public string HostnamePath { get; set; } = "";
    /// <summary>hosts file on the host.</summary>
    [JsonPropertyName("HostsPath")] public string HostsPath { get; set; } = "";
    /// <summary>Log file.</summary>
    [JsonPropertyName("LogPath")] public string LogPath { get; set; } = "";
    /// <summary>Name with a leading <c>/</c>.</summary>
    [JsonPropertyName("Name")] public string Name { get; set; } = "";
    /// <summary>Restarts done by the policy.</summary>
    [JsonPropertyName("RestartCount")] public int RestartCount { get; set; }
    /// <summary>Storage driver.</summary>
    [JsonPropertyName("Driver")] public string Driver { get; set; } = "";
    /// <summary>Platform, <c>linux</c>.</summary>
    [JsonPropertyName("Platform")] public string Platform { get; set; } = "linux";
    /// <summary>SELinux mount label.</summary>
    [JsonPropertyName("MountLabel")] public string MountLabel { get; set; } = "";
    /// <summary>SELinux process label.</summary>
    [JsonPropertyName("ProcessLabel")] public string ProcessLabel { get; set; } = "";
    /// <summary>AppArmor profile.</summary>
    [JsonPropertyName("AppArmorProfile")] public string AppArmorProfile { get; set; } = "";
    /// <summary>Exec instances (null when none, as Docker).</summary>
    [JsonPropertyName("ExecIDs")] public List<string>? ExecIds { get; set; }
    /// <summary>Host configuration.</summary>
    [JsonPropertyName("HostConfig")] public HostConfig HostConfig { get; set; } = new();
    /// <summary>Storage details.</summary>
    [JsonPropertyName("GraphDriver")] public GraphDriverData GraphDriver { get; set; } = new();
    /// <summary>Size of the writable layer (only with <c>size=1</c>).</summary>
    [JsonPropertyName("SizeRw")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public long? SizeRw { get; set; }
    /// <summary>Size of the whole rootfs (only with <c>size=1</c>).</summary>
    [JsonPropertyName("SizeRootFs")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public long? SizeRootFs { get; set; }
    /// <summary>Mounts; never null.</summary>
    [JsonPropertyName("Mounts")] public List<MountPoint> Mounts { get; set; } = [];
    /// <summary>Config.</summary>
    [JsonPropertyName("Config")] public ContainerConfig Config { get; set; } = new();
    /// <summary>Network settings.</summary>
    [JsonPropertyName("NetworkSettings")] public NetworkSettings NetworkSettings { get; set; } = new();
}
