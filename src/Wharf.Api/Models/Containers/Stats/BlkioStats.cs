using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Docker's <c>blkio_stats</c> (null lists, as Docker sends them, when a counter is unavailable).</summary>
public sealed class BlkioStats
{
    /// <summary>Bytes per device and operation.</summary>
    [JsonPropertyName("io_service_bytes_recursive")] public List<BlkioStatEntry>? IoServiceBytesRecursive { get; set; }
    /// <summary>Operations per device and operation.</summary>
    [JsonPropertyName("io_serviced_recursive")] public List<BlkioStatEntry>? IoServicedRecursive { get; set; }
    /// <summary>Queued operations (CFQ only).</summary>
    [JsonPropertyName("io_queue_recursive")] public List<BlkioStatEntry>? IoQueueRecursive { get; set; }
    /// <summary>Service time (CFQ only).</summary>
    [JsonPropertyName("io_service_time_recursive")] public List<BlkioStatEntry>? IoServiceTimeRecursive { get; set; }
    /// <summary>Wait time (CFQ only).</summary>
    [JsonPropertyName("io_wait_time_recursive")] public List<BlkioStatEntry>? IoWaitTimeRecursive { get; set; }
    /// <summary>Merged operations (CFQ only).</summary>
    [JsonPropertyName("io_merged_recursive")] public List<BlkioStatEntry>? IoMergedRecursive { get; set; }
    /// <summary>Time (CFQ only).</summary>
    [JsonPropertyName("io_time_recursive")] public List<BlkioStatEntry>? IoTimeRecursive { get; set; }
    /// <summary>Sectors (CFQ only).</summary>
    [JsonPropertyName("sectors_recursive")] public List<BlkioStatEntry>? SectorsRecursive { get; set; }
}
