namespace Wharf.Engine.Containers.Archive;

/// <summary>Options of <see cref="ArchiveExtractor"/> (<c>PUT /containers/{id}/archive</c>).</summary>
public sealed class ArchiveExtractOptions
{
    /// <summary>Refuse to replace an existing directory with a non-directory and vice versa (<c>noOverwriteDirNonDir</c>).</summary>
    public bool NoOverwriteDirNonDir { get; init; }

    /// <summary>When set, every extracted file is owned by this uid/gid (<c>copyUIDGID</c> with a container user) instead of the tar's.</summary>
    public (uint Uid, uint Gid)? Owner { get; init; }
}
