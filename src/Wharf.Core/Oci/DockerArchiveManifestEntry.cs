using System.Text.Json.Serialization;

namespace Wharf.Core.Oci;

/// <summary>One entry of <c>manifest.json</c> in a <c>docker save</c> archive (a JSON array of these).</summary>
public sealed class DockerArchiveManifestEntry
{
    /// <summary>The archive's name for that file.</summary>
    public const string FileName = "manifest.json";

    /// <summary>Path of the image config inside the archive, e.g. <c>blobs/sha256/&lt;hex&gt;</c>.</summary>
    [JsonPropertyName("Config")] public string Config { get; set; } = "";
    /// <summary>Familiar references the image was saved under, e.g. <c>busybox:latest</c>.</summary>
    [JsonPropertyName("RepoTags")] public List<string>? RepoTags { get; set; }
    /// <summary>Paths of the layer tars inside the archive, bottom first.</summary>
    [JsonPropertyName("Layers")] public List<string> Layers { get; set; } = [];
    /// <summary>Descriptors of layers stored outside the archive, keyed by diff ID (foreign layers).</summary>
    [JsonPropertyName("LayerSources")] public Dictionary<string, Descriptor>? LayerSources { get; set; }
}
