using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>A network's <c>IPAM</c> block.</summary>
public sealed class NetworkIpam
{
    /// <summary>IPAM driver, <c>default</c>.</summary>
    [JsonPropertyName("Driver")] public string? Driver { get; set; }
    /// <summary>IPAM driver options (null when none, as Docker).</summary>
    [JsonPropertyName("Options")] public Dictionary<string, string>? Options { get; set; }
    /// <summary>Pools.</summary>
    [JsonPropertyName("Config")] public List<NetworkIpamConfig>? Config { get; set; }
}
