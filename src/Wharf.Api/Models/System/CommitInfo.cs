using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>A component commit in <c>/info</c>.</summary>
public sealed class CommitInfo
{
    /// <summary>Commit or version string.</summary>
    [JsonPropertyName("ID")] public string Id { get; set; } = "";
}
