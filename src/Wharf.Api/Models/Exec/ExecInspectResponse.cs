using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Answer of <c>GET /exec/{id}/json</c>.</summary>
public sealed class ExecInspectResponse
{
    /// <summary>Exec ID.</summary>
    [JsonPropertyName("ID")] public string Id { get; set; } = "";
    /// <summary>Whether the process runs.</summary>
    [JsonPropertyName("Running")] public bool Running { get; set; }
    /// <summary>Exit code; null until the process has ended.</summary>
    [JsonPropertyName("ExitCode")] public int? ExitCode { get; set; }
    /// <summary>What runs.</summary>
    [JsonPropertyName("ProcessConfig")] public ExecProcessConfig ProcessConfig { get; set; } = new();
    /// <summary>stdin attached.</summary>
    [JsonPropertyName("OpenStdin")] public bool OpenStdin { get; set; }
    /// <summary>stderr attached.</summary>
    [JsonPropertyName("OpenStderr")] public bool OpenStderr { get; set; }
    /// <summary>stdout attached.</summary>
    [JsonPropertyName("OpenStdout")] public bool OpenStdout { get; set; }
    /// <summary>Whether the daemon may forget the instance (it has ended).</summary>
    [JsonPropertyName("CanRemove")] public bool CanRemove { get; set; }
    /// <summary>The container's ID.</summary>
    [JsonPropertyName("ContainerID")] public string ContainerId { get; set; } = "";
    /// <summary>Detach key bytes (base64, as Go encodes a byte slice); null for the default.</summary>
    [JsonPropertyName("DetachKeys")] public byte[]? DetachKeys { get; set; }
    /// <summary>Host PID of the process; 0 before it started.</summary>
    [JsonPropertyName("Pid")] public int Pid { get; set; }
}
