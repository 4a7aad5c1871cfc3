using Wharf.Core.Errors;
using Wharf.Engine.Containers.Archive;
using Wharf.Engine.Filesystem;
using Wharf.Engine.Runtime;

namespace Wharf.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>
    /// <c>HEAD /containers/{id}/archive</c>: stats <paramref name="path"/> inside the container (running or not) without
    /// following a final symlink; 404 <c>Could not find the file … in container …</c> when missing.
    /// </summary>
    public Task<ContainerPathInfo> StatPathAsync(string nameOrId, string path, CancellationToken ct = default)
    {
        var container = _store.Resolve(nameOrId);
        return WithFilesystemAsync(container, root => Task.FromResult(StatPath(root, path, nameOrId)), ct);
    }

    /// <summary>
    /// <c>GET /containers/{id}/archive</c>: stats <paramref name="path"/>, hands the stat to <paramref name="begin"/> (which
    /// sends the headers and returns the stream to write to), then writes a tar of the path whose entries start with the
    /// requested base name.
    /// </summary>
    public Task ArchivePathAsync(string nameOrId, string path, Func<ContainerPathInfo, Task<Stream>> begin, CancellationToken ct = default)
    {
        var container = _store.Resolve(nameOrId);
        return WithFilesystemAsync(container, async root =>
        {
            var info = StatPath(root, path, nameOrId);
            var absolute = ArchivePaths.Absolute(path);
            var resolved = ArchivePaths.ResolveKeepingFinal(root, absolute);
            var output = await begin(info).ConfigureAwait(false);
            await Task.Run(() => ResourceArchiver.Write(resolved, ArchivePaths.Base(absolute), output, ct), ct).ConfigureAwait(false);
            Emit("archive-path", container);
            return true;
        }, ct);
    }

    /// <summary>
    /// <c>PUT /containers/{id}/archive</c>: extracts <paramref name="tar"/> into directory <paramref name="path"/> of the container
    /// (a final symlink is followed), before or after it started. <paramref name="copyUidGid"/> makes the files owned by the
    /// container's user, as Docker's <c>cp -a</c>.
    /// </summary>
    public Task ExtractToDirectoryAsync(string nameOrId, string path, Stream tar, bool noOverwriteDirNonDir, bool copyUidGid, CancellationToken ct = default)
    {
        var container = _store.Resolve(nameOrId);
        return WithFilesystemAsync(container, async root =>
        {
            var absolute = ArchivePaths.Absolute(path);
            var resolved = RootedPath.Resolve(root, absolute, followFinalSymlink: true);
            var status = LStatInRoot(root, resolved) ?? throw new NotFoundException($"Could not find the file {path} in container {nameOrId}");
            if (!status.IsDirectory)
            {
                throw new InvalidArgumentException("extraction point is not a directory");
            }
            var containerPath = ArchivePaths.ContainerPath(root, resolved);
            if (container.HostConfig.ReadonlyRootfs && !IsInBind(container, containerPath))
            {
                throw new ForbiddenException("container rootfs is marked read-only");
            }
            (uint, uint)? owner = null;
            if (copyUidGid && !string.IsNullOrEmpty(container.Config.User))
            {
                var user = UserResolver.Resolve(root, container.Config.User);
                owner = (user.Uid, user.Gid);
            }
            var options = new ArchiveExtractOptions { NoOverwriteDirNonDir = noOverwriteDirNonDir, Owner = owner };
            await Task.Run(() => ArchiveExtractor.Extract(tar, root, containerPath, options, ct), ct).ConfigureAwait(false);
            Emit("extract-to-dir", container);
            return true;
        }, ct);
    }

    private static ContainerPathInfo StatPath(string root, string path, string nameOrId)
    {
        var absolute = ArchivePaths.Absolute(path);
        var resolved = ArchivePaths.ResolveKeepingFinal(root, absolute);
        var status = LStatInRoot(root, resolved) ?? throw new NotFoundException($"Could not find the file {path} in container {nameOrId}");
        var linkTarget = "";
        if (status.IsSymlink)
        {
            linkTarget = ArchivePaths.ContainerPath(root, RootedPath.Resolve(root, absolute, followFinalSymlink: true));
        }
        return new ContainerPathInfo(ArchivePaths.Base(absolute), status.Size, status.Mode, status.ModificationTime, linkTarget);
    }

    /// <summary>lstat, except that the root itself is looked at through a trailing slash: a live root is the <c>/proc/PID/root</c> link.</summary>
    private static Filesystem.FileStatus? LStatInRoot(string root, string hostPath) =>
        Syscalls.TryLStat(hostPath.TrimEnd('/') == root.TrimEnd('/') ? root.TrimEnd('/') + "/" : hostPath);

    private static bool IsInBind(ContainerRecord container, string containerPath) =>
        (container.HostConfig.Binds ?? []).Select(b => b.Split(':')).Where(p => p.Length >= 2)
            .Any(p => containerPath == p[1].TrimEnd('/') || containerPath.StartsWith(p[1].TrimEnd('/') + "/", StringComparison.Ordinal));

    /// <summary>
    /// Runs <paramref name="action"/> with the container's root as its processes see it: a running container's
    /// <c>/proc/PID/root</c> (its volumes, binds and tmpfs included), else the rootfs mounted for the time of the call
    /// (under the container's lock, so a start cannot race the unmount).
    /// </summary>
    private async Task<T> WithFilesystemAsync<T>(ContainerRecord container, Func<string, Task<T>> action, CancellationToken ct)
    {
        if (LiveRoot(container) is { } live)
        {
            return await action(live).ConfigureAwait(false);
        }
        using (await LockAsync(container.Id, ct).ConfigureAwait(false))
        {
            var current = _store.Get(container.Id) ?? throw new NotFoundException($"No such container: {container.Id}");
            if (LiveRoot(current) is { } started)
            {
                return await action(started).ConfigureAwait(false);
            }
            var rootfs = RootfsDirectory(current.Id);
            var mountedHere = !RootfsMounter.IsMounted(rootfs);
            if (mountedHere)
            {
                RootfsMounter.Mount(_snapshotter.Mounts(current.Id), rootfs);
            }
            try
            {
                return await action(rootfs).ConfigureAwait(false);
            }
            finally
            {
                if (mountedHere)
                {
                    TryUnmount(current.Id);
                }
            }
        }
    }

    private static string? LiveRoot(ContainerRecord container)
    {
        if (!container.State.Running || container.State.Pid <= 0)
        {
            return null;
        }
        var root = $"/proc/{container.State.Pid}/root";
        return Directory.Exists(root + "/") ? root : null;
    }
}
