using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>A port in a <c>/containers/json</c> entry.</summary>
public sealed class Port
{
    /// <summary>Host address.</summary>
    [JsonPropertyName("IP")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Ip { get; set; }
    /// <summary>Container port.</summary>
    [JsonPropertyName("PrivatePort")] public int PrivatePort { get; set; }
    /// <summary>Host port.</summary>
    [JsonPropertyName("PublicPort")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public int PublicPort { get; set; }
    /// <summary><c>tcp</c>, <c>udp</c>, <c>sctp</c>.</summary>
    [JsonPropertyName("Type")] public string Type { get; set; } = "tcp";
}
