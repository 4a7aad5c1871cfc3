using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>A host binding of a container port; <c>HostPort</c> is a string on the wire.</summary>
public sealed class PortBinding
{
    /// <summary>Host address, empty = all.</summary>
    [JsonPropertyName("HostIp")] public string HostIp { get; set; } = "";
    /// <summary>Host port (or range), empty = random.</summary>
    [JsonPropertyName("HostPort")] public string HostPort { get; set; } = "";
}
