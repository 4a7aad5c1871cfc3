using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Body of <c>POST /networks/{id}/connect</c>.</summary>
public sealed class NetworkConnectRequest
{
    /// <summary>Container ID or name.</summary>
    [JsonPropertyName("Container")] public string? Container { get; set; }
    /// <summary>Aliases, links and static addresses.</summary>
    [JsonPropertyName("EndpointConfig")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public EndpointSettings? EndpointConfig { get; set; }
}
