using System.Formats.Tar;
using System.Text;
using Wharf.Engine.Filesystem;

namespace Wharf.Engine.Layers;

/// <summary>
/// Writes files of a tree into a PAX tar under chosen names, keeping what <see cref="LayerApplier"/> restores:
/// ownership, mode, mtime, xattrs, symlink targets, devices, fifos and hard links (a second name of an inode already
/// written becomes a hard link entry). Serves <c>docker export</c>, layer diffs, commit and <c>docker cp</c>.
/// </summary>
internal sealed class FileTarWriter(TarWriter writer)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly Dictionary<(ulong Device, ulong Inode), string> _hardLinks = [];

    /// <summary>The tree is an overlayfs upper directory: <see cref="WriteChildren"/> writes its 0/0 character devices as <c>.wh.</c> whiteouts and its opaque directories as <c>.wh..wh..opq</c>.</summary>
    public bool OverlayWhiteouts { get; init; }

    /// <summary>Archive <c>trusted.overlay.*</c> xattrs too (they are overlayfs bookkeeping everywhere but in a plain tree exported as is).</summary>
    public bool KeepOverlayXattrs { get; init; }

    /// <summary>Fail when a file's xattrs cannot be listed, rather than archiving the file without them.</summary>
    public bool StrictXattrs { get; init; }

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
            return; // Sockets cannot be archived; tar tools skip them too.
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
        if (OverlayWhiteouts && prefix.Length > 0 && Syscalls.LGetXattr(hostDirectory, LayerApplier.OverlayOpaqueXattr) is [(byte)'y'])
        {
            WriteMarker(Join(prefix, LayerApplier.OpaqueWhiteout), Syscalls.LStat(hostDirectory));
        }
        foreach (var child in children)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = hostDirectory.TrimEnd('/') + "/" + child;
            var status = Syscalls.TryLStat(path);
            if (status is null)
            {
                continue;
            }
            if (OverlayWhiteouts && status.IsOverlayWhiteout)
            {
                WriteMarker(Join(prefix, LayerApplier.WhiteoutPrefix + child), status);
                continue;
            }
            var name = Join(prefix, child);
            Write(path, name, status);
            if (status.IsDirectory)
            {
                WriteChildren(path, name, cancellationToken);
            }
        }
    }

    private static string Join(string prefix, string child) =>
        prefix.Length == 0 || prefix.EndsWith('/') ? prefix + child : prefix + "/" + child;

    private Dictionary<string, string> ReadXattrs(string path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        IReadOnlyList<string> names;
        try
        {
            names = Syscalls.LListXattr(path);
        }
        catch (IOException) when (!StrictXattrs)
        {
            return result;
        }
        foreach (var name in names)
        {
            if (!KeepOverlayXattrs && name.StartsWith("trusted.overlay.", StringComparison.Ordinal))
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
                // PAX records are text in System.Formats.Tar; binary values travel base64-encoded the way libarchive writes them.
                result["LIBARCHIVE.xattr." + Uri.EscapeDataString(name)] = Convert.ToBase64String(value);
            }
        }
        return result;
    }
}
