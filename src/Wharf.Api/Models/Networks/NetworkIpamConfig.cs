using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>One IPAM pool of a network (<c>IPAM.Config[]</c>); empty fields are omitted as Docker does.</summary>
public sealed class NetworkIpamConfig
{
    /// <summary>CIDR subnet.</summary>
    [JsonPropertyName("Subnet")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Subnet { get; set; }
    /// <summary>Range dynamic addresses come from.</summary>
    [JsonPropertyName("IPRange")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? IPRange { get; set; }
    /// <summary>Gateway address.</summary>
    [JsonPropertyName("Gateway")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Gateway { get; set; }
    /// <summary>Reserved auxiliary addresses.</summary>
    [JsonPropertyName("AuxiliaryAddresses")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Dictionary<string, string>? AuxiliaryAddresses { get; set; }
}
