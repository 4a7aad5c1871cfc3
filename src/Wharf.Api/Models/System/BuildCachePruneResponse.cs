using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Answer of <c>POST /build/prune</c> (<c>docker system prune</c> and <c>builder prune</c> call it).</summary>
public sealed class BuildCachePruneResponse
{
    /// <summary>IDs of the removed cache records.</summary>
    [JsonPropertyName("CachesDeleted")] public List<string> CachesDeleted { get; set; } = [];
    /// <summary>Bytes freed.</summary>
    [JsonPropertyName("SpaceReclaimed")] public long SpaceReclaimed { get; set; }
}
