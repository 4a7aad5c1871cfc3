using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>The <c>RootFS</c> object of image inspect.</summary>
public sealed class ImageRootFs
{
    /// <summary>Always <c>layers</c>.</summary>
    [JsonPropertyName("Type")] public string Type { get; set; } = "layers";
    /// <summary>Uncompressed layer digests, bottom first.</summary>
    [JsonPropertyName("Layers")] public List<string> Layers { get; set; } = [];
}
