using Wharf.Engine.Filesystem;

namespace Wharf.Engine.Volumes;

public sealed partial class VolumeService
{
    /// <summary>
    /// Copies an image directory into the volume when the volume is empty (Docker's copy-up for image <c>VOLUME</c>s and
    /// <c>-v name:/path</c> over image content): ownership, modes, symlinks, hard links, devices, xattrs and times are kept,
    /// and the volume root takes the source directory's ownership and mode. Returns false when nothing was copied
    /// (volume not empty, or <paramref name="sourceDirectory"/> missing or not a directory).
    /// </summary>
    public bool CopyUp(string name, string sourceDirectory)
    {
        lock (_lock)
        {
            var volume = Get(name);
            if (Syscalls.TryLStat(sourceDirectory) is not { IsDirectory: true })
            {
                return false;
            }
            var options = LocalVolumeOptions.Parse(name, volume.Options);
            var mountedHere = false;
            if (options is not null && !MountTable.IsMountPoint(volume.Mountpoint))
            {
                options.MountOnto(volume.Mountpoint);
                mountedHere = true;
            }
            try
            {
                if (Directory.EnumerateFileSystemEntries(volume.Mountpoint).Any())
                {
                    return false;
                }
                TreeCopier.Copy(sourceDirectory, volume.Mountpoint);
                return true;
            }
            finally
            {
                if (mountedHere && _store.Mounts(name).Count == 0)
                {
                    UnmountData(volume);
                }
            }
        }
    }
}
