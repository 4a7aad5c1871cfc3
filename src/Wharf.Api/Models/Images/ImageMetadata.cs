using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>The <c>Metadata</c> object of image inspect.</summary>
public sealed class ImageMetadata
{
    /// <summary>When the image was last tagged (zero time when never).</summary>
    [JsonPropertyName("LastTagTime")] public string LastTagTime { get; set; } = Json.DockerTime.Zero;
}
