using System.Formats.Tar;
using Wharf.Core.Errors;
using Wharf.Engine.Filesystem;

namespace Wharf.Engine.Layers;

/// <summary>
/// What extracting a tar entry means on disk, shared by <see cref="LayerApplier"/> (image layers) and the container
/// archive extractor (<c>docker cp</c>): clean entry names that never climb above their root, the file system node an
/// entry stands for, and directory mtimes set last.
/// </summary>
internal static class TarEntryFiles
{
    /// <summary>
    /// Splits an entry name (or hard link target) into clean components; false when it climbs above its root. A NUL byte in
    /// a component is refused naming <paramref name="entryName"/>.
    /// </summary>
    public static bool TrySplitName(string name, string entryName, out List<string> components)
    {
        components = [];
        foreach (var part in name.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }
            if (part == "..")
            {
                if (components.Count == 0)
                {
                    return false;
                }
                components.RemoveAt(components.Count - 1);
                continue;
            }
            if (part.Contains('\0'))
            {
                throw new InvalidArgumentException($"invalid tar entry \"{entryName}\": name contains a NUL byte");
            }
            components.Add(part);
        }
        return true;
    }

    /// <summary>Whether entries of <paramref name="type"/> carry file content.</summary>
    public static bool IsRegularFile(TarEntryType type) =>
        type is TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile;

    /// <summary>
    /// Creates the node <paramref name="entry"/> stands for at <paramref name="target"/> (which does not exist, unless it is
    /// a directory and so is the entry); false for types this cannot create (hard links are the caller's: their targets
    /// resolve against its root). Each read of the entry's data goes through <paramref name="readSource"/>.
    /// </summary>
    public static bool CreateNode(string target, TarEntry entry, bool directoryExists, Func<Func<int>, int> readSource)
    {
        switch (entry.EntryType)
        {
            case TarEntryType.Directory:
                if (!directoryExists)
                {
                    Directory.CreateDirectory(target);
                }
                return true;
            case var type when IsRegularFile(type):
                WriteFile(target, entry, readSource);
                return true;
            case TarEntryType.SymbolicLink:
                File.CreateSymbolicLink(target, entry.LinkName);
                return true;
            case TarEntryType.CharacterDevice:
            case TarEntryType.BlockDevice:
            case TarEntryType.Fifo:
                var fileType = entry.EntryType switch
                {
                    TarEntryType.CharacterDevice => FileTypes.CharDevice,
                    TarEntryType.BlockDevice => FileTypes.BlockDevice,
                    _ => FileTypes.Fifo,
                };
                var (major, minor) = entry is PosixTarEntry posix ? ((uint)posix.DeviceMajor, (uint)posix.DeviceMinor) : (0u, 0u);
                Syscalls.MakeNode(target, fileType | ((uint)entry.Mode & 0xFFF), major, minor);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Sets the recorded directory mtimes, last recorded first, so setting a child's time cannot disturb its parent's.</summary>
    public static void SetDirectoryTimes(List<(string Path, DateTimeOffset Time)> directoryTimes)
    {
        for (var i = directoryTimes.Count - 1; i >= 0; i--)
        {
            var (path, time) = directoryTimes[i];
            if (Syscalls.TryLStat(path) is { IsDirectory: true })
            {
                Syscalls.SetTimes(path, time);
            }
        }
    }

    private static void WriteFile(string target, TarEntry entry, Func<Func<int>, int> readSource)
    {
        using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        var data = entry.DataStream;
        if (data is null)
        {
            return;
        }
        var buffer = new byte[81920];
        while (true)
        {
            var n = readSource(() => data.Read(buffer));
            if (n == 0)
            {
                break;
            }
            output.Write(buffer, 0, n);
        }
    }
}
