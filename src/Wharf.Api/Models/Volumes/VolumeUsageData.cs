using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>A volume's disk use in <c>GET /system/df</c> (the docker CLI dereferences it without a nil check).</summary>
public sealed class VolumeUsageData
{
    /// <summary>Bytes used, -1 when unknown.</summary>
    [JsonPropertyName("Size")] public long Size { get; set; } = -1;
    /// <summary>Number of containers referencing the volume, -1 when unknown.</summary>
    [JsonPropertyName("RefCount")] public long RefCount { get; set; } = -1;
}
