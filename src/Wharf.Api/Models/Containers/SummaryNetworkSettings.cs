using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>The <c>NetworkSettings</c> of a <c>/containers/json</c> entry.</summary>
public sealed class SummaryNetworkSettings
{
    /// <summary>Endpoints by network name; never null.</summary>
    [JsonPropertyName("Networks")] public Dictionary<string, EndpointSettings> Networks { get; set; } = [];
}
