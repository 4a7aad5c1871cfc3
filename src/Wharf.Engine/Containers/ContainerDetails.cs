namespace Wharf.Engine.Containers;

/// <summary>A container with the sizes computed on request (inspect <c>?size=1</c>, <c>ps -s</c>).</summary>
/// <param name="Container">The stored container.</param>
/// <param name="SizeRw">Bytes written by the container (its snapshot's upper directory); null when not asked.</param>
/// <param name="SizeRootFs">Bytes of its whole filesystem (image + changes); null when not asked.</param>
public sealed record ContainerDetails(ContainerRecord Container, long? SizeRw = null, long? SizeRootFs = null)
{
    /// <summary>Networks, addresses and published ports (filled by <see cref="ContainerService.WithNetwork"/>); null when not asked.</summary>
    public Networks.ContainerNetworkView? Network { get; init; }
}
