using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wharf.Core.Oci;

/// <summary>The image configuration document (OCI <c>application/vnd.oci.image.config.v1+json</c>, Docker's image JSON). Its sha256 is the image ID.</summary>
public sealed class ImageConfig
{
    /// <summary>When the image was created (RFC 3339).</summary>
    [JsonPropertyName("created")] public DateTimeOffset? Created { get; set; }
    /// <summary>Who made the image.</summary>
    [JsonPropertyName("author")] public string? Author { get; set; }
    /// <summary>CPU architecture, Go names (amd64, arm64).</summary>
    [JsonPropertyName("architecture")] public string Architecture { get; set; } = "amd64";
    /// <summary>Operating system, <c>linux</c>.</summary>
    [JsonPropertyName("os")] public string Os { get; set; } = "linux";
    /// <summary>CPU variant (v8 for arm64), if any.</summary>
    [JsonPropertyName("variant")] public string? Variant { get; set; }
    /// <summary>Defaults for containers run from the image.</summary>
    [JsonPropertyName("config")] public ImageRuntimeConfig? Config { get; set; }
    /// <summary>Docker's legacy copy of the config of the container that produced the image.</summary>
    [JsonPropertyName("container_config")] public ImageRuntimeConfig? ContainerConfig { get; set; }
    /// <summary>The uncompressed layer digests, bottom first.</summary>
    [JsonPropertyName("rootfs")] public RootFs RootFs { get; set; } = new();
    /// <summary>One entry per build step, bottom first.</summary>
    [JsonPropertyName("history")] public List<HistoryEntry>? History { get; set; }
    /// <summary>Docker's commit/import message.</summary>
    [JsonPropertyName("comment")] public string? Comment { get; set; }
    /// <summary>Docker's legacy parent image ID, for images built locally.</summary>
    [JsonPropertyName("parent")] public string? Parent { get; set; }
    /// <summary>Version of the engine that made the image.</summary>
    [JsonPropertyName("docker_version")] public string? DockerVersion { get; set; }
    /// <summary>Fields this type does not model (<c>container</c>, <c>os.version</c>, build info), kept so configs round-trip.</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>Parses an image config; throws <see cref="JsonException"/> when malformed.</summary>
    public static ImageConfig Parse(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, CoreJsonContext.Default.ImageConfig) ?? throw new JsonException("image config is null");

    /// <summary>Serialises the config to UTF-8 JSON; the sha256 of exactly these bytes is the image ID.</summary>
    public byte[] ToJsonBytes() => JsonSerializer.SerializeToUtf8Bytes(this, CoreJsonContext.Default.ImageConfig);
}

/// <summary>The <c>config</c> object of an image config: the defaults for containers (Docker's Go field names).</summary>
public sealed class ImageRuntimeConfig
{
    /// <summary>Hostname (legacy, Docker writes it).</summary>
    [JsonPropertyName("Hostname")] public string? Hostname { get; set; }
    /// <summary>Domain name (legacy).</summary>
    [JsonPropertyName("Domainname")] public string? Domainname { get; set; }
    /// <summary>User (name, uid, uid:gid, name:group).</summary>
    [JsonPropertyName("User")] public string? User { get; set; }
    /// <summary>Ports the image exposes, as <c>"80/tcp": {}</c>.</summary>
    [JsonPropertyName("ExposedPorts")] public Dictionary<string, EmptyObject>? ExposedPorts { get; set; }
    /// <summary>Environment, <c>KEY=value</c>.</summary>
    [JsonPropertyName("Env")] public List<string>? Env { get; set; }
    /// <summary>Entrypoint argv.</summary>
    [JsonPropertyName("Entrypoint")] public List<string>? Entrypoint { get; set; }
    /// <summary>Default arguments.</summary>
    [JsonPropertyName("Cmd")] public List<string>? Cmd { get; set; }
    /// <summary>Health check.</summary>
    [JsonPropertyName("Healthcheck")] public HealthcheckConfig? Healthcheck { get; set; }
    /// <summary>Shell for the shell form of RUN/CMD/ENTRYPOINT.</summary>
    [JsonPropertyName("Shell")] public List<string>? Shell { get; set; }
    /// <summary>Paths that become anonymous volumes, as <c>"/data": {}</c>.</summary>
    [JsonPropertyName("Volumes")] public Dictionary<string, EmptyObject>? Volumes { get; set; }
    /// <summary>Working directory.</summary>
    [JsonPropertyName("WorkingDir")] public string? WorkingDir { get; set; }
    /// <summary>Labels.</summary>
    [JsonPropertyName("Labels")] public Dictionary<string, string>? Labels { get; set; }
    /// <summary>Signal that stops the container (name or number).</summary>
    [JsonPropertyName("StopSignal")] public string? StopSignal { get; set; }
    /// <summary>Build-time ONBUILD triggers.</summary>
    [JsonPropertyName("OnBuild")] public List<string>? OnBuild { get; set; }
    /// <summary>Whether stdin is attached (legacy).</summary>
    [JsonPropertyName("AttachStdin")] public bool? AttachStdin { get; set; }
    /// <summary>Whether stdout is attached (legacy).</summary>
    [JsonPropertyName("AttachStdout")] public bool? AttachStdout { get; set; }
    /// <summary>Whether stderr is attached (legacy).</summary>
    [JsonPropertyName("AttachStderr")] public bool? AttachStderr { get; set; }
    /// <summary>Whether a TTY is allocated (legacy).</summary>
    [JsonPropertyName("Tty")] public bool? Tty { get; set; }
    /// <summary>Whether stdin stays open (legacy).</summary>
    [JsonPropertyName("OpenStdin")] public bool? OpenStdin { get; set; }
    /// <summary>Whether stdin closes after one attach (legacy).</summary>
    [JsonPropertyName("StdinOnce")] public bool? StdinOnce { get; set; }
    /// <summary>Image name the container was made from (legacy).</summary>
    [JsonPropertyName("Image")] public string? Image { get; set; }
    /// <summary>True when Cmd/Entrypoint are already escaped for a Windows command line (Dockerfile shell form writes it).</summary>
    [JsonPropertyName("ArgsEscaped")] public bool? ArgsEscaped { get; set; }
    /// <summary>Fields this type does not model (<c>NetworkDisabled</c>, <c>MacAddress</c>, …), kept so configs round-trip.</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>A health check, Docker's shape (durations in nanoseconds).</summary>
public sealed class HealthcheckConfig
{
    /// <summary><c>["NONE"]</c>, <c>["CMD", …]</c> or <c>["CMD-SHELL", "…"]</c>.</summary>
    [JsonPropertyName("Test")] public List<string>? Test { get; set; }
    /// <summary>Time between probes (ns).</summary>
    [JsonPropertyName("Interval")] public long? Interval { get; set; }
    /// <summary>Probe timeout (ns).</summary>
    [JsonPropertyName("Timeout")] public long? Timeout { get; set; }
    /// <summary>Start period (ns).</summary>
    [JsonPropertyName("StartPeriod")] public long? StartPeriod { get; set; }
    /// <summary>Interval during the start period (ns).</summary>
    [JsonPropertyName("StartInterval")] public long? StartInterval { get; set; }
    /// <summary>Consecutive failures before unhealthy.</summary>
    [JsonPropertyName("Retries")] public int? Retries { get; set; }
}

/// <summary>The <c>rootfs</c> object: uncompressed layer digests.</summary>
public sealed class RootFs
{
    /// <summary>Always <c>layers</c>.</summary>
    [JsonPropertyName("type")] public string Type { get; set; } = "layers";
    /// <summary>Uncompressed layer digests, bottom first.</summary>
    [JsonPropertyName("diff_ids")] public List<string> DiffIds { get; set; } = [];
}

/// <summary>One history entry of an image config.</summary>
public sealed class HistoryEntry
{
    /// <summary>When the step ran.</summary>
    [JsonPropertyName("created")] public DateTimeOffset? Created { get; set; }
    /// <summary>The command that made the step.</summary>
    [JsonPropertyName("created_by")] public string? CreatedBy { get; set; }
    /// <summary>Author of the step.</summary>
    [JsonPropertyName("author")] public string? Author { get; set; }
    /// <summary>Comment.</summary>
    [JsonPropertyName("comment")] public string? Comment { get; set; }
    /// <summary>True when the step added no layer.</summary>
    [JsonPropertyName("empty_layer")] public bool? EmptyLayer { get; set; }
}

/// <summary>The empty JSON object Docker uses as a set-member marker (<c>{}</c>).</summary>
public sealed class EmptyObject
{
}
