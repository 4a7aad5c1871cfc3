using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Docker's <c>cpu_stats</c>.</summary>
public sealed class CpuStats
{
    /// <summary>Container CPU time.</summary>
    [JsonPropertyName("cpu_usage")] public CpuUsage CpuUsage { get; set; } = new();
    /// <summary>Host CPU time (ns).</summary>
    [JsonPropertyName("system_cpu_usage")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public ulong SystemCpuUsage { get; set; }
    /// <summary>Online CPUs.</summary>
    [JsonPropertyName("online_cpus")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public uint OnlineCpus { get; set; }
    /// <summary>CFS throttling.</summary>
    [JsonPropertyName("throttling_data")] public ThrottlingData ThrottlingData { get; set; } = new();
}
