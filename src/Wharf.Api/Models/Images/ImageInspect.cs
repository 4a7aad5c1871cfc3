using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Answer of <c>GET /images/{name}/json</c>; <c>ContainerConfig</c> is always an object (compose 1.29 reads it).</summary>
public sealed class ImageInspect
{
    /// <summary>Image ID, <c>sha256:…</c>.</summary>
    [JsonPropertyName("Id")] public string Id { get; set; } = "";
    /// <summary>Tags; never null.</summary>
    [JsonPropertyName("RepoTags")] public List<string> RepoTags { get; set; } = [];
    /// <summary>Digests; never null.</summary>
    [JsonPropertyName("RepoDigests")] public List<string> RepoDigests { get; set; } = [];
    /// <summary>Parent image ID or empty.</summary>
    [JsonPropertyName("Parent")] public string Parent { get; set; } = "";
    /// <summary>Commit message.</summary>
    [JsonPropertyName("Comment")] public string Comment { get; set; } = "";
    /// <summary>Creation time, RFC 3339.</summary>
    [JsonPropertyName("Created")] public string Created { get; set; } = Json.DockerTime.Zero;
    /// <summary>Legacy: container the image was committed from.</summary>
    [JsonPropertyName("Container")] public string Container { get; set; } = "";
    /// <summary>Legacy container config; always an object.</summary>
    [JsonPropertyName("ContainerConfig")] public ContainerConfig ContainerConfig { get; set; } = new();
    /// <summary>Engine version that built it.</summary>
    [JsonPropertyName("DockerVersion")] public string DockerVersion { get; set; } = "";
    /// <summary>Author.</summary>
    [JsonPropertyName("Author")] public string Author { get; set; } = "";
    /// <summary>Container defaults.</summary>
    [JsonPropertyName("Config")] public ContainerConfig Config { get; set; } = new();
    /// <summary>Architecture.</summary>
    [JsonPropertyName("Architecture")] public string Architecture { get; set; } = "";
    /// <summary>Architecture variant.</summary>
    [JsonPropertyName("Variant")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Variant { get; set; }
    /// <summary>Operating system.</summary>
    [JsonPropertyName("Os")] public string Os { get; set; } = "linux";
    /// <summary>OS version.</summary>
    [JsonPropertyName("OsVersion")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? OsVersion { get; set; }
    /// <summary>Size in bytes.</summary>
    [JsonPropertyName("Size")] public long Size { get; set; }
    /// <summary>Legacy size.</summary>
    [JsonPropertyName("VirtualSize")] public long VirtualSize { get; set; }
    /// <summary>Storage details.</summary>
    [JsonPropertyName("GraphDriver")] public GraphDriverData GraphDriver { get; set; } = new();
    /// <summary>Layers.</summary>
    [JsonPropertyName("RootFS")] public ImageRootFs RootFs { get; set; } = new();
    /// <summary>Local metadata.</summary>
    [JsonPropertyName("Metadata")] public ImageMetadata Metadata { get; set; } = new();
}
