using System.Formats.Tar;
using System.Text;
using Wharf.Engine.Filesystem;

namespace Wharf.Engine.Containers.Archive;

/// <summary>
/// Writes single files of a tree into a PAX tar under chosen names, keeping ownership, mode, mtime, xattrs, symlink
/// targets, devices and hard links (a second name of an inode already written becomes a hard link entry).
/// </summary>
internal sealed class FileTarWriter(TarWriter writer)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly Dictionary<(ulong Device, ulong Inode), string> _hardLinks = [];

    /// <summary>Writes <paramref name="hostPath"/> as entry <paramref name="name"/> (directories get a trailing <c>/</c>); sockets are skipped.</summary>
    public void Write(string hostPath, string name, FileStatus status)
    {
        if (!status.IsDirectory && status.LinkCount > 1)
        {
            if (_hardLinks.TryGetValue((status.Device, status.Inode), out var first))
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.HardLink, name)
                {
                    LinkName = first,
                    Mode = (UnixFileMode)status.Permissions,
                    Uid = (int)status.Uid,
                    Gid = (int)status.Gid,
                    ModificationTime = status.ModificationTime,
                });
                return;
            }
            _hardLinks[(status.Device, status.Inode)] = name;
        }
        TarEntryType? type = status.Type switch
        {
            FileTypes.Directory => TarEntryType.Directory,
            FileTypes.Regular => TarEntryType.RegularFile,
            FileTypes.Symlink => TarEntryType.SymbolicLink,
            FileTypes.CharDevice => TarEntryType.CharacterDevice,
            FileTypes.BlockDevice => TarEntryType.BlockDevice,
            FileTypes.Fifo => TarEntryType.Fifo,
            _ => null,
        };
        if (type is null)
        {
            return;
        }
        var entryName = type == TarEntryType.Directory && !name.EndsWith('/') ? name + "/" : name;
        var entry = new PaxTarEntry(type.Value, entryName, ReadXattrs(hostPath))
        {
            Mode = (UnixFileMode)status.Permissions,
            Uid = (int)status.Uid,
            Gid = (int)status.Gid,
            ModificationTime = status.ModificationTime,
        };
        FileStream? data = null;
        try
        {
            switch (type)
            {
                case TarEntryType.SymbolicLink:
                    entry.LinkName = new FileInfo(hostPath).LinkTarget ?? "";
                    break;
                case TarEntryType.CharacterDevice:
                case TarEntryType.BlockDevice:
                    entry.DeviceMajor = (int)status.DeviceMajor;
                    entry.DeviceMinor = (int)status.DeviceMinor;
                    break;
                case TarEntryType.RegularFile:
                    data = new FileStream(hostPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
                    entry.DataStream = data;
                    break;
            }
            writer.WriteEntry(entry);
        }
        finally
        {
            data?.Dispose();
        }
    }

    /// <summary>Writes an empty regular file entry (whiteout markers).</summary>
    public void WriteMarker(string name, FileStatus? owner)
    {
        writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name)
        {
            Mode = 0,
            Uid = (int)(owner?.Uid ?? 0),
            Gid = (int)(owner?.Gid ?? 0),
            ModificationTime = owner?.ModificationTime ?? DateTimeOffset.UnixEpoch,
        });
    }

    /// <summary>Writes the tree below directory <paramref name="hostDirectory"/> with names prefixed by <paramref name="prefix"/> (children only).</summary>
    public void WriteChildren(string hostDirectory, string prefix, CancellationToken cancellationToken)
    {
        var children = Directory.EnumerateFileSystemEntries(hostDirectory).Select(Path.GetFileName).OfType<string>().ToList();
        children.Sort(StringComparer.Ordinal);
        foreach (var child in children)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = hostDirectory.TrimEnd('/') + "/" + child;
            var status = Syscalls.TryLStat(path);
            if (status is null)
            {
                continue;
            }
            var name = prefix.Length == 0 || prefix.EndsWith('/') ? prefix + child : prefix + "/" + child;
            Write(path, name, status);
            if (status.IsDirectory)
            {
                WriteChildren(path, name, cancellationToken);
            }
        }
    }

    private static Dictionary<string, string> ReadXattrs(string path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        IReadOnlyList<string> names;
        try
        {
            names = Syscalls.LListXattr(path);
        }
        catch (IOException)
        {
            return result;
        }
        foreach (var name in names)
        {
            if (name.StartsWith("trusted.overlay.", StringComparison.Ordinal))
            {
                continue;
            }
            var value = Syscalls.LGetXattr(path, name);
            if (value is null)
            {
                continue;
            }
            try
            {
                result["SCHILY.xattr." + name] = StrictUtf8.GetString(value);
            }
            catch (DecoderFallbackException)
            {
                result["LIBARCHIVE.xattr." + Uri.EscapeDataString(name)] = Convert.ToBase64String(value);
            }
        }
        return result;
    }
}
