using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>The create body's <c>NetworkingConfig</c>.</summary>
public sealed class NetworkingConfig
{
    /// <summary>Endpoint settings by network name (<c>default</c> without <c>--network</c>).</summary>
    [JsonPropertyName("EndpointsConfig")] public Dictionary<string, EndpointSettings>? EndpointsConfig { get; set; }
}
