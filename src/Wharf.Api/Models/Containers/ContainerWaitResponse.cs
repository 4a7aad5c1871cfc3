using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Answer of <c>POST /containers/{id}/wait</c>.</summary>
public sealed class ContainerWaitResponse
{
    /// <summary>Exit code.</summary>
    [JsonPropertyName("StatusCode")] public long StatusCode { get; set; }
    /// <summary>Set when waiting failed.</summary>
    [JsonPropertyName("Error")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public WaitExitError? Error { get; set; }
}
