using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>A driver name with options.</summary>
public sealed class DriverConfig
{
    /// <summary>Driver name.</summary>
    [JsonPropertyName("Name")] public string Name { get; set; } = "";
    /// <summary>Driver options.</summary>
    [JsonPropertyName("Options")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Dictionary<string, string>? Options { get; set; }
}
