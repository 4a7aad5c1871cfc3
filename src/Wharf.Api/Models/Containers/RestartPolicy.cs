using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Docker's restart policy.</summary>
public sealed class RestartPolicy
{
    /// <summary><c>""</c>, <c>no</c>, <c>always</c>, <c>on-failure</c>, <c>unless-stopped</c>.</summary>
    [JsonPropertyName("Name")] public string Name { get; set; } = "no";
    /// <summary>Retries for on-failure.</summary>
    [JsonPropertyName("MaximumRetryCount")] public int MaximumRetryCount { get; set; }
}
