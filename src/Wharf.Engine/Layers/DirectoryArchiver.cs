using System.Formats.Tar;
using System.Text;
using Wharf.Engine.Filesystem;

namespace Wharf.Engine.Layers;

/// <summary>
/// Writes a directory tree as a PAX tar stream (for <c>docker export</c> and for computing layers), keeping what
/// <see cref="LayerApplier"/> restores: ownership, modes, mtimes, xattrs, devices, fifos, symlinks and hard links.
/// </summary>
public static class DirectoryArchiver
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Writes the tree under <paramref name="root"/> (not the root entry itself) to <paramref name="output"/>.</summary>
    public static void Write(string root, Stream output, DirectoryArchiveOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DirectoryArchiveOptions();
        root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        using var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
        var hardLinks = new Dictionary<(ulong Device, ulong Inode), string>();
        WriteDirectory(writer, root, "", options, hardLinks, cancellationToken);
    }

    /// <summary>Asynchronous <see cref="Write"/> (runs on the thread pool).</summary>
    public static Task WriteAsync(string root, Stream output, DirectoryArchiveOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => Write(root, output, options, cancellationToken), cancellationToken);

    private static void WriteDirectory(TarWriter writer, string directory, string relative, DirectoryArchiveOptions options,
        Dictionary<(ulong, ulong), string> hardLinks, CancellationToken cancellationToken)
    {
        var children = Directory.EnumerateFileSystemEntries(directory).Select(Path.GetFileName).OfType<string>().ToList();
        children.Sort(StringComparer.Ordinal);
        if (options.OverlayWhiteouts && relative.Length > 0 && Syscalls.LGetXattr(directory, LayerApplier.OverlayOpaqueXattr) is [(byte)'y'])
        {
            var status = Syscalls.LStat(directory);
            var marker = new PaxTarEntry(TarEntryType.RegularFile, relative + "/" + LayerApplier.OpaqueWhiteout)
            {
                Mode = 0,
                Uid = (int)status.Uid,
                Gid = (int)status.Gid,
                ModificationTime = status.ModificationTime,
            };
            writer.WriteEntry(marker);
        }
        foreach (var name in children)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = directory + "/" + name;
            var entryName = relative.Length == 0 ? name : relative + "/" + name;
            var status = Syscalls.TryLStat(path);
            if (status is null)
            {
                continue;
            }
            if (options.OverlayWhiteouts && status.IsOverlayWhiteout)
            {
                var dir = relative.Length == 0 ? "" : relative + "/";
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, dir + LayerApplier.WhiteoutPrefix + name)
                {
                    Mode = 0,
                    Uid = (int)status.Uid,
                    Gid = (int)status.Gid,
                    ModificationTime = status.ModificationTime,
                });
                continue;
            }
            WriteEntry(writer, path, entryName, status, options, hardLinks);
            if (status.IsDirectory)
            {
                WriteDirectory(writer, path, entryName, options, hardLinks, cancellationToken);
            }
        }
    }

    private static void WriteEntry(TarWriter writer, string path, string entryName, FileStatus status, DirectoryArchiveOptions options,
        Dictionary<(ulong, ulong), string> hardLinks)
    {
        var xattrs = ReadXattrs(path, options);
        if (!status.IsDirectory && status.LinkCount > 1)
        {
            if (hardLinks.TryGetValue((status.Device, status.Inode), out var first))
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.HardLink, entryName)
                {
                    LinkName = first,
                    Mode = (UnixFileMode)status.Permissions,
                    Uid = (int)status.Uid,
                    Gid = (int)status.Gid,
                    ModificationTime = status.ModificationTime,
                });
                return;
            }
            hardLinks[(status.Device, status.Inode)] = entryName;
        }
        var type = status.Type switch
        {
            FileTypes.Directory => TarEntryType.Directory,
            FileTypes.Regular => TarEntryType.RegularFile,
            FileTypes.Symlink => TarEntryType.SymbolicLink,
            FileTypes.CharDevice => TarEntryType.CharacterDevice,
            FileTypes.BlockDevice => TarEntryType.BlockDevice,
            FileTypes.Fifo => TarEntryType.Fifo,
            _ => (TarEntryType?)null,
        };
        if (type is null)
        {
            return; // Sockets cannot be archived; tar tools skip them too.
        }
        var entry = new PaxTarEntry(type.Value, type == TarEntryType.Directory ? entryName + "/" : entryName, xattrs)
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
                    entry.LinkName = new FileInfo(path).LinkTarget ?? "";
                    break;
                case TarEntryType.CharacterDevice:
                case TarEntryType.BlockDevice:
                    entry.DeviceMajor = (int)status.DeviceMajor;
                    entry.DeviceMinor = (int)status.DeviceMinor;
                    break;
                case TarEntryType.RegularFile:
                    data = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
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

    private static Dictionary<string, string> ReadXattrs(string path, DirectoryArchiveOptions options)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Syscalls.LListXattr(path))
        {
            if (options.OverlayWhiteouts && name.StartsWith("trusted.overlay.", StringComparison.Ordinal))
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
