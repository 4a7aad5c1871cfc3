namespace Wharf.Engine.Containers;

/// <summary>A container as the engine stores it: identity, the merged config it runs with, and its state.</summary>
public sealed record ContainerRecord
{
    /// <summary>64 hex characters.</summary>
    public required string Id { get; init; }

    /// <summary>Name without the leading <c>/</c>.</summary>
    public required string Name { get; init; }

    /// <summary>When it was created.</summary>
    public required DateTimeOffset Created { get; init; }

    /// <summary>Image ID (<c>sha256:…</c>).</summary>
    public required string ImageId { get; init; }

    /// <summary>The image as the user typed it.</summary>
    public required string Image { get; init; }

    /// <summary>Config after merging the image's defaults.</summary>
    public required ContainerConfig Config { get; init; }

    /// <summary>Host configuration.</summary>
    public required ContainerHostConfig HostConfig { get; init; }

    /// <summary>Executable (first word of entrypoint + cmd).</summary>
    public required string Path { get; init; }

    /// <summary>Its arguments.</summary>
    public required IReadOnlyList<string> Args { get; init; }

    /// <summary>Runtime state.</summary>
    public ContainerState State { get; init; } = new();

    /// <summary>PID of the conmon monitor while running, else 0.</summary>
    public int ConmonPid { get; init; }

    /// <summary>k8s-file log written by conmon.</summary>
    public string LogPath { get; init; } = "";

    /// <summary><c>hostname</c> file bind-mounted at /etc/hostname.</summary>
    public string HostnamePath { get; init; } = "";

    /// <summary><c>hosts</c> file bind-mounted at /etc/hosts.</summary>
    public string HostsPath { get; init; } = "";

    /// <summary><c>resolv.conf</c> bind-mounted at /etc/resolv.conf.</summary>
    public string ResolvConfPath { get; init; } = "";

    /// <summary>Times a restart policy restarted it.</summary>
    public int RestartCount { get; init; }

    /// <summary>The user stopped or killed it since its last user start (Docker's <c>HasBeenManuallyStopped</c>): <c>unless-stopped</c> then stays down.</summary>
    public bool HasBeenManuallyStopped { get; init; }

    /// <summary>Storage driver of its rootfs (<c>overlay2</c>, <c>vfs</c>).</summary>
    public string Driver { get; init; } = "";

    /// <summary>Name as Docker shows it, with the leading <c>/</c>.</summary>
    public string DockerName => "/" + Name;

    /// <summary>Entry point and arguments as one command line, as <c>ps</c> shows it.</summary>
    public string Command => Args.Count == 0 ? Path : Path + " " + string.Join(' ', Args);
}
