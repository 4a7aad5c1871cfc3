using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Answer of <c>POST /volumes/prune</c>.</summary>
public sealed class VolumePruneResponse
{
    /// <summary>Names of the removed volumes.</summary>
    [JsonPropertyName("VolumesDeleted")] public List<string> VolumesDeleted { get; set; } = [];
    /// <summary>Bytes freed.</summary>
    [JsonPropertyName("SpaceReclaimed")] public long SpaceReclaimed { get; set; }
}
