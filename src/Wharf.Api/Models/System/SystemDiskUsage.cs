using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Answer of <c>GET /system/df</c>.</summary>
public sealed class SystemDiskUsage
{
    /// <summary>Bytes of all image layers, each counted once.</summary>
    [JsonPropertyName("LayersSize")] public long LayersSize { get; set; }
    /// <summary>Images with <c>Size</c>, <c>SharedSize</c> and <c>Containers</c> filled in.</summary>
    [JsonPropertyName("Images")] public List<ImageSummary> Images { get; set; } = [];
    /// <summary>Containers with <c>SizeRw</c> and <c>SizeRootFs</c>.</summary>
    [JsonPropertyName("Containers")] public List<ContainerSummary> Containers { get; set; } = [];
    /// <summary>Volumes with <c>UsageData</c>.</summary>
    [JsonPropertyName("Volumes")] public List<Volume> Volumes { get; set; } = [];
    /// <summary>Build cache records (none: the classic builder keeps no separate cache).</summary>
    [JsonPropertyName("BuildCache")] public List<JsonElement> BuildCache { get; set; } = [];
}
