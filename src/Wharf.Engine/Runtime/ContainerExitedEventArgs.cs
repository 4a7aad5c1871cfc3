namespace Wharf.Engine.Runtime;

/// <summary>Raised when conmon records a container's exit.</summary>
public sealed class ContainerExitedEventArgs(string id, ContainerExit exit) : EventArgs
{
    /// <summary>Container ID.</summary>
    public string Id { get; } = id;

    /// <summary>The recorded exit.</summary>
    public ContainerExit Exit { get; } = exit;
}
