using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>A volume as <c>GET /volumes/{name}</c>, <c>GET /volumes</c> and <c>POST /volumes/create</c> return it.</summary>
public sealed class Volume
{
    /// <summary>Name.</summary>
    [JsonPropertyName("Name")] public string Name { get; set; } = "";
    /// <summary>Driver (<c>local</c>).</summary>
    [JsonPropertyName("Driver")] public string Driver { get; set; } = "local";
    /// <summary>Host path of the volume's data.</summary>
    [JsonPropertyName("Mountpoint")] public string Mountpoint { get; set; } = "";
    /// <summary>Creation time, RFC 3339.</summary>
    [JsonPropertyName("CreatedAt")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? CreatedAt { get; set; }
    /// <summary>Driver-specific status.</summary>
    [JsonPropertyName("Status")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Dictionary<string, string>? Status { get; set; }
    /// <summary>Labels (always an object on the wire from Wharf).</summary>
    [JsonPropertyName("Labels")] public Dictionary<string, string>? Labels { get; set; } = [];
    /// <summary><c>local</c> or <c>global</c>.</summary>
    [JsonPropertyName("Scope")] public string Scope { get; set; } = "local";
    /// <summary>Driver options given at creation.</summary>
    [JsonPropertyName("Options")] public Dictionary<string, string>? Options { get; set; } = [];
    /// <summary>Disk use; only in <c>GET /system/df</c>.</summary>
    [JsonPropertyName("UsageData")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public VolumeUsageData? UsageData { get; set; }
}
