using System.Text.Json.Serialization;
using Wharf.Core.Oci;

namespace Wharf.Api.Models;

/// <summary>Docker's container <c>Config</c> (create body, inspect <c>Config</c>, image <c>Config</c>/<c>ContainerConfig</c>).</summary>
public class ContainerConfig
{
    /// <summary>Hostname.</summary>
    [JsonPropertyName("Hostname")] public string Hostname { get; set; } = "";
    /// <summary>Domain name.</summary>
    [JsonPropertyName("Domainname")] public string Domainname { get; set; } = "";
    /// <summary>User.</summary>
    [JsonPropertyName("User")] public string User { get; set; } = "";
    /// <summary>Attach stdin.</summary>
    [JsonPropertyName("AttachStdin")] public bool AttachStdin { get; set; }
    /// <summary>Attach stdout.</summary>
    [JsonPropertyName("AttachStdout")] public bool AttachStdout { get; set; }
    /// <summary>Attach stderr.</summary>
    [JsonPropertyName("AttachStderr")] public bool AttachStderr { get; set; }
    /// <summary>Exposed ports, <c>"80/tcp": {}</c>.</summary>
    [JsonPropertyName("ExposedPorts")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Dictionary<string, EmptyObject>? ExposedPorts { get; set; }
    /// <summary>Allocate a TTY.</summary>
    [JsonPropertyName("Tty")] public bool Tty { get; set; }
    /// <summary>Keep stdin open.</summary>
    [JsonPropertyName("OpenStdin")] public bool OpenStdin { get; set; }
    /// <summary>Close stdin after the first attach detaches.</summary>
    [JsonPropertyName("StdinOnce")] public bool StdinOnce { get; set; }
    /// <summary>Environment, <c>KEY=value</c>.</summary>
    [JsonPropertyName("Env")] public List<string>? Env { get; set; }
    /// <summary>Command.</summary>
    [JsonPropertyName("Cmd")] public List<string>? Cmd { get; set; }
    /// <summary>Health check.</summary>
    [JsonPropertyName("Healthcheck")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public HealthConfig? Healthcheck { get; set; }
    /// <summary>Windows only.</summary>
    [JsonPropertyName("ArgsEscaped")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public bool ArgsEscaped { get; set; }
    /// <summary>Image as the user named it.</summary>
    [JsonPropertyName("Image")] public string Image { get; set; } = "";
    /// <summary>Anonymous volumes, <c>"/data": {}</c>.</summary>
    [JsonPropertyName("Volumes")] public Dictionary<string, EmptyObject>? Volumes { get; set; }
    /// <summary>Working directory.</summary>
    [JsonPropertyName("WorkingDir")] public string WorkingDir { get; set; } = "";
    /// <summary>Entrypoint.</summary>
    [JsonPropertyName("Entrypoint")] public List<string>? Entrypoint { get; set; }
    /// <summary>Networking disabled.</summary>
    [JsonPropertyName("NetworkDisabled")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public bool NetworkDisabled { get; set; }
    /// <summary>Deprecated MAC address (per endpoint since 1.44).</summary>
    [JsonPropertyName("MacAddress")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? MacAddress { get; set; }
    /// <summary>ONBUILD triggers.</summary>
    [JsonPropertyName("OnBuild")] public List<string>? OnBuild { get; set; }
    /// <summary>Labels; never null on the wire.</summary>
    [JsonPropertyName("Labels")] public Dictionary<string, string> Labels { get; set; } = [];
    /// <summary>Stop signal.</summary>
    [JsonPropertyName("StopSignal")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? StopSignal { get; set; }
    /// <summary>Stop timeout in seconds.</summary>
    [JsonPropertyName("StopTimeout")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? StopTimeout { get; set; }
    /// <summary>Shell for shell-form instructions.</summary>
    [JsonPropertyName("Shell")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<string>? Shell { get; set; }
}
