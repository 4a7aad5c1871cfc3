using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Docker's <c>pids_stats</c>.</summary>
public sealed class PidsStats
{
    /// <summary>Tasks in the container.</summary>
    [JsonPropertyName("current")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public ulong Current { get; set; }
    /// <summary>Task limit (absent when unlimited).</summary>
    [JsonPropertyName("limit")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public ulong Limit { get; set; }
}
