namespace Wharf.Engine.Containers;

/// <summary>Docker's container <c>Config</c> as a domain type. Null lists mean "not given" (which matters when merging with the image's defaults).</summary>
public sealed record ContainerConfig
{
    /// <summary>Hostname; empty = first 12 characters of the ID (or the host's name with <c>--network host</c>).</summary>
    public string Hostname { get; init; } = "";

    /// <summary>Domain name.</summary>
    public string Domainname { get; init; } = "";

    /// <summary>User (name, uid, uid:gid, name:group); empty = image default.</summary>
    public string User { get; init; } = "";

    /// <summary>Environment, <c>KEY=value</c>.</summary>
    public IReadOnlyList<string>? Env { get; init; }

    /// <summary>Command (arguments to the entrypoint).</summary>
    public IReadOnlyList<string>? Cmd { get; init; }

    /// <summary>Entrypoint; <c>[""]</c> clears the image's entrypoint.</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }

    /// <summary>Working directory; empty = image default.</summary>
    public string WorkingDir { get; init; } = "";

    /// <summary>Labels.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>Allocate a pseudo-terminal.</summary>
    public bool Tty { get; init; }

    /// <summary>Keep stdin open.</summary>
    public bool OpenStdin { get; init; }

    /// <summary>Close stdin after the first attach client detaches.</summary>
    public bool StdinOnce { get; init; }

    /// <summary>Whether the creator attaches stdin.</summary>
    public bool AttachStdin { get; init; }

    /// <summary>Whether the creator attaches stdout.</summary>
    public bool AttachStdout { get; init; }

    /// <summary>Whether the creator attaches stderr.</summary>
    public bool AttachStderr { get; init; }

    /// <summary>Exposed ports, e.g. <c>80/tcp</c>.</summary>
    public IReadOnlyList<string>? ExposedPorts { get; init; }

    /// <summary>Anonymous volume paths.</summary>
    public IReadOnlyList<string>? Volumes { get; init; }

    /// <summary>Signal that stops the container; empty = SIGTERM.</summary>
    public string StopSignal { get; init; } = "";

    /// <summary>Seconds to wait before SIGKILL on stop; null = 10.</summary>
    public int? StopTimeout { get; init; }

    /// <summary>Health check (merged with the image's at create); null = none.</summary>
    public Core.Oci.HealthcheckConfig? Healthcheck { get; init; }

    /// <summary>Image as the user typed it (Docker's <c>Config.Image</c>).</summary>
    public string Image { get; init; } = "";
}
