using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>One line of <c>GET /containers/{id}/changes</c>.</summary>
public sealed class ContainerChangeResponseItem
{
    /// <summary>Absolute path in the container.</summary>
    [JsonPropertyName("Path")] public string Path { get; set; } = "";
    /// <summary>0 = modified, 1 = added, 2 = deleted.</summary>
    [JsonPropertyName("Kind")] public int Kind { get; set; }
}
