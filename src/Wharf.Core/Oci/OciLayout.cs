using System.Text.Json.Serialization;

namespace Wharf.Core.Oci;

/// <summary>The <c>oci-layout</c> file at the root of an OCI image layout directory or archive.</summary>
public sealed class OciLayout
{
    /// <summary>The layout version this code writes.</summary>
    public const string CurrentVersion = "1.0.0";

    /// <summary>The file's name inside a layout.</summary>
    public const string FileName = "oci-layout";

    /// <summary>The layout version, <c>1.0.0</c>.</summary>
    [JsonPropertyName("imageLayoutVersion")] public string ImageLayoutVersion { get; set; } = CurrentVersion;
}
