using Wharf.Engine.Filesystem;
using Wharf.Engine.Snapshots;

namespace Wharf.Engine.Containers;

/// <summary>Mounts a snapshot at a container's rootfs directory idempotently (a daemon restart finds mounts still in place) and takes it down again.</summary>
internal static class RootfsMounter
{
    /// <summary>Mounts <paramref name="mounts"/> on <paramref name="target"/> (created if missing); nothing happens when it is already a mount point.</summary>
    public static void Mount(IReadOnlyList<Snapshots.Mount> mounts, string target)
    {
        Directory.CreateDirectory(target);
        if (!IsMounted(target))
        {
            Mounter.MountAll(mounts, target);
        }
    }

    /// <summary>Unmounts everything mounted on <paramref name="target"/>, lazily when busy; a target that is not mounted is fine.</summary>
    public static void Unmount(string target)
    {
        if (!IsMounted(target))
        {
            return;
        }
        try
        {
            Mounter.UnmountAll(target);
        }
        catch (IOException)
        {
            while (IsMounted(target))
            {
                Syscalls.Unmount(target, Syscalls.UnmountDetach);
            }
        }
    }

    /// <summary>Whether <paramref name="path"/> is a mount point in this mount namespace.</summary>
    public static bool IsMounted(string path) => MountTable.IsMountPoint(Path.GetFullPath(path));
}
