using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Docker's <c>memory_stats</c>.</summary>
public sealed class MemoryStats
{
    /// <summary>Usage (bytes).</summary>
    [JsonPropertyName("usage")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public ulong Usage { get; set; }
    /// <summary>Peak usage (v1).</summary>
    [JsonPropertyName("max_usage")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public ulong MaxUsage { get; set; }
    /// <summary><c>memory.stat</c> counters.</summary>
    [JsonPropertyName("stats")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Dictionary<string, ulong>? Stats { get; set; }
    /// <summary>Times the limit was hit (v1).</summary>
    [JsonPropertyName("failcnt")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public ulong Failcnt { get; set; }
    /// <summary>Limit (host memory when unlimited).</summary>
    [JsonPropertyName("limit")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public ulong Limit { get; set; }
}
