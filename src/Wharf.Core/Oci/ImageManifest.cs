using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wharf.Core.Oci;

/// <summary>A single-platform image manifest: OCI image manifest or Docker image manifest v2 schema 2.</summary>
public sealed class ImageManifest
{
    /// <summary>Always 2.</summary>
    [JsonPropertyName("schemaVersion")] public int SchemaVersion { get; set; } = 2;
    /// <summary>The manifest's media type (<see cref="MediaTypes.OciManifest"/> or <see cref="MediaTypes.DockerManifest"/>); optional in OCI.</summary>
    [JsonPropertyName("mediaType")] public string? MediaType { get; set; }
    /// <summary>The artifact type, for artifact manifests.</summary>
    [JsonPropertyName("artifactType")] public string? ArtifactType { get; set; }
    /// <summary>The image config blob.</summary>
    [JsonPropertyName("config")] public Descriptor Config { get; set; } = new();
    /// <summary>The layer blobs, bottom first.</summary>
    [JsonPropertyName("layers")] public List<Descriptor> Layers { get; set; } = [];
    /// <summary>The manifest this one refers to (referrers API).</summary>
    [JsonPropertyName("subject")] public Descriptor? Subject { get; set; }
    /// <summary>Arbitrary metadata.</summary>
    [JsonPropertyName("annotations")] public Dictionary<string, string>? Annotations { get; set; }
    /// <summary>Fields this type does not model, kept so documents round-trip.</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>Parses a manifest; throws <see cref="JsonException"/> when malformed.</summary>
    public static ImageManifest Parse(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, CoreJsonContext.Default.ImageManifest) ?? throw new JsonException("manifest is null");

    /// <summary>Serialises the manifest to UTF-8 JSON.</summary>
    public byte[] ToJsonBytes() => JsonSerializer.SerializeToUtf8Bytes(this, CoreJsonContext.Default.ImageManifest);
}
