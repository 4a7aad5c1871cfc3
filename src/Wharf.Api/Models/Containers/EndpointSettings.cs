using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>A container's endpoint on one network (create input and inspect output).</summary>
public sealed class EndpointSettings
{
    /// <summary>Requested static addresses.</summary>
    [JsonPropertyName("IPAMConfig")] public EndpointIpamConfig? IpamConfig { get; set; }
    /// <summary>Legacy links.</summary>
    [JsonPropertyName("Links")] public List<string>? Links { get; set; }
    /// <summary>Aliases on the network.</summary>
    [JsonPropertyName("Aliases")] public List<string>? Aliases { get; set; }
    /// <summary>MAC address.</summary>
    [JsonPropertyName("MacAddress")] public string MacAddress { get; set; } = "";
    /// <summary>Driver options.</summary>
    [JsonPropertyName("DriverOpts")] public Dictionary<string, string>? DriverOpts { get; set; }
    /// <summary>Gateway priority.</summary>
    [JsonPropertyName("GwPriority")] public int GwPriority { get; set; }
    /// <summary>Network ID.</summary>
    [JsonPropertyName("NetworkID")] public string NetworkId { get; set; } = "";
    /// <summary>Endpoint ID.</summary>
    [JsonPropertyName("EndpointID")] public string EndpointId { get; set; } = "";
    /// <summary>IPv4 gateway.</summary>
    [JsonPropertyName("Gateway")] public string Gateway { get; set; } = "";
    /// <summary>IPv4 address.</summary>
    [JsonPropertyName("IPAddress")] public string IpAddress { get; set; } = "";
    /// <summary>IPv4 prefix length.</summary>
    [JsonPropertyName("IPPrefixLen")] public int IpPrefixLen { get; set; }
    /// <summary>IPv6 gateway.</summary>
    [JsonPropertyName("IPv6Gateway")] public string IPv6Gateway { get; set; } = "";
    /// <summary>IPv6 address.</summary>
    [JsonPropertyName("GlobalIPv6Address")] public string GlobalIPv6Address { get; set; } = "";
    /// <summary>IPv6 prefix length.</summary>
    [JsonPropertyName("GlobalIPv6PrefixLen")] public int GlobalIPv6PrefixLen { get; set; }
    /// <summary>Names the embedded DNS answers for this endpoint.</summary>
    [JsonPropertyName("DNSNames")] public List<string>? DnsNames { get; set; }
}
