using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Docker's <c>Healthcheck</c> config; durations in nanoseconds.</summary>
public sealed class HealthConfig
{
    /// <summary><c>["NONE"]</c>, <c>["CMD", …]</c>, <c>["CMD-SHELL", "…"]</c>.</summary>
    [JsonPropertyName("Test")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<string>? Test { get; set; }
    /// <summary>Between probes.</summary>
    [JsonPropertyName("Interval")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public long Interval { get; set; }
    /// <summary>Probe timeout.</summary>
    [JsonPropertyName("Timeout")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public long Timeout { get; set; }
    /// <summary>Start period.</summary>
    [JsonPropertyName("StartPeriod")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public long StartPeriod { get; set; }
    /// <summary>Interval during the start period.</summary>
    [JsonPropertyName("StartInterval")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public long StartInterval { get; set; }
    /// <summary>Failures before unhealthy.</summary>
    [JsonPropertyName("Retries")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public int Retries { get; set; }
}
