namespace Wharf.Engine.Filesystem;

/// <summary>Copies a directory tree exactly: file types, hard links, symlinks, devices, fifos, ownership, modes, xattrs and mtimes.</summary>
public static class TreeCopier
{
    /// <summary>Copies <paramref name="source"/> to <paramref name="destination"/> (which must not exist).</summary>
    public static void Copy(string source, string destination)
    {
        var hardLinks = new Dictionary<(ulong, ulong), string>();
        var directoryTimes = new List<(string, DateTimeOffset)>();
        var rootStatus = Syscalls.LStat(source);
        Directory.CreateDirectory(destination);
        CopyDirectory(source, destination, hardLinks, directoryTimes);
        CopyMetadata(source, destination, rootStatus);
        directoryTimes.Add((destination, rootStatus.ModificationTime));
        foreach (var (path, time) in directoryTimes)
        {
            Syscalls.SetTimes(path, time);
        }
    }

    private static void CopyDirectory(string source, string destination, Dictionary<(ulong, ulong), string> hardLinks, List<(string, DateTimeOffset)> directoryTimes)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(source))
        {
            var name = Path.GetFileName(entry);
            var target = Path.Combine(destination, name);
            var status = Syscalls.LStat(entry);
            if (!status.IsDirectory && status.LinkCount > 1)
            {
                if (hardLinks.TryGetValue((status.Device, status.Inode), out var first))
                {
                    Syscalls.HardLink(first, target);
                    continue;
                }
                hardLinks[(status.Device, status.Inode)] = target;
            }
            switch (status.Type)
            {
                case FileTypes.Directory:
                    Directory.CreateDirectory(target);
                    CopyDirectory(entry, target, hardLinks, directoryTimes);
                    CopyMetadata(entry, target, status);
                    directoryTimes.Add((target, status.ModificationTime));
                    continue;
                case FileTypes.Regular:
                    File.Copy(entry, target);
                    break;
                case FileTypes.Symlink:
                    File.CreateSymbolicLink(target, new FileInfo(entry).LinkTarget ?? "");
                    break;
                case FileTypes.CharDevice:
                case FileTypes.BlockDevice:
                case FileTypes.Fifo:
                case FileTypes.Socket:
                    Syscalls.MakeNode(target, status.Mode, status.DeviceMajor, status.DeviceMinor);
                    break;
                default:
                    continue;
            }
            CopyMetadata(entry, target, status);
            Syscalls.SetTimes(target, status.ModificationTime);
        }
    }

    private static void CopyMetadata(string source, string target, FileStatus status)
    {
        Syscalls.LChown(target, status.Uid, status.Gid);
        foreach (var name in Syscalls.LListXattr(source))
        {
            if (Syscalls.LGetXattr(source, name) is { } value)
            {
                Syscalls.LSetXattr(target, name, value);
            }
        }
        if (!status.IsSymlink)
        {
            Syscalls.Chmod(target, status.Permissions);
        }
    }
}
