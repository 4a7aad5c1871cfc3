using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Body of <c>POST /networks/create</c>.</summary>
public sealed class NetworkCreateRequest
{
    /// <summary>Name.</summary>
    [JsonPropertyName("Name")] public string? Name { get; set; }
    /// <summary>Deprecated: duplicates are always refused.</summary>
    [JsonPropertyName("CheckDuplicate")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? CheckDuplicate { get; set; }
    /// <summary>Driver; null means <c>bridge</c>.</summary>
    [JsonPropertyName("Driver")] public string? Driver { get; set; }
    /// <summary>Scope.</summary>
    [JsonPropertyName("Scope")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Scope { get; set; }
    /// <summary>IPv6.</summary>
    [JsonPropertyName("EnableIPv6")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? EnableIPv6 { get; set; }
    /// <summary>IPAM.</summary>
    [JsonPropertyName("IPAM")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public NetworkIpam? Ipam { get; set; }
    /// <summary><c>--internal</c>.</summary>
    [JsonPropertyName("Internal")] public bool Internal { get; set; }
    /// <summary><c>--attachable</c>.</summary>
    [JsonPropertyName("Attachable")] public bool Attachable { get; set; }
    /// <summary>Swarm ingress.</summary>
    [JsonPropertyName("Ingress")] public bool Ingress { get; set; }
    /// <summary>Config-only network.</summary>
    [JsonPropertyName("ConfigOnly")] public bool ConfigOnly { get; set; }
    /// <summary>Config-only source.</summary>
    [JsonPropertyName("ConfigFrom")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public NetworkConfigReference? ConfigFrom { get; set; }
    /// <summary>Driver options.</summary>
    [JsonPropertyName("Options")] public Dictionary<string, string>? Options { get; set; }
    /// <summary>Labels.</summary>
    [JsonPropertyName("Labels")] public Dictionary<string, string>? Labels { get; set; }
}
