using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Docker's <c>throttling_data</c>.</summary>
public sealed class ThrottlingData
{
    /// <summary>Periods with throttling active.</summary>
    [JsonPropertyName("periods")] public ulong Periods { get; set; }
    /// <summary>Periods in which the container hit its limit.</summary>
    [JsonPropertyName("throttled_periods")] public ulong ThrottledPeriods { get; set; }
    /// <summary>Total throttled time (ns).</summary>
    [JsonPropertyName("throttled_time")] public ulong ThrottledTime { get; set; }
}
