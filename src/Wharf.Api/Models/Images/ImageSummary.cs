using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>One entry of <c>GET /images/json</c>.</summary>
public sealed class ImageSummary
{
    /// <summary>Image ID, <c>sha256:…</c>.</summary>
    [JsonPropertyName("Id")] public string Id { get; set; } = "";
    /// <summary>Parent image ID or empty.</summary>
    [JsonPropertyName("ParentId")] public string ParentId { get; set; } = "";
    /// <summary>Tags; <c>[]</c> when untagged.</summary>
    [JsonPropertyName("RepoTags")] public List<string> RepoTags { get; set; } = [];
    /// <summary>Digests; never null.</summary>
    [JsonPropertyName("RepoDigests")] public List<string> RepoDigests { get; set; } = [];
    /// <summary>Creation time, unix seconds.</summary>
    [JsonPropertyName("Created")] public long Created { get; set; }
    /// <summary>Size in bytes.</summary>
    [JsonPropertyName("Size")] public long Size { get; set; }
    /// <summary>Shared size, -1 when not computed.</summary>
    [JsonPropertyName("SharedSize")] public long SharedSize { get; set; } = -1;
    /// <summary>Legacy size (equal to <see cref="Size"/>).</summary>
    [JsonPropertyName("VirtualSize")] public long VirtualSize { get; set; }
    /// <summary>Labels; never null.</summary>
    [JsonPropertyName("Labels")] public Dictionary<string, string> Labels { get; set; } = [];
    /// <summary>Containers using it, -1 when not computed.</summary>
    [JsonPropertyName("Containers")] public int Containers { get; set; } = -1;
}
