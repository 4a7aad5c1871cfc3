using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>The <c>State.Health</c> object of container inspect.</summary>
public sealed class HealthState
{
    /// <summary><c>starting</c>, <c>healthy</c>, <c>unhealthy</c>.</summary>
    [JsonPropertyName("Status")] public string Status { get; set; } = "starting";
    /// <summary>Consecutive failures.</summary>
    [JsonPropertyName("FailingStreak")] public int FailingStreak { get; set; }
    /// <summary>Recent probes.</summary>
    [JsonPropertyName("Log")] public List<HealthcheckResult> Log { get; set; } = [];
}
