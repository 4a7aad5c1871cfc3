using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wharf.Core.Oci;

/// <summary>A multi-platform image index: OCI image index or Docker manifest list.</summary>
public sealed class ImageIndex
{
    /// <summary>Always 2.</summary>
    [JsonPropertyName("schemaVersion")] public int SchemaVersion { get; set; } = 2;
    /// <summary>The index's media type (<see cref="MediaTypes.OciIndex"/> or <see cref="MediaTypes.DockerManifestList"/>); optional in OCI.</summary>
    [JsonPropertyName("mediaType")] public string? MediaType { get; set; }
    /// <summary>The artifact type, for artifact indexes.</summary>
    [JsonPropertyName("artifactType")] public string? ArtifactType { get; set; }
    /// <summary>The manifests, each usually with a <see cref="Descriptor.Platform"/>.</summary>
    [JsonPropertyName("manifests")] public List<Descriptor> Manifests { get; set; } = [];
    /// <summary>The manifest this one refers to (referrers API).</summary>
    [JsonPropertyName("subject")] public Descriptor? Subject { get; set; }
    /// <summary>Arbitrary metadata.</summary>
    [JsonPropertyName("annotations")] public Dictionary<string, string>? Annotations { get; set; }
    /// <summary>Fields this type does not model, kept so documents round-trip.</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>Parses an index; throws <see cref="JsonException"/> when malformed.</summary>
    public static ImageIndex Parse(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, CoreJsonContext.Default.ImageIndex) ?? throw new JsonException("index is null");

    /// <summary>Serialises the index to UTF-8 JSON.</summary>
    public byte[] ToJsonBytes() => JsonSerializer.SerializeToUtf8Bytes(this, CoreJsonContext.Default.ImageIndex);
}
