using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Answer of <c>POST /images/prune</c>.</summary>
public sealed class ImagePruneResponse
{
    /// <summary>What was untagged and deleted.</summary>
    [JsonPropertyName("ImagesDeleted")] public List<ImageDeleteResponseItem> ImagesDeleted { get; set; } = [];
    /// <summary>Bytes freed.</summary>
    [JsonPropertyName("SpaceReclaimed")] public long SpaceReclaimed { get; set; }
}
