using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>The <c>ProcessConfig</c> of an exec inspect document.</summary>
public sealed class ExecProcessConfig
{
    /// <summary>Whether a tty was requested.</summary>
    [JsonPropertyName("tty")] public bool Tty { get; set; }
    /// <summary>argv[0].</summary>
    [JsonPropertyName("entrypoint")] public string Entrypoint { get; set; } = "";
    /// <summary>The remaining arguments.</summary>
    [JsonPropertyName("arguments")] public List<string> Arguments { get; set; } = [];
    /// <summary>Whether the process runs privileged.</summary>
    [JsonPropertyName("privileged")] public bool Privileged { get; set; }
    /// <summary>The requested user, when one was given.</summary>
    [JsonPropertyName("user")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? User { get; set; }
}
