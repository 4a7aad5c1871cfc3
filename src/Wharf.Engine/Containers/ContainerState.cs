namespace Wharf.Engine.Containers;

/// <summary>Docker's <c>State</c> of a container. Null times mean "never" (the daemon writes <c>0001-01-01T00:00:00Z</c>).</summary>
public sealed record ContainerState
{
    /// <summary>Lifecycle state.</summary>
    public ContainerStatus Status { get; init; } = ContainerStatus.Created;

    /// <summary>True while running or paused (Docker reports Running=true for paused containers).</summary>
    public bool Running => Status is ContainerStatus.Running or ContainerStatus.Paused or ContainerStatus.Restarting;

    /// <summary>True while paused.</summary>
    public bool Paused => Status == ContainerStatus.Paused;

    /// <summary>True while a restart policy restarts it.</summary>
    public bool Restarting => Status == ContainerStatus.Restarting;

    /// <summary>Init PID while running, else 0.</summary>
    public int Pid { get; init; }

    /// <summary>Last exit code (127/126/128 when start failed).</summary>
    public int ExitCode { get; init; }

    /// <summary>Why the last start failed, else empty.</summary>
    public string Error { get; init; } = "";

    /// <summary>When it was last started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it last exited.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The kernel's OOM killer ended it.</summary>
    public bool OomKilled { get; init; }

    /// <summary>Health of a container with a health check, filled in when read (kept in memory, never stored).</summary>
    public Wharf.Engine.Containers.Health.HealthSnapshot? Health { get; init; }
}
