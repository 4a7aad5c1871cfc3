using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>One entry of <c>/info</c>'s <c>Runtimes</c>.</summary>
public sealed class RuntimeInfo
{
    /// <summary>Binary path or name.</summary>
    [JsonPropertyName("path")] public string Path { get; set; } = "";
}
