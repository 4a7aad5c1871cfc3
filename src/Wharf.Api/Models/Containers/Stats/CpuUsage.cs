using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Docker's <c>cpu_usage</c> (nanoseconds).</summary>
public sealed class CpuUsage
{
    /// <summary>Total.</summary>
    [JsonPropertyName("total_usage")] public ulong TotalUsage { get; set; }
    /// <summary>Per CPU (v1 only).</summary>
    [JsonPropertyName("percpu_usage")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<ulong>? PercpuUsage { get; set; }
    /// <summary>Kernel mode.</summary>
    [JsonPropertyName("usage_in_kernelmode")] public ulong UsageInKernelmode { get; set; }
    /// <summary>User mode.</summary>
    [JsonPropertyName("usage_in_usermode")] public ulong UsageInUsermode { get; set; }
}
