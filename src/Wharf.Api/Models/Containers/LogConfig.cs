using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Docker's <c>HostConfig.LogConfig</c>.</summary>
public sealed class LogConfig
{
    /// <summary>Driver name.</summary>
    [JsonPropertyName("Type")] public string Type { get; set; } = "json-file";
    /// <summary>Driver options.</summary>
    [JsonPropertyName("Config")] public Dictionary<string, string> Config { get; set; } = [];
}
