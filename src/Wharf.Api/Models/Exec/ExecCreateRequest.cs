using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Body of <c>POST /containers/{id}/exec</c>.</summary>
public sealed class ExecCreateRequest
{
    /// <summary>Attach the process's stdin.</summary>
    [JsonPropertyName("AttachStdin")] public bool AttachStdin { get; set; }
    /// <summary>Attach the process's stdout.</summary>
    [JsonPropertyName("AttachStdout")] public bool AttachStdout { get; set; }
    /// <summary>Attach the process's stderr.</summary>
    [JsonPropertyName("AttachStderr")] public bool AttachStderr { get; set; }
    /// <summary>Initial tty size <c>[height, width]</c>.</summary>
    [JsonPropertyName("ConsoleSize")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<int>? ConsoleSize { get; set; }
    /// <summary>Detach key sequence (<c>ctrl-p,ctrl-q</c> form); empty = default.</summary>
    [JsonPropertyName("DetachKeys")] public string? DetachKeys { get; set; }
    /// <summary>Allocate a pseudo-terminal.</summary>
    [JsonPropertyName("Tty")] public bool Tty { get; set; }
    /// <summary><c>KEY=value</c> additions to the container's environment.</summary>
    [JsonPropertyName("Env")] public List<string>? Env { get; set; }
    /// <summary>Command and arguments.</summary>
    [JsonPropertyName("Cmd")] public List<string>? Cmd { get; set; }
    /// <summary>Run with all capabilities.</summary>
    [JsonPropertyName("Privileged")] public bool Privileged { get; set; }
    /// <summary>User (<c>name|uid[:group|gid]</c>); empty = the container's.</summary>
    [JsonPropertyName("User")] public string? User { get; set; }
    /// <summary>Working directory; empty = the container's.</summary>
    [JsonPropertyName("WorkingDir")] public string? WorkingDir { get; set; }
}
