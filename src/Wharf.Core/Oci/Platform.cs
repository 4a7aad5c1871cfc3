using System.Text.Json.Serialization;

namespace Wharf.Core.Oci;

/// <summary>The platform an image runs on (OCI <c>platform</c> object; Go names: <c>linux</c>/<c>amd64</c>).</summary>
public sealed class Platform
{
    /// <summary>CPU architecture, e.g. <c>amd64</c>, <c>arm64</c>.</summary>
    [JsonPropertyName("architecture")] public string Architecture { get; set; } = "";
    /// <summary>Operating system, e.g. <c>linux</c>.</summary>
    [JsonPropertyName("os")] public string Os { get; set; } = "";
    /// <summary>Operating system version (Windows builds).</summary>
    [JsonPropertyName("os.version")] public string? OsVersion { get; set; }
    /// <summary>Required operating system features.</summary>
    [JsonPropertyName("os.features")] public List<string>? OsFeatures { get; set; }
    /// <summary>CPU variant, e.g. <c>v7</c>, <c>v8</c>.</summary>
    [JsonPropertyName("variant")] public string? Variant { get; set; }
    /// <summary>Required CPU features (Docker manifest lists; reserved in OCI).</summary>
    [JsonPropertyName("features")] public List<string>? Features { get; set; }

    /// <summary><c>os/architecture[/variant]</c>, as <c>--platform</c> writes it.</summary>
    public override string ToString() => Variant is { Length: > 0 } ? $"{Os}/{Architecture}/{Variant}" : $"{Os}/{Architecture}";
}
