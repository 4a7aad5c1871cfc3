namespace Wharf.Engine.Containers.Mounts;

/// <summary>One <c>--mount</c> (<c>HostConfig.Mounts</c> entry) as the engine stores it.</summary>
public sealed record MountRequest
{
    /// <summary><c>bind</c>, <c>volume</c> or <c>tmpfs</c>.</summary>
    public string Type { get; init; } = "";

    /// <summary>Host path (bind) or volume name (empty: anonymous volume).</summary>
    public string? Source { get; init; }

    /// <summary>Path in the container.</summary>
    public string Target { get; init; } = "";

    /// <summary><c>readonly</c>.</summary>
    public bool ReadOnly { get; init; }

    /// <summary><c>bind-propagation</c>; empty = <c>rprivate</c>.</summary>
    public string? BindPropagation { get; init; }

    /// <summary><c>BindOptions.CreateMountpoint</c>: create a missing bind source instead of refusing.</summary>
    public bool BindCreateMountpoint { get; init; }

    /// <summary><c>BindOptions</c> was given (refused for other types).</summary>
    public bool HasBindOptions { get; init; }

    /// <summary><c>VolumeOptions</c> was given (refused for binds).</summary>
    public bool HasVolumeOptions { get; init; }

    /// <summary><c>volume-nocopy</c>: no copy-up of image content into a new volume.</summary>
    public bool VolumeNoCopy { get; init; }

    /// <summary><c>volume-label</c>: labels of a volume created for this mount.</summary>
    public IReadOnlyDictionary<string, string>? VolumeLabels { get; init; }

    /// <summary><c>volume-driver</c>; empty = local.</summary>
    public string? VolumeDriver { get; init; }

    /// <summary><c>volume-opt</c>: driver options of a volume created for this mount.</summary>
    public IReadOnlyDictionary<string, string>? VolumeDriverOptions { get; init; }

    /// <summary><c>volume-subpath</c> (not supported; refused).</summary>
    public string? VolumeSubpath { get; init; }

    /// <summary><c>tmpfs-size</c> in bytes; 0 = unlimited.</summary>
    public long TmpfsSizeBytes { get; init; }

    /// <summary><c>tmpfs-mode</c> permission bits; 0 = default.</summary>
    public uint TmpfsMode { get; init; }
}
