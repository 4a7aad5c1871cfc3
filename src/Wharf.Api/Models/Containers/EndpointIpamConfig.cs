using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Static addresses requested for an endpoint.</summary>
public sealed class EndpointIpamConfig
{
    /// <summary><c>--ip</c>.</summary>
    [JsonPropertyName("IPv4Address")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? IPv4Address { get; set; }
    /// <summary><c>--ip6</c>.</summary>
    [JsonPropertyName("IPv6Address")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? IPv6Address { get; set; }
    /// <summary>Link-local addresses.</summary>
    [JsonPropertyName("LinkLocalIPs")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<string>? LinkLocalIps { get; set; }
}
