using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>The <c>ConfigFrom</c> block (swarm config-only networks; always empty here).</summary>
public sealed class NetworkConfigReference
{
    /// <summary>Name of the config-only network.</summary>
    [JsonPropertyName("Network")] public string Network { get; set; } = "";
}
