using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>One entry of <c>GET /containers/json</c>.</summary>
public sealed class ContainerSummary
{
    /// <summary>Full ID.</summary>
    [JsonPropertyName("Id")] public string Id { get; set; } = "";
    /// <summary>Names, each with a leading <c>/</c>.</summary>
    [JsonPropertyName("Names")] public List<string> Names { get; set; } = [];
    /// <summary>Image as named at create.</summary>
    [JsonPropertyName("Image")] public string Image { get; set; } = "";
    /// <summary>Image ID.</summary>
    [JsonPropertyName("ImageID")] public string ImageId { get; set; } = "";
    /// <summary>Command line.</summary>
    [JsonPropertyName("Command")] public string Command { get; set; } = "";
    /// <summary>Creation time, unix seconds.</summary>
    [JsonPropertyName("Created")] public long Created { get; set; }
    /// <summary>Ports; never null.</summary>
    [JsonPropertyName("Ports")] public List<Port> Ports { get; set; } = [];
    /// <summary>Writable layer size (with <c>size=1</c>).</summary>
    [JsonPropertyName("SizeRw")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public long? SizeRw { get; set; }
    /// <summary>Rootfs size (with <c>size=1</c>).</summary>
    [JsonPropertyName("SizeRootFs")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public long? SizeRootFs { get; set; }
    /// <summary>Labels; never null.</summary>
    [JsonPropertyName("Labels")] public Dictionary<string, string> Labels { get; set; } = [];
    /// <summary>State name.</summary>
    [JsonPropertyName("State")] public string State { get; set; } = "";
    /// <summary>Human status, e.g. <c>Up 3 seconds</c>.</summary>
    [JsonPropertyName("Status")] public string Status { get; set; } = "";
    /// <summary>Host config subset.</summary>
    [JsonPropertyName("HostConfig")] public SummaryHostConfig HostConfig { get; set; } = new();
    /// <summary>Network subset.</summary>
    [JsonPropertyName("NetworkSettings")] public SummaryNetworkSettings NetworkSettings { get; set; } = new();
    /// <summary>Mounts; never null.</summary>
    [JsonPropertyName("Mounts")] public List<MountPoint> Mounts { get; set; } = [];
}
