namespace Wharf.Engine.Containers;

/// <summary>A container's lifecycle state, Docker's <c>State.Status</c> vocabulary (never <c>removing</c>: removal is not a state we report).</summary>
public enum ContainerStatus
{
    /// <summary>Created, never started.</summary>
    Created,
    /// <summary>Running.</summary>
    Running,
    /// <summary>Paused (cgroup freezer).</summary>
    Paused,
    /// <summary>Being restarted by a restart policy.</summary>
    Restarting,
    /// <summary>Exited (or failed to start).</summary>
    Exited,
    /// <summary>Could not be cleaned up.</summary>
    Dead,
}
