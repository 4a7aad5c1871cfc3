using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Body of <c>POST /exec/{id}/start</c>.</summary>
public sealed class ExecStartRequest
{
    /// <summary>Start without attaching (plain 200, no stream).</summary>
    [JsonPropertyName("Detach")] public bool Detach { get; set; }
    /// <summary>Whether the client expects raw (tty) output.</summary>
    [JsonPropertyName("Tty")] public bool Tty { get; set; }
    /// <summary>Initial tty size <c>[height, width]</c>.</summary>
    [JsonPropertyName("ConsoleSize")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<int>? ConsoleSize { get; set; }
}
