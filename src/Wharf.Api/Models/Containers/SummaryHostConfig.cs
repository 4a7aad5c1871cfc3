using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>The <c>HostConfig</c> of a <c>/containers/json</c> entry.</summary>
public sealed class SummaryHostConfig
{
    /// <summary>Network mode.</summary>
    [JsonPropertyName("NetworkMode")] public string NetworkMode { get; set; } = "";
    /// <summary>Annotations.</summary>
    [JsonPropertyName("Annotations")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Dictionary<string, string>? Annotations { get; set; }
}
