namespace Wharf.Engine.Containers.Archive;

/// <summary>What <c>HEAD /containers/{id}/archive</c> reports about a path inside a container (Docker's <c>ContainerPathStat</c>).</summary>
/// <param name="Name">Base name of the requested path (Go's <c>filepath.Base</c>).</param>
/// <param name="Size">Size in bytes (lstat).</param>
/// <param name="Mode">Unix <c>st_mode</c> (type and permission bits) of the path itself.</param>
/// <param name="ModificationTime">Modification time.</param>
/// <param name="LinkTarget">For a symlink: its target fully resolved inside the container, as an absolute container path; else empty.</param>
public sealed record ContainerPathInfo(string Name, long Size, uint Mode, DateTimeOffset ModificationTime, string LinkTarget)
{
    /// <summary>Whether the path is a directory.</summary>
    public bool IsDirectory => (Mode & Filesystem.FileTypes.Mask) == Filesystem.FileTypes.Directory;
}
