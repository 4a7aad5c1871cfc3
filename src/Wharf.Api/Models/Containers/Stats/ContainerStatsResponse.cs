using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>One frame of <c>GET /containers/{id}/stats</c> (Docker's <c>StatsJSON</c>).</summary>
public sealed class ContainerStatsResponse
{
    /// <summary>When this sample was read (RFC 3339).</summary>
    [JsonPropertyName("read")] public string Read { get; set; } = "0001-01-01T00:00:00Z";
    /// <summary>When the previous sample was read.</summary>
    [JsonPropertyName("preread")] public string PreRead { get; set; } = "0001-01-01T00:00:00Z";
    /// <summary>PIDs.</summary>
    [JsonPropertyName("pids_stats")] public PidsStats PidsStats { get; set; } = new();
    /// <summary>Block I/O.</summary>
    [JsonPropertyName("blkio_stats")] public BlkioStats BlkioStats { get; set; } = new();
    /// <summary>Processes (Windows).</summary>
    [JsonPropertyName("num_procs")] public uint NumProcs { get; set; }
    /// <summary>Storage (Windows).</summary>
    [JsonPropertyName("storage_stats")] public Dictionary<string, ulong> StorageStats { get; set; } = [];
    /// <summary>CPU now.</summary>
    [JsonPropertyName("cpu_stats")] public CpuStats CpuStats { get; set; } = new();
    /// <summary>CPU at the previous sample.</summary>
    [JsonPropertyName("precpu_stats")] public CpuStats PreCpuStats { get; set; } = new();
    /// <summary>Memory.</summary>
    [JsonPropertyName("memory_stats")] public MemoryStats MemoryStats { get; set; } = new();
    /// <summary>Container name with the leading <c>/</c>.</summary>
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    /// <summary>Container ID.</summary>
    [JsonPropertyName("id")] public string Id { get; set; } = "";
    /// <summary>Per-interface network counters.</summary>
    [JsonPropertyName("networks")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Dictionary<string, NetworkStats>? Networks { get; set; }
}
