using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Answer of <c>GET /containers/{id}/top</c>.</summary>
public sealed class ContainerTopResponse
{
    /// <summary>ps column titles.</summary>
    [JsonPropertyName("Titles")] public List<string> Titles { get; set; } = [];
    /// <summary>One row per process.</summary>
    [JsonPropertyName("Processes")] public List<List<string>> Processes { get; set; } = [];
}
