using Wharf.Engine.Filesystem;
using Wharf.Engine.Layers;

namespace Wharf.Engine.Containers.Archive;

/// <summary>
/// Computes a container's filesystem changes against its image, as <c>docker diff</c> lists them: from an overlay upper
/// directory (whiteouts are deletions, opaque directories hide what is below) or, for full-copy drivers, by comparing
/// the container's tree with the image's. A directory is listed as modified when its owner or mode changed or anything
/// below it changed; runtime mount points (<see cref="InitPaths"/>) are never listed. Parents come before children.
/// </summary>
public static class ChangeCollector
{
    /// <summary>Changes recorded in overlay upper directory <paramref name="upper"/> over <paramref name="lowers"/> (nearest first).</summary>
    public static List<FilesystemChange> FromOverlay(string upper, IReadOnlyList<string> lowers, CancellationToken cancellationToken = default)
    {
        var result = new List<FilesystemChange>();
        WalkOverlay(upper.TrimEnd('/'), "", lowers, lowerHidden: false, result, cancellationToken);
        return result;
    }

    /// <summary>Changes between the image tree <paramref name="image"/> (null = empty) and the container tree <paramref name="container"/>.</summary>
    public static List<FilesystemChange> FromTrees(string container, string? image, CancellationToken cancellationToken = default)
    {
        var result = new List<FilesystemChange>();
        WalkTrees(container.TrimEnd('/'), image?.TrimEnd('/'), "", result, cancellationToken);
        return result;
    }

    private static void WalkOverlay(string upper, string path, IReadOnlyList<string> lowers, bool lowerHidden, List<FilesystemChange> result,
        CancellationToken cancellationToken)
    {
        foreach (var name in SortedChildren(upper + path))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var childPath = path + "/" + name;
            if (InitPaths.IsInitPath(childPath))
            {
                continue;
            }
            var status = Syscalls.TryLStat(upper + childPath);
            if (status is null)
            {
                continue;
            }
            if (status.IsOverlayWhiteout)
            {
                result.Add(new FilesystemChange(childPath, ChangeKind.Deleted));
                continue;
            }
            var lower = lowerHidden ? null : LowerStatus(lowers, childPath);
            var opaque = status.IsDirectory && Syscalls.LGetXattr(upper + childPath, LayerApplier.OverlayOpaqueXattr) is [(byte)'y'];
            FilesystemChange? own = lower is null
                ? new FilesystemChange(childPath, ChangeKind.Added, opaque)
                : opaque || !SameDirectory(status, lower) ? new FilesystemChange(childPath, ChangeKind.Modified, opaque) : null;
            if (!status.IsDirectory)
            {
                result.Add(own!);
                continue;
            }
            var children = new List<FilesystemChange>();
            WalkOverlay(upper, childPath, lowers, lowerHidden || opaque || lower is null, children, cancellationToken);
            if (own is null && children.Count > 0)
            {
                own = new FilesystemChange(childPath, ChangeKind.Modified);
            }
            if (own is not null)
            {
                result.Add(own);
            }
            result.AddRange(children);
        }
    }

    private static void WalkTrees(string container, string? image, string path, List<FilesystemChange> result, CancellationToken cancellationToken)
    {
        var names = new SortedSet<string>(SortedChildren(container + path), StringComparer.Ordinal);
        if (image is not null)
        {
            names.UnionWith(SortedChildren(image + path));
        }
        foreach (var name in names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var childPath = path + "/" + name;
            if (InitPaths.IsInitPath(childPath))
            {
                continue;
            }
            var now = Syscalls.TryLStat(container + childPath);
            var before = image is null ? null : Syscalls.TryLStat(image + childPath);
            if (now is null)
            {
                if (before is not null)
                {
                    result.Add(new FilesystemChange(childPath, ChangeKind.Deleted));
                }
                continue;
            }
            FilesystemChange? own = before is null
                ? new FilesystemChange(childPath, ChangeKind.Added)
                : Different(container + childPath, now, image + childPath, before) ? new FilesystemChange(childPath, ChangeKind.Modified) : null;
            if (!now.IsDirectory)
            {
                if (own is not null)
                {
                    result.Add(own);
                }
                continue;
            }
            var children = new List<FilesystemChange>();
            WalkTrees(container, before is { IsDirectory: true } ? image : null, childPath, children, cancellationToken);
            if (own is null && children.Count > 0)
            {
                own = new FilesystemChange(childPath, ChangeKind.Modified);
            }
            if (own is not null)
            {
                result.Add(own);
            }
            result.AddRange(children);
        }
    }

    /// <summary>Docker compares directories by type, mode and owner only: their size and mtime change with any child.</summary>
    private static bool SameDirectory(FileStatus upper, FileStatus lower) =>
        upper.IsDirectory && lower.IsDirectory && upper.Mode == lower.Mode && upper.Uid == lower.Uid && upper.Gid == lower.Gid;

    private static bool Different(string nowPath, FileStatus now, string beforePath, FileStatus before)
    {
        if (now.Mode != before.Mode || now.Uid != before.Uid || now.Gid != before.Gid
            || now.DeviceMajor != before.DeviceMajor || now.DeviceMinor != before.DeviceMinor)
        {
            return true;
        }
        if (now.IsDirectory)
        {
            return false;
        }
        if (now.Size != before.Size || now.ModificationTime != before.ModificationTime)
        {
            return true;
        }
        return now.IsSymlink && new FileInfo(nowPath).LinkTarget != new FileInfo(beforePath).LinkTarget;
    }

    /// <summary>The path as the merged lower layers show it: the nearest layer that has it, unless a whiteout or an opaque parent hides it.</summary>
    private static FileStatus? LowerStatus(IReadOnlyList<string> lowers, string path)
    {
        foreach (var lower in lowers)
        {
            var status = Syscalls.TryLStat(lower + path);
            if (status is not null)
            {
                return status.IsOverlayWhiteout ? null : status;
            }
            if (HasOpaqueAncestor(lower, path))
            {
                return null;
            }
        }
        return null;
    }

    private static bool HasOpaqueAncestor(string lower, string path)
    {
        for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
        {
            var ancestor = lower + path[..slash];
            var status = Syscalls.TryLStat(ancestor);
            if (status is null)
            {
                continue;
            }
            if (!status.IsDirectory)
            {
                return true; // A file or whiteout here hides everything below it.
            }
            if (Syscalls.LGetXattr(ancestor, LayerApplier.OverlayOpaqueXattr) is [(byte)'y'])
            {
                return true;
            }
        }
        return false;
    }

    private static List<string> SortedChildren(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }
        var names = Directory.EnumerateFileSystemEntries(directory).Select(Path.GetFileName).OfType<string>().ToList();
        names.Sort(StringComparer.Ordinal);
        return names;
    }
}
