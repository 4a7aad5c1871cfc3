using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>A network as <c>GET /networks</c> and <c>GET /networks/{id}</c> return it.</summary>
public sealed class NetworkResource
{
    /// <summary>Name.</summary>
    [JsonPropertyName("Name")] public string Name { get; set; } = "";
    /// <summary>64-hex ID.</summary>
    [JsonPropertyName("Id")] public string Id { get; set; } = "";
    /// <summary>Creation time, RFC 3339 with nanoseconds.</summary>
    [JsonPropertyName("Created")] public string Created { get; set; } = "";
    /// <summary><c>local</c>.</summary>
    [JsonPropertyName("Scope")] public string Scope { get; set; } = "local";
    /// <summary><c>bridge</c>, <c>host</c> or <c>null</c>.</summary>
    [JsonPropertyName("Driver")] public string Driver { get; set; } = "";
    /// <summary>IPv6 enabled.</summary>
    [JsonPropertyName("EnableIPv6")] public bool EnableIPv6 { get; set; }
    /// <summary>IPAM.</summary>
    [JsonPropertyName("IPAM")] public NetworkIpam Ipam { get; set; } = new();
    /// <summary>No external access.</summary>
    [JsonPropertyName("Internal")] public bool Internal { get; set; }
    /// <summary>Attachable.</summary>
    [JsonPropertyName("Attachable")] public bool Attachable { get; set; }
    /// <summary>Swarm routing mesh (always false).</summary>
    [JsonPropertyName("Ingress")] public bool Ingress { get; set; }
    /// <summary>Config-only source.</summary>
    [JsonPropertyName("ConfigFrom")] public NetworkConfigReference ConfigFrom { get; set; } = new();
    /// <summary>Config-only network (always false).</summary>
    [JsonPropertyName("ConfigOnly")] public bool ConfigOnly { get; set; }
    /// <summary>Attached containers by ID.</summary>
    [JsonPropertyName("Containers")] public Dictionary<string, NetworkContainer> Containers { get; set; } = [];
    /// <summary>Driver options as given.</summary>
    [JsonPropertyName("Options")] public Dictionary<string, string> Options { get; set; } = [];
    /// <summary>Labels.</summary>
    [JsonPropertyName("Labels")] public Dictionary<string, string> Labels { get; set; } = [];
}
