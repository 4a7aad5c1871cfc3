using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Body of <c>POST /networks/{id}/disconnect</c>.</summary>
public sealed class NetworkDisconnectRequest
{
    /// <summary>Container ID or name.</summary>
    [JsonPropertyName("Container")] public string? Container { get; set; }
    /// <summary>Disconnect even when the container is gone.</summary>
    [JsonPropertyName("Force")] public bool Force { get; set; }
}
