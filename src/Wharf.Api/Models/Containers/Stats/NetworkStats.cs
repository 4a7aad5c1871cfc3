using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>One interface of Docker's <c>networks</c>.</summary>
public sealed class NetworkStats
{
    /// <summary>Bytes received.</summary>
    [JsonPropertyName("rx_bytes")] public ulong RxBytes { get; set; }
    /// <summary>Packets received.</summary>
    [JsonPropertyName("rx_packets")] public ulong RxPackets { get; set; }
    /// <summary>Receive errors.</summary>
    [JsonPropertyName("rx_errors")] public ulong RxErrors { get; set; }
    /// <summary>Received packets dropped.</summary>
    [JsonPropertyName("rx_dropped")] public ulong RxDropped { get; set; }
    /// <summary>Bytes sent.</summary>
    [JsonPropertyName("tx_bytes")] public ulong TxBytes { get; set; }
    /// <summary>Packets sent.</summary>
    [JsonPropertyName("tx_packets")] public ulong TxPackets { get; set; }
    /// <summary>Send errors.</summary>
    [JsonPropertyName("tx_errors")] public ulong TxErrors { get; set; }
    /// <summary>Sent packets dropped.</summary>
    [JsonPropertyName("tx_dropped")] public ulong TxDropped { get; set; }
}
