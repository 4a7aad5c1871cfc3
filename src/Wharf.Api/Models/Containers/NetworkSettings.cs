using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>The <c>NetworkSettings</c> object of container inspect; <c>Ports</c> and <c>Networks</c> are never null.</summary>
public sealed class NetworkSettings
{
    /// <summary>Bridge name (legacy).</summary>
    [JsonPropertyName("Bridge")] public string Bridge { get; set; } = "";
    /// <summary>Sandbox ID.</summary>
    [JsonPropertyName("SandboxID")] public string SandboxId { get; set; } = "";
    /// <summary>Sandbox key (netns path).</summary>
    [JsonPropertyName("SandboxKey")] public string SandboxKey { get; set; } = "";
    /// <summary>Port map, <c>"80/tcp": [{HostIp,HostPort}]</c> or null for unpublished exposed ports.</summary>
    [JsonPropertyName("Ports")] public Dictionary<string, List<PortBinding>?> Ports { get; set; } = [];
    /// <summary>Hairpin mode.</summary>
    [JsonPropertyName("HairpinMode")] public bool HairpinMode { get; set; }
    /// <summary>Link-local IPv6 address.</summary>
    [JsonPropertyName("LinkLocalIPv6Address")] public string LinkLocalIPv6Address { get; set; } = "";
    /// <summary>Link-local IPv6 prefix length.</summary>
    [JsonPropertyName("LinkLocalIPv6PrefixLen")] public int LinkLocalIPv6PrefixLen { get; set; }
    /// <summary>Secondary IPv4 addresses.</summary>
    [JsonPropertyName("SecondaryIPAddresses")] public List<string>? SecondaryIpAddresses { get; set; }
    /// <summary>Secondary IPv6 addresses.</summary>
    [JsonPropertyName("SecondaryIPv6Addresses")] public List<string>? SecondaryIPv6Addresses { get; set; }
    /// <summary>Endpoint on the default bridge.</summary>
    [JsonPropertyName("EndpointID")] public string EndpointId { get; set; } = "";
    /// <summary>Gateway on the default bridge.</summary>
    [JsonPropertyName("Gateway")] public string Gateway { get; set; } = "";
    /// <summary>IPv6 address on the default bridge.</summary>
    [JsonPropertyName("GlobalIPv6Address")] public string GlobalIPv6Address { get; set; } = "";
    /// <summary>IPv6 prefix length on the default bridge.</summary>
    [JsonPropertyName("GlobalIPv6PrefixLen")] public int GlobalIPv6PrefixLen { get; set; }
    /// <summary>IPv4 address on the default bridge.</summary>
    [JsonPropertyName("IPAddress")] public string IpAddress { get; set; } = "";
    /// <summary>IPv4 prefix length on the default bridge.</summary>
    [JsonPropertyName("IPPrefixLen")] public int IpPrefixLen { get; set; }
    /// <summary>IPv6 gateway on the default bridge.</summary>
    [JsonPropertyName("IPv6Gateway")] public string IPv6Gateway { get; set; } = "";
    /// <summary>MAC address on the default bridge.</summary>
    [JsonPropertyName("MacAddress")] public string MacAddress { get; set; } = "";
    /// <summary>Endpoints by network name.</summary>
    [JsonPropertyName("Networks")] public Dictionary<string, EndpointSettings> Networks { get; set; } = [];
}
