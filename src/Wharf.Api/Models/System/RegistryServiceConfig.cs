using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>The <c>RegistryConfig</c> object of <c>/info</c>.</summary>
public sealed class RegistryServiceConfig
{
    /// <summary>Insecure registry CIDRs.</summary>
    [JsonPropertyName("InsecureRegistryCIDRs")] public List<string> InsecureRegistryCidrs { get; set; } = ["127.0.0.0/8", "::1/128"];
    /// <summary>Per-index settings.</summary>
    [JsonPropertyName("IndexConfigs")] public Dictionary<string, IndexInfo> IndexConfigs { get; set; } = [];
    /// <summary>Registry mirrors.</summary>
    [JsonPropertyName("Mirrors")] public List<string> Mirrors { get; set; } = [];
}
