using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Options of a volume <see cref="Mount"/>.</summary>
public sealed class VolumeOptions
{
    /// <summary>Do not copy image content into a new volume.</summary>
    [JsonPropertyName("NoCopy")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public bool NoCopy { get; set; }
    /// <summary>Labels for a new volume.</summary>
    [JsonPropertyName("Labels")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Dictionary<string, string>? Labels { get; set; }
    /// <summary>Driver for a new volume.</summary>
    [JsonPropertyName("DriverConfig")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DriverConfig? DriverConfig { get; set; }
    /// <summary>Sub-path of the volume to mount.</summary>
    [JsonPropertyName("Subpath")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Subpath { get; set; }
}
