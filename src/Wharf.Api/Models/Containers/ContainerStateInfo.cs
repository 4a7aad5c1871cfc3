using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>The <c>State</c> object of container inspect.</summary>
public sealed class ContainerStateInfo
{
    /// <summary><c>created</c>, <c>running</c>, <c>paused</c>, <c>restarting</c>, <c>exited</c>, <c>dead</c>.</summary>
    [JsonPropertyName("Status")] public string Status { get; set; } = "created";
    /// <summary>Running (also true while paused).</summary>
    [JsonPropertyName("Running")] public bool Running { get; set; }
    /// <summary>Paused.</summary>
    [JsonPropertyName("Paused")] public bool Paused { get; set; }
    /// <summary>Restarting.</summary>
    [JsonPropertyName("Restarting")] public bool Restarting { get; set; }
    /// <summary>Killed by the OOM killer.</summary>
    [JsonPropertyName("OOMKilled")] public bool OomKilled { get; set; }
    /// <summary>Dead.</summary>
    [JsonPropertyName("Dead")] public bool Dead { get; set; }
    /// <summary>Init PID, 0 when not running.</summary>
    [JsonPropertyName("Pid")] public int Pid { get; set; }
    /// <summary>Last exit code.</summary>
    [JsonPropertyName("ExitCode")] public int ExitCode { get; set; }
    /// <summary>Start error.</summary>
    [JsonPropertyName("Error")] public string Error { get; set; } = "";
    /// <summary>Last start, RFC 3339 (zero time when never).</summary>
    [JsonPropertyName("StartedAt")] public string StartedAt { get; set; } = Json.DockerTime.Zero;
    /// <summary>Last exit, RFC 3339 (zero time when never).</summary>
    [JsonPropertyName("FinishedAt")] public string FinishedAt { get; set; } = Json.DockerTime.Zero;
    /// <summary>Health, when the container has a health check.</summary>
    [JsonPropertyName("Health")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public HealthState? Health { get; set; }
}
