using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>The <c>X-Docker-Container-Path-Stat</c> document (standard base64 JSON) of the archive endpoints.</summary>
public sealed class ContainerPathStat
{
    /// <summary>Base name of the path.</summary>
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    /// <summary>Size in bytes.</summary>
    [JsonPropertyName("size")] public long Size { get; set; }
    /// <summary>Go <c>os.FileMode</c> bits (see <c>Streams.GoFileMode</c>).</summary>
    [JsonPropertyName("mode")] public uint Mode { get; set; }
    /// <summary>Modification time, RFC 3339.</summary>
    [JsonPropertyName("mtime")] public string Mtime { get; set; } = Json.DockerTime.Zero;
    /// <summary>Target when the path is a symlink, else empty.</summary>
    [JsonPropertyName("linkTarget")] public string LinkTarget { get; set; } = "";
}
