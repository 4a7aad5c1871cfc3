using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>The <c>Plugins</c> object of <c>/info</c>.</summary>
public sealed class PluginsInfo
{
    /// <summary>Volume drivers.</summary>
    [JsonPropertyName("Volume")] public List<string> Volume { get; set; } = ["local"];
    /// <summary>Network drivers.</summary>
    [JsonPropertyName("Network")] public List<string> Network { get; set; } = ["bridge", "host", "null"];
    /// <summary>Authorization plugins.</summary>
    [JsonPropertyName("Authorization")] public List<string>? Authorization { get; set; }
    /// <summary>Log drivers.</summary>
    [JsonPropertyName("Log")] public List<string> Log { get; set; } = ["json-file", "k8s-file"];
}
