using System.Text.Json;
using System.Text.Json.Serialization;
using Wharf.Core.Digests;

namespace Wharf.Core.Oci;

/// <summary>An OCI content descriptor: what a blob is (media type), its digest and size, and optional metadata.</summary>
public sealed class Descriptor
{
    /// <summary>The blob's media type.</summary>
    [JsonPropertyName("mediaType")] public string MediaType { get; set; } = "";
    /// <summary>The blob's digest.</summary>
    [JsonPropertyName("digest")] public Digest Digest { get; set; }
    /// <summary>The blob's size in bytes.</summary>
    [JsonPropertyName("size")] public long Size { get; set; }
    /// <summary>Other places the blob can be downloaded from (foreign layers).</summary>
    [JsonPropertyName("urls")] public List<string>? Urls { get; set; }
    /// <summary>Arbitrary metadata.</summary>
    [JsonPropertyName("annotations")] public Dictionary<string, string>? Annotations { get; set; }
    /// <summary>The blob's content embedded, base64.</summary>
    [JsonPropertyName("data")] public string? Data { get; set; }
    /// <summary>The platform of a manifest listed in an index.</summary>
    [JsonPropertyName("platform")] public Platform? Platform { get; set; }
    /// <summary>The artifact type, when the descriptor points at an artifact manifest.</summary>
    [JsonPropertyName("artifactType")] public string? ArtifactType { get; set; }
    /// <summary>Fields this type does not model, kept so documents round-trip.</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
