namespace Wharf.Engine.Containers.Mounts;

/// <summary>A resolved mount of a container (Docker's <c>MountPoint</c>), fixed at create and shown by inspect.</summary>
public sealed record ContainerMountPoint
{
    /// <summary><see cref="MountTypes"/> name.</summary>
    public required string Type { get; init; }

    /// <summary>Volume name (volumes only).</summary>
    public string? Name { get; init; }

    /// <summary>Host path: the bind source or the volume's <c>_data</c>; empty for tmpfs.</summary>
    public string Source { get; init; } = "";

    /// <summary>Absolute, clean path in the container.</summary>
    public required string Destination { get; init; }

    /// <summary>Volume driver (volumes only).</summary>
    public string? Driver { get; init; }

    /// <summary>The mode text as given (<c>ro</c>, <c>z</c>, <c>rw,rshared</c>…).</summary>
    public string Mode { get; init; } = "";

    /// <summary>Writable.</summary>
    public bool ReadWrite { get; init; } = true;

    /// <summary>Bind propagation (<c>rprivate</c>…); empty for volumes and tmpfs.</summary>
    public string Propagation { get; init; } = "";

    /// <summary>Copy the image's content at the destination into the volume while it is empty.</summary>
    public bool CopyData { get; init; }

    /// <summary>Create a missing bind source (<c>-v</c> binds) rather than failing.</summary>
    public bool CreateSource { get; init; }

    /// <summary>tmpfs mount data (<c>size=…,mode=…</c>).</summary>
    public string TmpfsData { get; init; } = "";
}
