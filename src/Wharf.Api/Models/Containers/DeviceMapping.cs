using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>A <c>--device</c> mapping.</summary>
public sealed class DeviceMapping
{
    /// <summary>Host device.</summary>
    [JsonPropertyName("PathOnHost")] public string PathOnHost { get; set; } = "";
    /// <summary>Path inside the container.</summary>
    [JsonPropertyName("PathInContainer")] public string PathInContainer { get; set; } = "";
    /// <summary><c>rwm</c> subset.</summary>
    [JsonPropertyName("CgroupPermissions")] public string CgroupPermissions { get; set; } = "";
}
