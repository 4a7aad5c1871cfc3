using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Body of <c>POST /containers/{id}/update</c>: Docker's <c>Resources</c> plus <c>RestartPolicy</c>; zero fields mean "unchanged".</summary>
public sealed class ContainerUpdateRequest
{
    /// <summary>Block I/O weight.</summary>
    [JsonPropertyName("BlkioWeight")] public int BlkioWeight { get; set; }
    /// <summary>CPU shares.</summary>
    [JsonPropertyName("CpuShares")] public long CpuShares { get; set; }
    /// <summary>CFS period.</summary>
    [JsonPropertyName("CpuPeriod")] public long CpuPeriod { get; set; }
    /// <summary>CFS quota.</summary>
    [JsonPropertyName("CpuQuota")] public long CpuQuota { get; set; }
    /// <summary>CPUs in 1e-9 units.</summary>
    [JsonPropertyName("NanoCpus")] public long NanoCpus { get; set; }
    /// <summary>Allowed CPUs.</summary>
    [JsonPropertyName("CpusetCpus")] public string? CpusetCpus { get; set; }
    /// <summary>Allowed memory nodes.</summary>
    [JsonPropertyName("CpusetMems")] public string? CpusetMems { get; set; }
    /// <summary>Memory limit.</summary>
    [JsonPropertyName("Memory")] public long Memory { get; set; }
    /// <summary>Memory + swap limit.</summary>
    [JsonPropertyName("MemorySwap")] public long MemorySwap { get; set; }
    /// <summary>Soft limit.</summary>
    [JsonPropertyName("MemoryReservation")] public long MemoryReservation { get; set; }
    /// <summary>Kernel memory (unsupported; rejected when set).</summary>
    [JsonPropertyName("KernelMemory")] public long KernelMemory { get; set; }
    /// <summary>PIDs limit; null = unchanged.</summary>
    [JsonPropertyName("PidsLimit")] public long? PidsLimit { get; set; }
    /// <summary>Restart policy; empty name = unchanged.</summary>
    [JsonPropertyName("RestartPolicy")] public RestartPolicy? RestartPolicy { get; set; }
}
