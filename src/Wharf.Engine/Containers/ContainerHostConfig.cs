namespace Wharf.Engine.Containers;

/// <summary>The part of Docker's <c>HostConfig</c> that this engine honours or stores.</summary>
public sealed record ContainerHostConfig
{
    /// <summary><c>none</c>, <c>host</c> (and later bridge networks); <c>default</c> is resolved at create.</summary>
    public string NetworkMode { get; init; } = "default";

    /// <summary><c>--rm</c>: remove the container when it exits.</summary>
    public bool AutoRemove { get; init; }

    /// <summary><c>--privileged</c>.</summary>
    public bool Privileged { get; init; }

    /// <summary><c>--read-only</c>.</summary>
    public bool ReadonlyRootfs { get; init; }

    /// <summary><c>--cap-add</c>.</summary>
    public IReadOnlyList<string>? CapAdd { get; init; }

    /// <summary><c>--cap-drop</c>.</summary>
    public IReadOnlyList<string>? CapDrop { get; init; }

    /// <summary><c>--init</c>.</summary>
    public bool? Init { get; init; }

    /// <summary>OCI runtime name; empty = the daemon's default.</summary>
    public string Runtime { get; init; } = "";

    /// <summary>Restart policy (stored only).</summary>
    public RestartPolicy RestartPolicy { get; init; } = new();

    /// <summary><c>--shm-size</c> in bytes; 0 = 64 MiB.</summary>
    public long ShmSize { get; init; }

    /// <summary><c>-v</c> binds; host paths are mounted, named volumes are refused until the volume service exists.</summary>
    public IReadOnlyList<string>? Binds { get; init; }

    /// <summary>Log configuration.</summary>
    public LogConfig LogConfig { get; init; } = new();
}
