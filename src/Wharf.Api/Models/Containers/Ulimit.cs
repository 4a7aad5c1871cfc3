using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>A <c>--ulimit</c>.</summary>
public sealed class Ulimit
{
    /// <summary>Resource name, e.g. <c>nofile</c>.</summary>
    [JsonPropertyName("Name")] public string Name { get; set; } = "";
    /// <summary>Soft limit.</summary>
    [JsonPropertyName("Soft")] public long Soft { get; set; }
    /// <summary>Hard limit.</summary>
    [JsonPropertyName("Hard")] public long Hard { get; set; }
}
