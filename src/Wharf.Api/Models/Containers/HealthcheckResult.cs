using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>One health probe.</summary>
public sealed class HealthcheckResult
{
    /// <summary>Start, RFC 3339.</summary>
    [JsonPropertyName("Start")] public string Start { get; set; } = Json.DockerTime.Zero;
    /// <summary>End, RFC 3339.</summary>
    [JsonPropertyName("End")] public string End { get; set; } = Json.DockerTime.Zero;
    /// <summary>Probe exit code.</summary>
    [JsonPropertyName("ExitCode")] public int ExitCode { get; set; }
    /// <summary>Probe output.</summary>
    [JsonPropertyName("Output")] public string Output { get; set; } = "";
}
