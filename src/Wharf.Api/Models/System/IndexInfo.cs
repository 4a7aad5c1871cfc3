using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>One registry index in <c>/info</c>'s <c>RegistryConfig.IndexConfigs</c>.</summary>
public sealed class IndexInfo
{
    /// <summary>Registry host name.</summary>
    [JsonPropertyName("Name")] public string Name { get; set; } = "";
    /// <summary>Its mirrors.</summary>
    [JsonPropertyName("Mirrors")] public List<string> Mirrors { get; set; } = [];
    /// <summary>TLS verified.</summary>
    [JsonPropertyName("Secure")] public bool Secure { get; set; }
    /// <summary>The official Docker Hub index.</summary>
    [JsonPropertyName("Official")] public bool Official { get; set; }
}
