using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>One entry of a network inspect's <c>Containers</c> map.</summary>
public sealed class NetworkContainer
{
    /// <summary>Container name (without <c>/</c>).</summary>
    [JsonPropertyName("Name")] public string Name { get; set; } = "";
    /// <summary>Endpoint ID.</summary>
    [JsonPropertyName("EndpointID")] public string EndpointId { get; set; } = "";
    /// <summary>MAC address.</summary>
    [JsonPropertyName("MacAddress")] public string MacAddress { get; set; } = "";
    /// <summary>Address with prefix, <c>172.18.0.2/16</c>.</summary>
    [JsonPropertyName("IPv4Address")] public string IPv4Address { get; set; } = "";
    /// <summary>IPv6 address with prefix (empty).</summary>
    [JsonPropertyName("IPv6Address")] public string IPv6Address { get; set; } = "";
}
