using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Answer of <c>GET /volumes</c>.</summary>
public sealed class VolumeListResponse
{
    /// <summary>The volumes.</summary>
    [JsonPropertyName("Volumes")] public List<Volume> Volumes { get; set; } = [];
    /// <summary>Warnings (always empty from Wharf, but present).</summary>
    [JsonPropertyName("Warnings")] public List<string> Warnings { get; set; } = [];
}
