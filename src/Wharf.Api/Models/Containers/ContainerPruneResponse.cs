using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Answer of <c>POST /containers/prune</c>.</summary>
public sealed class ContainerPruneResponse
{
    /// <summary>IDs of the removed containers.</summary>
    [JsonPropertyName("ContainersDeleted")] public List<string> ContainersDeleted { get; set; } = [];
    /// <summary>Bytes freed.</summary>
    [JsonPropertyName("SpaceReclaimed")] public long SpaceReclaimed { get; set; }
}
