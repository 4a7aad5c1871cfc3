using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Body of <c>POST /volumes/create</c>.</summary>
public sealed class VolumeCreateRequest
{
    /// <summary>Name; empty for an anonymous volume.</summary>
    [JsonPropertyName("Name")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Name { get; set; }
    /// <summary>Driver; empty means <c>local</c>.</summary>
    [JsonPropertyName("Driver")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Driver { get; set; }
    /// <summary>Driver options.</summary>
    [JsonPropertyName("DriverOpts")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Dictionary<string, string>? DriverOpts { get; set; }
    /// <summary>Labels.</summary>
    [JsonPropertyName("Labels")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Dictionary<string, string>? Labels { get; set; }
}
