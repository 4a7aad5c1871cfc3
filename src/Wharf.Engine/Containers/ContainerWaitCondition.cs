namespace Wharf.Engine.Containers;

/// <summary>Docker's <c>wait?condition=</c>.</summary>
public enum ContainerWaitCondition
{
    /// <summary><c>not-running</c> (default): at once when not running, else at the next exit.</summary>
    NotRunning,
    /// <summary><c>next-exit</c>: at the next exit, whatever the current state.</summary>
    NextExit,
    /// <summary><c>removed</c>: once the container is removed.</summary>
    Removed,
}
